import { describe, expect, it } from 'vitest';
import {
  completeTaskUpload,
  findingActionUpload,
  recordFindingUpload,
  recordVisitUpload,
  referHazardInput,
  shortText,
  UploadInputError,
  waitingVisitsTo,
} from './grid-uploads.js';
import type { QueuedUpload } from './offline-queue.js';

const PHOTO = `data:image/jpeg;base64,${'A'.repeat(64)}`;
const place = { longitude: 106.82, latitude: 39.67 };

describe('the grid worker’s uploads', () => {
  it('records a finding found on a patrol whose start still waits, naming the patrol once it is made', () => {
    const spec = recordFindingUpload(
      { description: '路灯不亮，夜间行人不便', location: place, photos: [PHOTO] },
      { key: 'patrol-start-key' },
    );
    expect(spec).toMatchObject({
      label: '登记发现：路灯不亮，夜间行人不便',
      path: '/api/v1/grid/findings',
      refs: { patrol: 'patrol-start-key' },
      idsInBody: { patrolId: 'patrol' },
    });
    expect(spec.body.patrolId).toBeUndefined();
  });

  it('names a patrol the server already has by its id', () => {
    const spec = recordFindingUpload({ description: '井盖缺失', location: place }, { id: 12, version: 0 });
    expect(spec.body).toMatchObject({ description: '井盖缺失', patrolId: 12 });
    expect(spec.refs).toBeUndefined();
  });

  it('refuses on the phone, in the server’s words, what the server would refuse', () => {
    const short = () => recordFindingUpload({ description: '短', location: place }, null);
    expect(short).toThrow(UploadInputError);
    expect(short).toThrow('情况描述至少 2 个字');
    expect(() =>
      findingActionUpload({ key: 'k' }, 'solve_on_spot', { note: '已处理', afterPhotos: [] }, '井盖缺失'),
    ).toThrow('请上传处置后的照片');
  });

  it('solves a finding recorded offline with the version it has once it is made', () => {
    const spec = findingActionUpload(
      { key: 'finding-key' },
      'solve_on_spot',
      { note: '已现场更换井盖', afterPhotos: [PHOTO] },
      '井盖缺失',
    );
    expect(spec).toMatchObject({
      label: '就地解决：井盖缺失',
      path: '/api/v1/grid/findings/{finding}/actions/solve_on_spot',
      refs: { finding: 'finding-key' },
      versionFrom: 'finding',
      body: { note: '已现场更换井盖', afterPhotos: [PHOTO] },
    });
    expect(spec.body).not.toHaveProperty('version');
  });

  it('reports a finding the server has up at the version the worker saw', () => {
    const spec = findingActionUpload(
      { id: 5, version: 2 },
      'report_up',
      { note: '需执法部门处理' },
      '占道经营',
    );
    expect(spec).toMatchObject({
      label: '上报：占道经营',
      path: '/api/v1/grid/findings/5/actions/report_up',
      body: { note: '需执法部门处理', version: 2 },
    });
  });

  it('completes a task at the version the worker saw', () => {
    expect(
      completeTaskUpload({ id: 3, version: 0, title: '核查出租房屋' }, { note: '已核查 12 户' }),
    ).toEqual({
      label: '完成任务：核查出租房屋',
      kind: 'task_action',
      method: 'POST',
      path: '/api/v1/grid/tasks/3/actions/complete',
      body: { version: 0, note: '已核查 12 户' },
    });
  });

  it('shortens a long text for the list of what waits', () => {
    expect(shortText('小区东门  外侧人行道地砖大面积松动，存在绊倒隐患', 10)).toBe('小区东门 外侧人行道…');
  });

  it('records a household visit under the house’s address, at the time it was taken', () => {
    const house = { id: 41, label: '滨河小区3号楼2单元301' };
    const spec = recordVisitUpload(house, {
      purpose: 'care',
      note: '老人身体状况良好',
      visitedAt: '2026-12-06T02:30:00.000Z',
    });
    expect(spec).toEqual({
      label: '入户走访：滨河小区3号楼2单元301',
      kind: 'visit',
      method: 'POST',
      path: '/api/v1/grid/visits',
      body: { houseId: 41, purpose: 'care', note: '老人身体状况良好', visitedAt: '2026-12-06T02:30:00.000Z' },
    });
    expect(
      recordVisitUpload(
        { id: 1, label: '人民路街道朝阳社区幸福家园小区12号楼3单元1502' },
        {
          purpose: 'routine',
          note: '日常走访',
        },
      ).label,
    ).toBe('入户走访：人民路街道朝阳社区幸福家园小区12号楼3单元15…');
  });

  it('refuses a visit the server would refuse, in its words', () => {
    const house = { id: 41, label: '滨河小区' };
    expect(() => recordVisitUpload(house, { purpose: 'care', note: '好' })).toThrow(UploadInputError);
    expect(() => recordVisitUpload(house, { purpose: 'chat' as 'care', note: '聊了聊家常' })).toThrow(
      '请选择走访事由',
    );
  });

  it('finds the visits to one house among what waits on the phone', () => {
    const waiting = (kind: string, houseId: number) =>
      ({ key: `${kind}-${houseId}`, kind, body: { houseId } }) as unknown as QueuedUpload;
    const items = [waiting('visit', 41), waiting('visit', 42), waiting('finding', 41), waiting('visit', 41)];
    expect(waitingVisitsTo(items, 41).map((i) => i.key)).toEqual(['visit-41', 'visit-41']);
    expect(waitingVisitsTo(items, 7)).toEqual([]);
  });
});

describe('referring a finding as a safety hazard (转安全隐患)', () => {
  const finding = { id: 31, version: 2 };

  it('leaves the description to the server while the worker keeps the finding’s, and sends what he changed', () => {
    const kept = referHazardInput(
      { enterpriseId: 7, level: 'major', description: ' 疏散通道堆放杂物 ', place: '' },
      '疏散通道堆放杂物',
    );
    expect(kept).toEqual({ enterpriseId: 7, level: 'major' });
    const worded = referHazardInput(
      { enterpriseId: 7, description: '疏散通道被纸箱完全堵死', place: ' 一楼东侧 ' },
      '疏散通道堆放杂物',
    );
    expect(worded).toEqual({
      enterpriseId: 7,
      level: 'general',
      description: '疏散通道被纸箱完全堵死',
      place: '一楼东侧',
    });
    const spec = findingActionUpload(finding, 'refer_hazard', worded, '疏散通道堆放杂物');
    expect(spec).toMatchObject({
      label: '转安全隐患：疏散通道堆放杂物',
      path: '/api/v1/grid/findings/31/actions/refer_hazard',
      body: { version: 2, enterpriseId: 7, level: 'general' },
    });
  });

  it('refuses on the phone a referral without an enterprise', () => {
    expect(() =>
      findingActionUpload(
        finding,
        'refer_hazard',
        referHazardInput({}, '疏散通道堆放杂物'),
        '疏散通道堆放杂物',
      ),
    ).toThrow('请选择企业');
  });
});
