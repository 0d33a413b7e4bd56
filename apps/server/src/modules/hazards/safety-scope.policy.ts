import { like, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';

/** Where an enterprise (and its hazards and inspections) sits: its territory and its supervising body. */
export interface SafetyPlace {
  orgPath: string;
  supervisingOrgPath: string;
}

/** Whether the actor's scope reaches an enterprise: its territory or its supervising body lies in it. */
export function isSafetyPlaceInScope(actor: Pick<Actor, 'scopePath'>, place: SafetyPlace): boolean {
  return isInScope(actor, place.orgPath) || isInScope(actor, place.supervisingOrgPath);
}

/** Refuses (403 OUT_OF_SCOPE) an enterprise, inspection or hazard the actor's scope does not reach. */
export function assertSafetyPlaceInScope(actor: Pick<Actor, 'scopePath'>, place: SafetyPlace): void {
  if (!isSafetyPlaceInScope(actor, place)) throw new AppError('OUT_OF_SCOPE', '该企业不在您的管辖范围内');
}

/** The SQL of the same rule for a list: the row's territory or supervising body under `scopePath`. */
export function safetyScopeWhere(
  scopePath: string,
  columns: { orgPath: PgColumn; supervisingOrgPath: PgColumn },
): SQL {
  return or(like(columns.orgPath, `${scopePath}%`), like(columns.supervisingOrgPath, `${scopePath}%`))!;
}

/**
 * Whether the actor acts for the supervising body (监管部门): its scope holds the body — the steps the rule
 * gives that body (交办, 延期审批, 验收, 销号) are his.
 */
export function actsForSupervisingBody(actor: Pick<Actor, 'scopePath'>, place: SafetyPlace): boolean {
  return isInScope(actor, place.supervisingOrgPath);
}
