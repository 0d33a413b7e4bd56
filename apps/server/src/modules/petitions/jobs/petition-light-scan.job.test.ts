import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../../outbox-subscribers.js';
import { ManualClock } from '../../../platform/clock.js';
import { createSeededApi, type SeededApi, userIdOf } from '../../../test/api.js';
import { runOutboxDispatch } from '../../notifications/jobs/outbox-dispatch.job.js';
import { notifications } from '../../notifications/notifications.tables.js';
import { petitionEvents, petitions } from '../petitions.tables.js';
import { runPetitionLightScan } from './petition-light-scan.job.js';

const DAY = 86_400_000;
let api: SeededApi;
let clock: ManualClock;

beforeAll(async () => {
  // 2026-03-01 10:00 Beijing
  clock = new ManualClock('2026-03-01T02:00:00.000Z');
  api = await createSeededApi({ clock });
});
afterAll(() => api.close());

const ELDER = { name: '韩德胜', idNumber: '150302194805120019', phone: '13947312345' };

/** Moves the clock to `at` (the sessions idle out while it travels). */
function travelTo(at: Date) {
  clock.set(at);
  api.forgetSessions();
}

async function registered(matter: string): Promise<number> {
  const created = await api.send(
    'POST',
    '/api/v1/petitions',
    { mode: 'proactive', matter, petitioners: [ELDER] },
    'petition',
  );
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

async function step(id: number, action: string, body: Record<string, unknown> = {}) {
  const current = (await api.get(`/api/v1/petitions/${id}`, 'petition')).json();
  const done = await api.send(
    'POST',
    `/api/v1/petitions/${id}/actions/${action}`,
    { version: current.version, ...body },
    'petition',
  );
  expect(done.statusCode, done.body).toBe(200);
  return done.json();
}

async function lightColumns(id: number) {
  const [row] = await api.ctx.db
    .select({ light: petitions.light, next: petitions.lightNextCheckAt, version: petitions.version })
    .from(petitions)
    .where(eq(petitions.id, id));
  return row!;
}

/** The scan, then the outbox consumer (whence the notifications). */
async function tick() {
  const scan = await runPetitionLightScan(api.ctx);
  await runOutboxDispatch(api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
  return scan;
}

/** The clock's events on a petition's timeline, with their notes. */
async function clockEvents(id: number): Promise<string[]> {
  const rows = await api.ctx.db
    .select({ event: petitionEvents.event, note: petitionEvents.note })
    .from(petitionEvents)
    .where(and(eq(petitionEvents.petitionId, id), eq(petitionEvents.action, 'sla')))
    .orderBy(asc(petitionEvents.seq));
  return rows.map((r) => `${r.event} ${r.note}`);
}

/** The agent's notifications about the petition `id`. */
async function agentNotices(id: number): Promise<string[]> {
  const agent = await userIdOf(api.ctx, 'petition');
  const rows = await api.ctx.db
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.userId, agent), eq(notifications.petitionId, id)))
    .orderBy(asc(notifications.id));
  return rows.map((r) => r.kind);
}

describe('the legal limits’ lights (信访期限预警)', () => {
  it('warns the agent once as the acceptance limit nears and once when it has passed', async () => {
    const id = await registered('小区燃气改造每户收取 2600 元，怀疑收费不合规');
    const start = await lightColumns(id);
    // 80 % of the 15 days that end at 24:00 of 16 March
    expect(start).toMatchObject({ light: 'green', next: new Date('2026-03-13T13:12:00.000Z') });
    expect(await tick()).toMatchObject({ warned: 0, breached: 0 });

    travelTo(new Date(start.next!.getTime() + 60_000));
    expect(await tick()).toMatchObject({ warned: 1 });
    expect(await tick()).toMatchObject({ warned: 0, breached: 0 });
    expect(await clockEvents(id)).toEqual(['petition.deadline_warned 受理告知期限已用去八成，即将到期']);
    expect(await agentNotices(id)).toEqual(['sla_warned']);
    // the clock does not make the agent's open form stale
    expect((await lightColumns(id)).version).toBe(start.version);

    travelTo(new Date('2026-03-16T16:01:00.000Z'));
    expect(await tick()).toMatchObject({ breached: 1 });
    expect(await clockEvents(id)).toHaveLength(2);
    expect(await agentNotices(id)).toEqual(['sla_warned', 'sla_breached']);
    expect(await lightColumns(id)).toMatchObject({ light: 'red', next: null });
    const shown = (await api.get('/api/v1/notifications?limit=50', 'petition')).json();
    expect(shown.items.filter((n: { petitionId: number | null }) => n.petitionId === id)).toHaveLength(2);
  });

  it('tells the agency point’s agents of a petition no agent has taken yet (待认领)', async () => {
    const id = await registered('网上信访：小区门口占道经营长期无人管理');
    await api.ctx.db
      .update(petitions)
      .set({ agentUserId: null, agentName: null })
      .where(eq(petitions.id, id));
    travelTo(new Date(clock.now().getTime() + 16 * DAY));
    expect(await tick()).toMatchObject({ breached: 1 });
    expect(await agentNotices(id)).toEqual(['sla_breached']);
  });

  it('watches the answer limit afresh from acceptance, and an extension moves its look', async () => {
    const id = await registered('楼上住户长期噪音扰民，多次协调无果');
    await step(id, 'accept');
    const accepted = await lightColumns(id);
    expect(accepted.light).toBe('green');
    travelTo(new Date(accepted.next!.getTime() + 60_000));
    expect(await tick()).toMatchObject({ warned: 1 });
    await step(id, 'extend', { days: 30, reason: '需要住建部门现场鉴定', approvedBy: '王局长' });
    const extended = await lightColumns(id);
    expect(extended.light).toBe('green');
    expect(extended.next!.getTime()).toBeGreaterThan(clock.now().getTime());
  });
});

describe('a re-review’s hearing (复核听证)', () => {
  it('stops the re-review’s clock while it is held and moves the deadline by the days it took', async () => {
    const id = await registered('征收补偿标准低于同地段其他小区');
    await step(id, 'accept');
    await step(id, 'answer', { answer: '经核实，补偿标准符合规定' });
    await step(id, 'request_review', { reason: '对处理意见不服' });
    await step(id, 'review', { answer: '维持原处理意见' });
    const asked = await step(id, 'request_re_review', { reason: '对复查意见不服' });
    expect(asked.actions).toContain('start_hearing');
    const deadline = new Date(asked.reReviewDeadline).getTime();

    const hearing = await step(id, 'start_hearing', { note: '组织信访人、征收部门举行听证' });
    expect(hearing).toMatchObject({ state: 're_review_hearing', runningLimit: null, light: null });
    expect(hearing.actions).toContain('end_hearing');
    expect(hearing.actions).not.toContain('re_review');
    expect((await lightColumns(id)).next).toBeNull();

    travelTo(new Date(clock.now().getTime() + 2 * DAY));
    const ended = await step(id, 'end_hearing', { note: '听证结束，听证意见已形成' });
    // the hearing touched three days: the deadline moves by three
    expect(new Date(ended.reReviewDeadline).getTime() - deadline).toBe(3 * DAY);
    expect(ended).toMatchObject({ state: 're_review_requested', runningLimit: 're_review', hearingDays: 3 });
    expect((await lightColumns(id)).next).not.toBeNull();
    expect((await step(id, 're_review', { answer: '维持复查意见' })).state).toBe('re_reviewed');
  });
});
