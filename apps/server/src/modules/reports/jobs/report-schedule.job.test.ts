import { CITY_REPORT_SCHEDULE } from '@shanzhi/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { createSeededApi, expectError, type SeededApi, userIdOf } from '../../../test/api.js';
import { notifications } from '../../notifications/notifications.tables.js';
import { settleReportGenerations } from '../report-generation.js';
import { reports } from '../reports.tables.js';
import { runReportSchedule } from './report-schedule.job.js';

let api: SeededApi;
let clock: ManualClock;

beforeAll(async () => {
  // Monday 2026-12-07, 08:15 in Beijing: the daily summary (08:00) is due, the weekly analysis (08:30) not yet
  clock = new ManualClock(new Date('2026-12-07T00:15:00Z'));
  api = await createSeededApi({ clock });
});
afterAll(async () => {
  if (api) await settleReportGenerations(api.ctx);
  await api?.close();
});

describe('the schedule of reports', () => {
  it('schedules nothing until an administrator sets the schedule', async () => {
    expect(await runReportSchedule(api.ctx)).toEqual({ queued: 0, produced: 0 });
  });

  it('produces each owed report once, however many processes run it at once, and tells the readers', async () => {
    const saved = await api.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/schedule',
      headers: await api.as('admin'),
      payload: CITY_REPORT_SCHEDULE,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const runs = await Promise.all([runReportSchedule(api.ctx), runReportSchedule(api.ctx)]);
    expect(runs.reduce((n, r) => n + r.queued, 0)).toBe(2);
    const rows = await api.ctx.db
      .select({ kind: reports.kind, period: reports.period, status: reports.status })
      .from(reports)
      .orderBy(reports.kind);
    expect(rows).toEqual([
      { kind: 'daily', period: '2026-12-06', status: 'ready' },
      { kind: 'monthly', period: '2026-11', status: 'ready' },
    ]);

    clock.set(new Date('2026-12-07T00:45:00Z'));
    const later = await runReportSchedule(api.ctx);
    expect(later.queued).toBe(1);
    expect(await api.ctx.db.select().from(reports)).toHaveLength(3);

    const leader = await userIdOf(api.ctx, 'leader');
    const told = await api.ctx.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, leader), eq(notifications.kind, 'report_ready')));
    expect(told.map((n) => n.title).sort()).toEqual([
      '报告已生成：乌海市 2026年11月 每月总结',
      '报告已生成：乌海市 2026年12月6日 每日汇总',
      '报告已生成：乌海市 2026年第49周（11月30日—12月6日） 每周研判',
    ]);
    // a district's handler reads no reports: not told
    const handler = await userIdOf(api.ctx, 'handler');
    expect(
      await api.ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, handler), eq(notifications.kind, 'report_ready'))),
    ).toEqual([]);
  });

  it('is set by an administrator, per org, kind and Beijing time', async () => {
    const put = (user: string, payload: object) =>
      api
        .as(user)
        .then((headers) =>
          api.app.inject({ method: 'PUT', url: '/api/v1/reports/schedule', headers, payload }),
        );
    expectError(await put('leader', { entries: [] }), 403, 'FORBIDDEN');
    expectError(
      await put('admin', { entries: [{ kind: 'daily', at: '8:00' }] }),
      400,
      'VALIDATION_FAILED',
      'entries.0.at',
    );
    expectError(
      await put('admin', { entries: [{ kind: 'daily', org: 999_999, at: '08:00' }] }),
      400,
      'VALIDATION_FAILED',
      'entries.0.org',
    );
    const saved = await put('admin', { entries: [{ kind: 'weekly', at: '07:30' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const read = await api.app.inject({
      method: 'GET',
      url: '/api/v1/reports/schedule',
      headers: await api.as('admin'),
    });
    expect(read.json()).toEqual({ entries: [{ kind: 'weekly', at: '07:30' }] });
  });
});
