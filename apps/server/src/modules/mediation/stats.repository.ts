import { and, desc, eq, gte, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';
import { disputeEvents, disputes, mediators } from './mediation.tables.js';

/** Which disputes are counted: registered in [from, to) in a subtree, of one field if given. */
export interface StatsFilter {
  path: string;
  from: Date;
  to: Date;
  field?: string;
}

const n = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`;
const MEDIATED = sql`${disputes.outcome} in ('agreed', 'failed', 'referred')`;
const AGREED = sql`${disputes.outcome} = 'agreed'`;

function where(f: StatsFilter, path = f.path): SQL {
  const conditions = [
    like(disputes.orgPath, `${path}%`),
    gte(disputes.createdAt, f.from),
    lt(disputes.createdAt, f.to),
  ];
  if (f.field) conditions.push(eq(disputes.field, f.field));
  return and(...conditions)!;
}

/** The counts of a period (see `MediationCountsView`), at `now` for the overdue ones. */
export async function countDisputes(db: DbOrTx, f: StatsFilter, now: Date) {
  const escalated = sql`exists (select 1 from ${disputeEvents} e where e.dispute_id = ${disputes.id} and e.action = 'escalate')`;
  const [row] = await db
    .select({
      received: sql<number>`count(*)::int`,
      accepted: n(sql`${disputes.acceptedAt} is not null`),
      mediated: n(MEDIATED),
      agreed: n(AGREED),
      performed: n(sql`${disputes.performedAt} is not null`),
      confirmationsApplied: n(sql`${disputes.confirmationAppliedAt} is not null`),
      confirmationsConfirmed: n(sql`${disputes.confirmationStage} = 'confirmed'`),
      agreedAtCommunity: n(sql`${AGREED} and ${disputes.endedAtLevel} = 'community'`),
      agreedUpToTown: n(sql`${AGREED} and ${disputes.endedAtLevel} in ('community', 'town')`),
      escalated: n(escalated),
      overdue: n(
        sql`${disputes.deadline} < coalesce(${disputes.endedAt}, ${now.toISOString()}::timestamptz)`,
      ),
    })
    .from(disputes)
    .where(where(f));
  return row!;
}

/** Received, mediated and agreed by field. */
export async function countByField(db: DbOrTx, f: StatsFilter) {
  return db
    .select({
      field: disputes.field,
      received: sql<number>`count(*)::int`,
      mediated: n(MEDIATED),
      agreed: n(AGREED),
    })
    .from(disputes)
    .where(where(f))
    .groupBy(disputes.field)
    .orderBy(desc(sql`count(*)`));
}

/** Mediated and agreed for each org one level below `parentId`. */
export async function countByChildOrg(db: DbOrTx, f: StatsFilter, parentId: number) {
  const children = await db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.parentId, parentId), inArray(orgs.kind, ['district', 'town', 'community'])));
  const rows = [];
  for (const child of children) {
    const [row] = await db
      .select({ mediated: n(MEDIATED), agreed: n(AGREED) })
      .from(disputes)
      .where(where(f, child.path));
    rows.push({ id: child.id, name: child.name, ...row! });
  }
  return rows;
}

/** Mediated and agreed by mediator, most agreements first. */
export async function countByMediator(db: DbOrTx, f: StatsFilter, limit = 20) {
  return db
    .select({ id: mediators.id, name: mediators.name, mediated: n(MEDIATED), agreed: n(AGREED) })
    .from(disputes)
    .innerJoin(mediators, eq(mediators.id, disputes.mediatorId))
    .where(where(f))
    .groupBy(mediators.id, mediators.name)
    .orderBy(desc(n(AGREED)), mediators.id)
    .limit(limit);
}
