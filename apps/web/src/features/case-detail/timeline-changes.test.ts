import { describe, expect, it } from 'vitest';
import { changeLines, type TimelineNames } from './timeline-changes.js';

const NAMES: TimelineNames = {
  orgs: new Map([
    [7, '乌海市住房和城乡建设局'],
    [9, '新华街道'],
  ]),
  categories: new Map([[42, '物业服务']]),
};

describe('what a timeline event changed, for people', () => {
  it('names orgs and categories instead of their ids', () => {
    expect(changeLines({ leadUnitId: 7, coHandlerIds: [9, 11], categoryId: 42 }, NAMES, 'zh-CN')).toEqual([
      { label: '主办单位', value: '乌海市住房和城乡建设局' },
      { label: '协办单位', value: '新华街道、#11' },
      { label: '事项分类', value: '物业服务' },
    ]);
  });

  it('writes instants as Beijing wall-clock time, and a moved deadline as from → to', () => {
    const lines = changeLines(
      {
        acceptDeadline: '2026-10-08T01:30:00.000Z',
        resolveDeadline: { from: '2026-10-09T09:00:00.000Z', to: '2026-10-12T09:00:00.000Z' },
      },
      NAMES,
      'zh-CN',
    );
    expect(lines).toEqual([
      { label: '签收截止', value: '2026-10-08 09:30' },
      { label: '办结截止', value: '2026-10-09 17:00 → 2026-10-12 17:00' },
    ]);
  });

  it('says yes and no, and the labels of coded values, in the reader’s language', () => {
    expect(changeLines({ acceptedOnTime: true, satisfaction: 'satisfied' }, NAMES, 'zh-CN')).toEqual([
      { label: '按时签收', value: '是' },
      { label: '满意度', value: '满意' },
    ]);
    expect(changeLines({ acceptedOnTime: false, outcome: 'approve' }, NAMES, 'en')).toEqual([
      { label: 'Accepted on time', value: 'no' },
      { label: 'Outcome', value: 'approved' },
    ]);
  });

  it('leaves out empty values, internal references and shapes it does not know', () => {
    expect(
      changeLines(
        { note: null, coHandlerIds: [], templateId: 3, suggestion: { category: 1, p: 0.9 } },
        NAMES,
        'zh-CN',
      ),
    ).toEqual([]);
  });
});
