import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import type { OutboxCasePayload } from '../cases/case-outbox.js';
import { cases } from '../cases/cases.tables.js';
import { findOrgBriefs, type OrgBrief } from '../orgs/org-briefs.repository.js';

/** A case as the outbox consumer needs it: its number and title for the text, its area and citizen. */
export interface CaseFact {
  id: number;
  number: string;
  title: string;
  areaPath: string | null;
  citizenPhone: string | null;
  masterCaseId: number | null;
}

/** Everything a batch of outbox rows refers to, read in three queries. */
export interface CaseFacts {
  cases: Map<number, CaseFact>;
  /** the merged duplicates following each case of the batch */
  duplicatesOf: Map<number, CaseFact[]>;
  orgs: Map<number, OrgBrief>;
}

const columns = {
  id: cases.id,
  number: cases.number,
  title: cases.title,
  areaPath: cases.areaPath,
  citizenPhone: cases.citizenPhone,
  masterCaseId: cases.masterCaseId,
};

/** Loads the cases (and their masters), the duplicates and the orgs the payloads name. */
export async function loadCaseFacts(db: DbOrTx, payloads: readonly OutboxCasePayload[]): Promise<CaseFacts> {
  const caseIds = [...new Set(payloads.map((p) => p.caseId))];
  const wanted = [
    ...new Set([...caseIds, ...payloads.flatMap((p) => (p.masterCaseId === null ? [] : [p.masterCaseId]))]),
  ];
  if (wanted.length === 0) return { cases: new Map(), duplicatesOf: new Map(), orgs: new Map() };
  // One after the other: inside the consumer's transaction they share one connection, which runs one
  // query at a time (node-postgres deprecates queueing a second one on a busy client).
  const rows = await db.select(columns).from(cases).where(inArray(cases.id, wanted));
  const duplicates = await db.select(columns).from(cases).where(inArray(cases.masterCaseId, caseIds));
  const orgs = await findOrgBriefs(
    db,
    payloads.flatMap((p) =>
      [p.currentOrgId, p.leadUnitId, p.firstReceiverOrgId, ...p.coHandlerIds].filter(
        (id): id is number => id !== null,
      ),
    ),
  );
  const duplicatesOf = new Map<number, CaseFact[]>();
  for (const dup of duplicates) {
    const list = duplicatesOf.get(dup.masterCaseId!) ?? [];
    list.push(dup);
    duplicatesOf.set(dup.masterCaseId!, list);
  }
  return { cases: new Map(rows.map((r) => [r.id, r])), duplicatesOf, orgs };
}

/** Every org path a case event concerns: its area, owner, lead unit, co-handlers and first receiver. */
export function casePathsOf(payload: OutboxCasePayload, facts: CaseFacts): string[] {
  const orgIds = [
    payload.currentOrgId,
    payload.leadUnitId,
    payload.firstReceiverOrgId,
    ...payload.coHandlerIds,
  ];
  const paths = orgIds.flatMap((id) => (id === null ? [] : (facts.orgs.get(id)?.path ?? [])));
  const area = facts.cases.get(payload.caseId)?.areaPath;
  return [...new Set(area ? [area, ...paths] : paths)];
}
