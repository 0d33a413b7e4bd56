import {
  type EnterpriseMap,
  type EnterpriseMapState,
  HAZARD_RUNNING_STATES,
  type Industry,
} from '@shanzhi/shared';
import { and, asc, eq, inArray, isNotNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { safetyListScopeOf } from './enterprise-account.policy.js';
import { enterprises, hazards } from './hazards.tables.js';
import { safetyScopeWhere } from './safety-scope.policy.js';

/** The pin's state: red while a hazard is past its deadline, orange while one is open, green with none. */
function mapStateOf(openHazards: number, overdueHazards: number): EnterpriseMapState {
  if (overdueHazards > 0) return 'overdue';
  return openHazards > 0 ? 'open' : 'clear';
}

/**
 * 企业地图: every enterprise with a point that the actor reaches (staff their scope, an enterprise account its
 * own) as a pin with its open hazards (all but the closed, as the register counts them) and those past their
 * running deadline — all of them in one
 * answer (a city supervises hundreds of enterprises, not millions), where the register answers a page.
 */
export async function enterpriseMapForActor(ctx: AppContext, actor: Actor): Promise<EnterpriseMap> {
  const scope = await safetyListScopeOf(ctx.db, actor, undefined);
  if (!scope) return { items: [] };
  const where: SQL[] = [
    safetyScopeWhere(scope.scopePath, enterprises),
    isNotNull(enterprises.lng),
    isNotNull(enterprises.lat),
  ];
  if (scope.enterpriseId) where.push(eq(enterprises.id, scope.enterpriseId));
  const running = inArray(hazards.state, [...HAZARD_RUNNING_STATES]);
  const rows = await ctx.db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      industry: enterprises.industry,
      highRisk: enterprises.highRisk,
      lng: enterprises.lng,
      lat: enterprises.lat,
      openHazards: sql<number>`count(${hazards.id}) filter (where ${ne(hazards.state, 'closed')})`.mapWith(
        Number,
      ),
      overdueHazards: sql<number>`count(${hazards.id}) filter (where ${running} and ${lt(
        hazards.deadline,
        ctx.clock.now(),
      )})`.mapWith(Number),
    })
    .from(enterprises)
    .leftJoin(hazards, eq(hazards.enterpriseId, enterprises.id))
    .where(and(...where))
    .groupBy(enterprises.id)
    .orderBy(asc(enterprises.id));
  return {
    items: rows.map((row) => ({
      ...row,
      industry: row.industry as Industry,
      lng: row.lng!,
      lat: row.lat!,
      state: mapStateOf(row.openHazards, row.overdueHazards),
    })),
  };
}
