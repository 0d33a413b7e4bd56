/** A warning as a detector finds it, before it is stored (see `warnings.tables.ts` for each field). */
export interface WarningDraft {
  kind: 'surge' | 'emerging_topic';
  dedupKey: string;
  title: string;
  orgId: number;
  orgPath: string;
  categoryId: number | null;
  day: string;
  caseIds: number[];
  observed: number;
  baseline: number;
  pValue: number;
  score: number;
  terms: string[];
  details: Record<string, unknown>;
  firstSeenAt: Date;
  lastSeenAt: Date;
}
