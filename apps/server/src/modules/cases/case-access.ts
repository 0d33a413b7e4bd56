import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { prefixPattern } from '../../platform/db/text-search.js';
import { AppError } from '../../platform/errors/app-error.js';
import { cases } from './cases.tables.js';

/**
 * 数据范围 of cases, the one place the rule is written: a case lies in an org subtree when it happened there
 * (its place, district → grid), or when its owner (the dispatching centre), one of its handling units (主办,
 * 协办) or its first receiver (首接) is an org of the subtree — a functional unit sees the cases it was given
 * (DOMAIN.md §2). Every reader of cases asks here: the case list and its export, a case, its timeline check,
 * attachments and duplicates, the actions, and the measures.
 */

function isWholeTree(path: string): boolean {
  return path.split('/').filter(Boolean).length <= 1;
}

/**
 * The cases in an org subtree, as a condition on `cases` (unaliased: the subqueries name its columns as
 * "cases".<column>).
 */
export function caseInSubtree(path: string): SQL {
  // the root's subtree holds every case: no need to ask
  if (isWholeTree(path)) return sql`true`;
  const prefix = prefixPattern(path);
  return sql`(${cases.areaPath} like ${prefix}
    or exists (select 1 from orgs o where o.id = ${cases.currentOrgId} and o.path like ${prefix})
    or exists (select 1 from orgs o where o.id = ${cases.firstReceiverOrgId} and o.path like ${prefix})
    or exists (select 1 from case_handlers h join orgs o on o.id = h.org_id
               where h.case_id = ${cases.id} and o.path like ${prefix}))`;
}

/** The cases an actor may touch: those in his data scope, as a condition on `cases`. */
export function caseInScopeOf(actor: Pick<Actor, 'scopePath'>): SQL {
  return caseInSubtree(actor.scopePath);
}

/** Which of these cases the actor may touch (ids of cases that do not exist are left out too). */
export async function casesInScope(
  db: DbOrTx,
  actor: Pick<Actor, 'scopePath'>,
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, [...new Set(ids)]), caseInScopeOf(actor)));
  return new Set(rows.map((r) => r.id));
}

/** Whether the actor may touch one case. */
export async function isCaseInScope(
  db: DbOrTx,
  actor: Pick<Actor, 'scopePath'>,
  id: number,
): Promise<boolean> {
  // a city-wide scope holds every case: no query
  if (isWholeTree(actor.scopePath)) return true;
  return (await casesInScope(db, actor, [id])).has(id);
}

/** Refuses a case outside the actor's scope with 403 OUT_OF_SCOPE (refused, not hidden: DOMAIN.md §2). */
export async function assertCaseInScope(
  db: DbOrTx,
  actor: Pick<Actor, 'scopePath'>,
  id: number,
): Promise<void> {
  if (!(await isCaseInScope(db, actor, id))) throw caseOutOfScope();
}

/** 403 OUT_OF_SCOPE for a case the actor may not touch. */
export function caseOutOfScope(): AppError {
  return new AppError('OUT_OF_SCOPE', '该工单不在您的管辖范围内');
}
