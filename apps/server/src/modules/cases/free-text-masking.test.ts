import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, legacyHashEvent } from '../../platform/lifecycle/event-chain.js';
import { buildCase } from '../../test/factories.js';
import { caseEvents } from './case-events.tables.js';
import { cases } from './cases.tables.js';
import { type CaseBody, type CaseWorld, createCaseWorld } from './cases.test-support.js';
import { EXPORT_COLUMNS } from './export/case-export.columns.js';

/**
 * Security finding 5: phones, ID numbers, bank cards and plates typed into free text — the content, the
 * title cut from it, notes, reasons, replies — reach roles without `personal_data.read` (leader, supervisor)
 * masked wherever the text goes, and their keyword search does not find a case by such a number.
 */
const PHONE = '13987654321';
const ID_NUMBER = '150302199001011231';
const PLATE = '蒙C12345';
const CARD = '6222021234567890128';
/** every number typed into the case below, in full: none of them may reach a masked caller */
const FULL = [PHONE, ID_NUMBER, PLATE, CARD, '1398765'];
const MASKED = {
  phone: '139****4321',
  id: '150302********1231',
  plate: '蒙C***45',
  card: '622202*********0128',
};

let w: CaseWorld;
let c: CaseBody;
beforeAll(async () => {
  w = await createCaseWorld();
  const registered = await w.newCase('agent', {
    content: `我的电话${PHONE}，身份证${ID_NUMBER}，小区门口路灯不亮，车牌${PLATE}的车常年占用消防通道`,
    location: await w.pointIn('150302'),
  });
  await w.step('dispatcher', registered.id, 'dispatch', {
    leadUnitId: w.ids.housing,
    note: `请联系诉求人${PHONE}核实`,
  });
  await w.step('handler', registered.id, 'accept');
  await w.step('handler', registered.id, 'progress', { note: `已联系车主（身份证${ID_NUMBER}）挪车` });
  await w.step('handler', registered.id, 'request_extension', {
    newDeadline: '2026-10-20T10:00:00+08:00',
    reason: `需等待车主${PHONE}回复`,
  });
  c = await w.step('handler', registered.id, 'reply', {
    content: `路灯已修复，补偿款已打入卡号${CARD}`,
  });
});
afterAll(() => w.api.close());

/** The raw body of a GET as `user`, after checking it answered 200. */
async function bodyOf(user: string, url: string): Promise<string> {
  const response = await w.get(user, url);
  expect(response.statusCode, response.body).toBe(200);
  return response.body;
}

function expectMasked(body: string): void {
  for (const number of FULL) expect(body).not.toContain(number);
  for (const masked of Object.values(MASKED)) expect(body).toContain(masked);
}

function expectInFull(body: string): void {
  for (const number of [PHONE, ID_NUMBER, PLATE, CARD]) expect(body).toContain(number);
}

describe('personal numbers in free text (finding 5)', () => {
  it('masks them in the detail — content, title, extension reason, every timeline note — for leader and supervisor (finding 5)', async () => {
    for (const user of ['leader', 'supervisor']) {
      const body = await bodyOf(user, `/api/v1/cases/${c.id}`);
      expectMasked(body);
      const detail = JSON.parse(body) as CaseBody;
      expect(detail.description).toBe(
        `我的电话${MASKED.phone}，身份证${MASKED.id}，小区门口路灯不亮，车牌${MASKED.plate}的车常年占用消防通道`,
      );
      expect(detail.title).toBe(`我的电话${MASKED.phone}，身份证…`);
      expect(detail.extension).toMatchObject({ reason: `需等待车主${MASKED.phone}回复` });
      const notes = Object.fromEntries(detail.timeline.map((e) => [e.action, e.note]));
      expect(notes).toMatchObject({
        dispatch: `请联系诉求人${MASKED.phone}核实`,
        progress: `已联系车主（身份证${MASKED.id}）挪车`,
        reply: `路灯已修复，补偿款已打入卡号${MASKED.card}`,
      });
    }
  });

  it('shows them in full to agent and dispatcher, who hold personal_data.read (finding 5)', async () => {
    for (const user of ['agent', 'dispatcher']) {
      const detail = JSON.parse(await bodyOf(user, `/api/v1/cases/${c.id}`)) as CaseBody;
      expect(detail.description).toContain(`我的电话${PHONE}，身份证${ID_NUMBER}`);
      expect(detail.title).toBe(`我的电话${PHONE}，身份证…`);
      expectInFull(JSON.stringify(detail));
    }
  });

  it('masks the title in the list, found by an ordinary word (finding 5)', async () => {
    const body = await bodyOf('leader', `/api/v1/cases?q=${encodeURIComponent('路灯不亮')}`);
    const { items } = JSON.parse(body) as { items: CaseBody[] };
    expect(items.map((i) => i.id)).toContain(c.id);
    expect(items.find((i) => i.id === c.id)?.title).toBe(`我的电话${MASKED.phone}，身份证…`);
    for (const number of FULL) expect(body).not.toContain(number);
    const full = await bodyOf('dispatcher', `/api/v1/cases?q=${encodeURIComponent('路灯不亮')}`);
    expect(full).toContain(`我的电话${PHONE}`);
  });

  it('finds the case by the phone in its text for the agent, not for leader or supervisor, nor by a part of it (finding 5)', async () => {
    const ids = async (user: string, q: string) =>
      (
        JSON.parse(await bodyOf(user, `/api/v1/cases?q=${encodeURIComponent(q)}`)) as { items: CaseBody[] }
      ).items.map((i) => i.id);
    for (const q of [PHONE, '1398765', ID_NUMBER, '19900101', '蒙C1234']) {
      expect(await ids('agent', q), q).toContain(c.id);
      expect(await ids('leader', q), q).not.toContain(c.id);
      expect(await ids('supervisor', q), q).not.toContain(c.id);
    }
    // the words around the numbers still find it
    expect(await ids('leader', '我的电话')).toContain(c.id);
    expect(await ids('supervisor', '消防通道')).toContain(c.id);
  });

  it('masks them in the .xlsx export of leader and supervisor, not of the dispatcher (finding 5)', async () => {
    const sheet = async (user: string) => {
      const response = await w.get(user, `/api/v1/cases/export?q=${encodeURIComponent('路灯不亮')}`);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const rows: Map<string, string>[] = [];
      workbook.worksheets[0]!.eachRow((row, n) => {
        if (n === 1) return;
        rows.push(new Map(EXPORT_COLUMNS.map((col, i) => [col.header, String(row.getCell(i + 1).value)])));
      });
      return rows.find((r) => r.get('工单编号') === c.number)!;
    };
    for (const user of ['leader', 'supervisor']) {
      const row = await sheet(user);
      expect(row.get('诉求内容')).toContain(`我的电话${MASKED.phone}，身份证${MASKED.id}`);
      expect(row.get('标题')).toBe(`我的电话${MASKED.phone}，身份证…`);
      for (const number of FULL) expect(JSON.stringify([...row.values()])).not.toContain(number);
    }
    const full = await sheet('dispatcher');
    expect(full.get('诉求内容')).toContain(`我的电话${PHONE}，身份证${ID_NUMBER}`);
  });

  it('masks them in the answer to an action taken by a role without personal_data.read (finding 5)', async () => {
    const other = await w.newCase('agent', { location: await w.pointIn('150302') });
    await w.step('dispatcher', other.id, 'dispatch', { leadUnitId: w.ids.housing });
    const urged = await w.step('supervisor', other.id, 'supervise', {
      level: 'general',
      note: `请尽快回复诉求人${PHONE}`,
    });
    expect(JSON.stringify(urged)).not.toContain(PHONE);
    expect(urged.timeline.at(-1)?.note).toBe(`请尽快回复诉求人${MASKED.phone}`);
    expect((await w.read('dispatcher', other.id)).timeline.at(-1)?.note).toBe(`请尽快回复诉求人${PHONE}`);
  });

  it('masks them in the text-valued changes of a timeline event (finding 5)', async () => {
    const other = await w.newCase('agent', {
      content: '有人在小区内持刀威胁他人',
      location: await w.pointIn('150302'),
    });
    await w.step('agent', other.id, 'transfer_to_110', {
      threeWayCall: true,
      externalRef: `报警人${PHONE}`,
      note: '已三方通话转110',
    });
    const leader = await w.read('leader', other.id);
    expect(leader.timeline.at(-1)?.changes).toMatchObject({ externalRef: `报警人${MASKED.phone}` });
    expect(leader.externalRef).toBe(`报警人${MASKED.phone}`);
    const agent = await w.read('agent', other.id);
    expect(agent.timeline.at(-1)?.changes).toMatchObject({ externalRef: `报警人${PHONE}` });
  });

  it('withholds the unkeyed hash of a pre-0012 event from a masked caller, who could try every masked digit against it (finding 5)', async () => {
    const row = await buildCase(w.api.ctx.db, { currentOrgId: w.ids.cityCentre });
    const content = {
      caseId: row.id,
      seq: 1,
      action: 'register',
      event: 'case.registered',
      actorUserId: null,
      actorName: '历史数据导入',
      actorOrgId: null,
      at: new Date('2025-06-01T02:00:00Z'),
      fromState: null,
      toState: 'registered',
      note: `来电人${PHONE}`,
      changes: {},
      attachments: [],
    };
    const hash = legacyHashEvent(GENESIS_HASH, content);
    await w.api.ctx.db.insert(caseEvents).values({ ...content, prevHash: GENESIS_HASH, hash });
    await w.api.ctx.db
      .update(cases)
      .set({ chainHead: hash, eventCount: 1, chainLegacyEvents: 1 })
      .where(eq(cases.id, row.id));
    const leader = await w.read('leader', row.id);
    expect(leader.timeline[0]).toMatchObject({ note: `来电人${MASKED.phone}`, hash: null });
    const dispatcher = await w.read('dispatcher', row.id);
    expect(dispatcher.timeline[0]).toMatchObject({ note: `来电人${PHONE}`, hash });
    // a keyed event keeps its hash for everyone: without the server's key it gives nothing away
    expect((await w.read('leader', c.id)).timeline[0]).toMatchObject({
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
