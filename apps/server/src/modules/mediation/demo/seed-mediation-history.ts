import { count, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { createDemoRandom } from '../../demo/demo-random.js';
import { reserveIds } from '../../demo/grid-history/grid-history-writer.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { findRootOrg } from '../../portal/portal.repository.js';
import { PORTAL_ACTOR_NAME } from '../../portal/portal.service.js';
import { mediationDeadline } from '../dispute-clock.js';
import { disputes, mediationCommittees, mediators } from '../mediation.tables.js';
import { readMediationLimit } from '../mediation-settings.js';
import { type HistoryCommittee, type MediationHistoryWorld, planDispute } from './dispute-plans.js';
import { sessionCount, tellDispute } from './dispute-stories.js';
import { type DisputeWrite, writeDisputes } from './mediation-history-writer.js';

/** The most disputes one history holds (their numbers take the serials 90000–99999 of their days). */
export const MAX_HISTORY_DISPUTES = 9_999;
/** Disputes in the demo city's year unless told otherwise (Wuhai's committees settle some 3,000 a year). */
export const DEFAULT_HISTORY_DISPUTES = 3_000;

/** Whether the database has no dispute yet: the year of mediation history is still to be written. */
export async function isMediationHistoryDue(ctx: AppContext): Promise<boolean> {
  const [existing] = await ctx.db.select({ n: count() }).from(disputes);
  return (existing?.n ?? 0) === 0;
}

/** The demo city's villages and communities, its committees with their mediators, the portal, the limit. */
async function loadWorld(ctx: AppContext): Promise<MediationHistoryWorld> {
  const [places, committees, staff, root, calendar, limit] = await Promise.all([
    ctx.db
      .select({ id: orgs.id, path: orgs.path, name: orgs.name })
      .from(orgs)
      .where(eq(orgs.kind, 'community')),
    ctx.db
      .select({
        id: mediationCommittees.id,
        name: mediationCommittees.name,
        level: mediationCommittees.level,
        orgId: mediationCommittees.orgId,
        orgPath: mediationCommittees.orgPath,
        fields: mediationCommittees.fields,
      })
      .from(mediationCommittees),
    ctx.db
      .select({
        id: mediators.id,
        committeeId: mediators.committeeId,
        name: mediators.name,
        userId: mediators.userId,
      })
      .from(mediators)
      .orderBy(mediators.id),
    findRootOrg(ctx.db),
    loadWorkingCalendar(ctx),
    readMediationLimit(ctx),
  ]);
  const withStaff: HistoryCommittee[] = committees.map((c) => ({
    ...c,
    mediators: staff.filter((m) => m.committeeId === c.id),
  }));
  return {
    places,
    committees: withStaff.filter((c) => c.mediators.length > 0),
    portal: { actorUserId: 0, actorName: PORTAL_ACTOR_NAME, actorOrgId: root?.id ?? null },
    deadlineOf: (acceptedAt) => mediationDeadline(calendar, acceptedAt, limit),
  };
}

/**
 * A year of demo disputes (`n` of them) across the demo city's villages and communities, mediated to an end
 * before `now`: each with its applicant and respondent (phones sealed), its sessions and minutes, and its
 * chained timeline as the live actions would have written it — accepted, assigned, consented to, 96 % of
 * those mediated agreed (some after going up to the town), the agreements confirmed by both parties, most
 * performed, some judicially confirmed, most archived. Written in a few bulk statements in one transaction.
 * Idempotent: nothing is written when disputes exist.
 */
export async function seedMediationHistory(ctx: AppContext, n: number, seed = 14): Promise<number> {
  if (n === 0 || !(await isMediationHistoryDue(ctx))) return 0;
  const random = createDemoRandom(seed);
  const now = ctx.clock.now();
  const world = await loadWorld(ctx);
  const phones = new Set<string>();
  const plans = Array.from({ length: n }, (_, i) => planDispute(random, world, now, i, phones));
  await ctx.db.transaction(async (tx) => {
    const disputeIds = await reserveIds(tx, 'disputes', n);
    const partyIds = await reserveIds(tx, 'dispute_parties', 2 * n);
    const sessionIds = await reserveIds(
      tx,
      'dispute_sessions',
      plans.reduce((s, p) => s + sessionCount(p), 0),
    );
    let nextSession = 0;
    const writes: DisputeWrite[] = plans.map((plan, i) => {
      const firstSession = nextSession;
      nextSession += sessionCount(plan);
      const ids = {
        partyIds: [partyIds[2 * i]!, partyIds[2 * i + 1]!] as [number, number],
        sessionIds: sessionIds.slice(firstSession, nextSession),
      };
      return { id: disputeIds[i]!, plan, ids, told: tellDispute(random, plan, ids, now) };
    });
    await writeDisputes(tx, ctx, writes);
  });
  return n;
}
