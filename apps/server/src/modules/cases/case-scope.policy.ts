import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type CaseRow, findHandlers, findOrgBriefs, type OrgBrief } from './cases.repository.js';

/** The orgs a case involves, with their paths: what its data scope is decided on. */
export interface CaseOrgs {
  /** path of the territorial org where the case is located (its grid, or coarser), if located */
  areaPath: string | null;
  /** the centre (or territorial level) that owns the case now */
  current: OrgBrief | undefined;
  lead: OrgBrief | undefined;
  coHandlers: OrgBrief[];
  firstReceiver: OrgBrief | undefined;
}

/** How an actor stands to a case: what parts of it are his. */
export interface CaseRelation {
  /** he may read it: its place, its owner or one of its units lies in his scope */
  reads: boolean;
  /** its owner (the dispatching centre) lies in his scope: he may dispatch, review, close it … */
  owns: boolean;
  /** he works for its lead unit (主办): he may accept, return, reply, ask for an extension */
  leads: boolean;
  /** he works for its lead unit or a co-handler: he may record progress */
  handles: boolean;
}

/** The orgs of several cases at once (lists), by case id. */
export async function loadCaseOrgs(db: DbOrTx, rows: readonly CaseRow[]): Promise<Map<number, CaseOrgs>> {
  const handlers = await findHandlers(
    db,
    rows.map((r) => r.id),
  );
  const ids = rows.flatMap((r) => [r.currentOrgId, r.leadUnitId, r.firstReceiverOrgId]);
  const briefs = await findOrgBriefs(db, [
    ...ids.filter((id): id is number => id !== null),
    ...handlers.map((h) => h.orgId),
  ]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        areaPath: r.areaPath,
        current: briefs.get(r.currentOrgId),
        lead: r.leadUnitId === null ? undefined : briefs.get(r.leadUnitId),
        coHandlers: handlers
          .filter((h) => h.caseId === r.id && h.role === 'co')
          .flatMap((h) => briefs.get(h.orgId) ?? []),
        firstReceiver: r.firstReceiverOrgId === null ? undefined : briefs.get(r.firstReceiverOrgId),
      },
    ]),
  );
}

/** The orgs of one case. */
export async function loadOneCaseOrgs(db: DbOrTx, row: CaseRow): Promise<CaseOrgs> {
  return (await loadCaseOrgs(db, [row])).get(row.id)!;
}

/**
 * How the actor stands to a case. A case is his to read when its place (district → grid) lies in his scope,
 * or when its owner, its lead unit, a co-handler or its first receiver does — a functional unit sees the
 * cases it was given (DOMAIN.md §2).
 */
export function relationOf(actor: Pick<Actor, 'scopePath'>, orgs: CaseOrgs): CaseRelation {
  const inScope = (org: OrgBrief | undefined) => org !== undefined && isInScope(actor, org.path);
  const leads = inScope(orgs.lead);
  const handles = leads || orgs.coHandlers.some(inScope);
  const owns = inScope(orgs.current);
  const placed = orgs.areaPath !== null && isInScope(actor, orgs.areaPath);
  return { reads: placed || owns || handles || inScope(orgs.firstReceiver), owns, leads, handles };
}

/** Refuses a case outside the actor's scope with 403 OUT_OF_SCOPE (refused, not hidden: DOMAIN.md §2). */
export function assertCaseReadable(relation: CaseRelation): void {
  if (!relation.reads) throw new AppError('OUT_OF_SCOPE', '该工单不在您的管辖范围内');
}
