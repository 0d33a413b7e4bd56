import { eq } from 'drizzle-orm';
import type { SeededApi } from '../../test/api.js';
import { orgIdOf } from '../../test/api.js';
import { buildCase, type CaseOverrides } from '../../test/factories.js';
import { orgs } from '../orgs/orgs.tables.js';

/** An instant given as Beijing wall-clock time: `bj('11-02 09:00')` is 2026-11-02 09:00 +08:00. */
export function bj(monthDayTime: string): Date {
  return new Date(`2026-${monthDayTime.replace(' ', 'T')}:00+08:00`);
}

/** The orgs the fixture uses. */
export interface KpiFixtureOrgs {
  centre: number;
  hbw: number;
  wuda: number;
  housing: number;
  urban: number;
}

/**
 * The hand-computed fixture of the measures: 21 cases in 海勃湾区 and 乌达区 around November 2026, each
 * written straight into `cases` in the state and at the times stated (see `kpis.test.ts` for the counts
 * they must give). Answers the ids of the orgs involved.
 */
export async function buildKpiFixture(api: SeededApi): Promise<KpiFixtureOrgs> {
  const db = api.ctx.db;
  const ids: KpiFixtureOrgs = {
    centre: await orgIdOf(api.ctx, 'center.city'),
    hbw: await orgIdOf(api.ctx, '150302'),
    wuda: await orgIdOf(api.ctx, '150304'),
    housing: await orgIdOf(api.ctx, 'unit.housing'),
    urban: await orgIdOf(api.ctx, 'unit.urban'),
  };
  const pathOf = async (id: number) =>
    (await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, id)))[0]!.path;
  const place = {
    hbw: { districtId: ids.hbw, areaPath: await pathOf(ids.hbw) },
    wuda: { districtId: ids.wuda, areaPath: await pathOf(ids.wuda) },
  };
  const add = (where: 'hbw' | 'wuda', values: Omit<CaseOverrides, 'currentOrgId'>) =>
    buildCase(db, { currentOrgId: ids.centre, ...place[where], ...values });
  /** dispatched at `day 10:00`, acceptance deadline `day 12:00` */
  const dispatchedOn = (day: string) => ({
    dispatchedAt: bj(`${day} 10:00`),
    acceptDeadline: bj(`${day} 12:00`),
  });
  const U1 = ids.housing;
  const U2 = ids.urban;
  const happy = {
    callbackReached: true,
    callbackContacted: true,
    callbackSolved: true,
    satisfaction: 'satisfied',
  };

  const c1 = await add('hbw', {
    createdAt: bj('11-02 09:00'),
    ...dispatchedOn('11-02'),
    leadUnitId: U1,
    acceptedAt: bj('11-02 11:00'),
    resolveDeadline: bj('11-09 18:00'),
    repliedAt: bj('11-06 10:00'),
    calledBackAt: bj('11-07 10:00'),
    ...happy,
    closedAt: bj('11-07 11:00'),
    state: 'closed',
  });
  await add('hbw', {
    createdAt: bj('11-03 09:00'),
    ...dispatchedOn('11-03'),
    leadUnitId: U1,
    acceptedAt: bj('11-03 15:00'),
    resolveDeadline: bj('11-10 18:00'),
    repliedAt: bj('11-12 10:00'),
    reworks: 1,
    calledBackAt: bj('11-13 10:00'),
    callbackReached: true,
    callbackContacted: true,
    callbackSolved: false,
    satisfaction: 'basically_satisfied',
    closedAt: bj('11-13 11:00'),
    state: 'closed',
  });
  await add('hbw', {
    createdAt: bj('11-04 09:00'),
    ...dispatchedOn('11-04'),
    leadUnitId: U1,
    acceptedAt: bj('11-04 11:00'),
    extensionRequests: 1,
    extensionStatus: 'approved',
    resolveDeadline: bj('11-18 18:00'),
    repliedAt: bj('11-17 10:00'),
    state: 'reviewed',
  });
  await add('hbw', {
    createdAt: bj('11-05 09:00'),
    ...dispatchedOn('11-05'),
    returns: 1,
    resolveDeadline: bj('11-12 18:00'),
    state: 'returned',
  });
  await add('hbw', {
    createdAt: bj('11-06 09:00'),
    ...dispatchedOn('11-06'),
    leadUnitId: U1,
    acceptedAt: bj('11-06 11:00'),
    resolveDeadline: bj('12-02 18:00'),
    state: 'accepted',
  });
  await add('hbw', {
    createdAt: bj('11-06 09:00'),
    closedAt: bj('11-06 09:30'),
    resolveDeadline: bj('11-13 18:00'),
    state: 'resolved_on_call',
  });
  await add('hbw', {
    createdAt: bj('11-07 09:00'),
    resolveDeadline: bj('11-14 18:00'),
    state: 'invalidated',
  });
  await add('hbw', {
    createdAt: bj('11-08 09:00'),
    resolveDeadline: bj('11-15 18:00'),
    state: 'merged',
    masterCaseId: c1.id,
  });
  await add('hbw', {
    createdAt: bj('11-08 10:00'),
    resolveDeadline: bj('11-15 18:00'),
    state: 'transferred_110',
  });
  await add('hbw', {
    createdAt: bj('10-20 09:00'),
    ...dispatchedOn('10-20'),
    leadUnitId: U1,
    acceptedAt: bj('10-20 11:00'),
    resolveDeadline: bj('11-03 18:00'),
    repliedAt: bj('10-30 10:00'),
    calledBackAt: bj('11-02 10:00'),
    ...happy,
    closedAt: bj('11-02 11:00'),
    state: 'closed',
  });
  await add('hbw', {
    createdAt: bj('10-25 09:00'),
    ...dispatchedOn('10-25'),
    leadUnitId: U1,
    acceptedAt: bj('10-25 11:00'),
    resolveDeadline: bj('11-04 18:00'),
    state: 'accepted',
  });
  await add('wuda', {
    createdAt: bj('11-10 09:00'),
    ...dispatchedOn('11-10'),
    leadUnitId: U2,
    acceptedAt: bj('11-10 11:00'),
    resolveDeadline: bj('11-17 18:00'),
    repliedAt: bj('11-14 10:00'),
    calledBackAt: bj('11-15 10:00'),
    callbackReached: true,
    callbackContacted: false,
    callbackSolved: false,
    satisfaction: 'unsatisfied',
    state: 'called_back',
  });
  await add('wuda', {
    createdAt: bj('11-11 09:00'),
    ...dispatchedOn('11-11'),
    leadUnitId: U2,
    acceptedAt: bj('11-11 11:00'),
    resolveDeadline: bj('11-18 18:00'),
    repliedAt: bj('11-13 10:00'),
    calledBackAt: bj('11-14 10:00'),
    callbackReached: false,
    state: 'called_back',
  });
  await add('wuda', {
    createdAt: bj('11-12 09:00'),
    ...dispatchedOn('11-12'),
    leadUnitId: U2,
    acceptedAt: bj('11-12 11:00'),
    resolveDeadline: bj('11-19 18:00'),
    repliedAt: bj('11-15 10:00'),
    calledBackAt: bj('11-16 10:00'),
    ...happy,
    closedAt: bj('11-16 11:00'),
    state: 'closed',
  });
  await add('hbw', { createdAt: bj('11-19 09:00'), resolveDeadline: bj('11-26 18:00'), state: 'registered' });
  await add('hbw', { createdAt: bj('11-01 00:30'), resolveDeadline: bj('11-08 18:00'), state: 'registered' });
  await add('hbw', { createdAt: bj('10-31 23:30'), resolveDeadline: bj('11-07 18:00'), state: 'registered' });
  await add('hbw', {
    createdAt: bj('11-15 09:00'),
    ...dispatchedOn('11-15'),
    leadUnitId: U1,
    resolveDeadline: bj('11-22 18:00'),
    state: 'dispatched',
  });
  await add('hbw', {
    createdAt: bj('11-16 09:00'),
    ...dispatchedOn('11-16'),
    leadUnitId: U2,
    acceptedAt: bj('11-16 11:00'),
    extensionRequests: 1,
    extensionStatus: 'refused',
    resolveDeadline: bj('11-23 18:00'),
    state: 'accepted',
  });
  await add('hbw', { createdAt: bj('12-01 09:00'), resolveDeadline: bj('12-08 18:00'), state: 'registered' });
  await add('hbw', {
    createdAt: bj('11-20 09:00'),
    ...dispatchedOn('11-20'),
    leadUnitId: U1,
    acceptedAt: bj('11-20 11:00'),
    resolveDeadline: bj('11-27 18:00'),
    repliedAt: bj('11-30 23:00'),
    state: 'replied',
  });
  return ids;
}
