import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findOrgBriefs, type OrgBrief } from '../orgs/org-briefs.repository.js';
import { type CaseRow, findHandlers } from './cases.repository.js';

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
  /** he may read it: the case lies in his data scope (answered in SQL by `case-access.ts`) */
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
 * How the actor stands to a case he `reads` (the case-access answer, `case-access.ts`): whether its owner,
 * its lead unit or one of its handling units lies in his scope — what the actions' guards decide on.
 */
export function relationOf(actor: Pick<Actor, 'scopePath'>, orgs: CaseOrgs, reads: boolean): CaseRelation {
  const inScope = (org: OrgBrief | undefined) => org !== undefined && isInScope(actor, org.path);
  const leads = reads && inScope(orgs.lead);
  const handles = leads || (reads && orgs.coHandlers.some(inScope));
  return { reads, owns: reads && inScope(orgs.current), leads, handles };
}

/**
 * Refuses to register a case whose place lies outside the registering user's data scope (403 OUT_OF_SCOPE).
 * A case belongs to the territory where it happened (DOMAIN.md §2): a district centre, a street or a grid
 * registers what happened in its own territory, and what happened elsewhere is registered there or by the
 * city-wide 12345 intake — never owned by a territory it did not happen in, nor left unreadable to the one
 * who registered it. `areaPath`: the deepest org where it happened; null for an unlocated request.
 */
export function assertPlaceInScope(actor: Pick<Actor, 'scopePath'>, areaPath: string | null): void {
  if (areaPath !== null && !isInScope(actor, areaPath)) {
    throw new AppError('OUT_OF_SCOPE', '事发位置不在您的管辖范围内，请由事发地或12345热线登记');
  }
}
