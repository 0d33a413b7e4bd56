import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/database.js';
import { caseFingerprints } from './case-fingerprints.tables.js';
import { phoneKey } from './phone-key.js';
import { fingerprintText } from './text-fingerprint.js';

/** What fingerprinting reads of a case. */
export interface FingerprintSource {
  id: number;
  title: string;
  description: string;
  citizenPhone: string | null;
  createdAt: Date;
}

function rowOf(source: FingerprintSource): typeof caseFingerprints.$inferInsert {
  const fp = fingerprintText(source.title, source.description);
  return {
    caseId: source.id,
    createdAt: source.createdAt,
    phoneKey: phoneKey(source.citizenPhone),
    words: fp.words,
    features: fp.features,
    bands: fp.bands,
  };
}

/**
 * Stores (or refreshes) the fingerprints of cases: the backfill for cases that came in without one.
 */
export async function saveFingerprints(db: DbOrTx, sources: readonly FingerprintSource[]): Promise<void> {
  if (sources.length === 0) return;
  await db
    .insert(caseFingerprints)
    .values(sources.map(rowOf))
    .onConflictDoUpdate({
      target: caseFingerprints.caseId,
      set: {
        phoneKey: sql`excluded.phone_key`,
        words: sql`excluded.words`,
        features: sql`excluded.features`,
        bands: sql`excluded.bands`,
      },
    });
}

/**
 * 登记 hook: the insert of a new case's fingerprint, for the registration's own statement, so that the next
 * call about the same problem finds the case.
 */
export function caseFingerprintInsert(db: DbOrTx, source: FingerprintSource) {
  return db.insert(caseFingerprints).values(rowOf(source));
}

/**
 * Fingerprints cases created since `since` that have none (imported history, bulk loads, cases from before
 * this feature), `batch` at a time; answers how many it wrote.
 */
export async function backfillFingerprints(db: DbOrTx, since: Date, batch = 2_000): Promise<number> {
  let written = 0;
  for (;;) {
    const rows = await queryRows<{
      id: number;
      title: string;
      description: string;
      citizen_phone: string | null;
      created_at: string | Date;
    }>(
      db,
      sql`select c.id, c.title, c.description, c.citizen_phone, c.created_at from cases c
          where c.created_at >= ${since.toISOString()}::timestamptz
            and not exists (select 1 from case_fingerprints f where f.case_id = c.id)
          order by c.id limit ${batch}`,
    );
    if (rows.length === 0) return written;
    await saveFingerprints(
      db,
      rows.map((r) => ({
        id: r.id,
        title: r.title,
        description: r.description,
        citizenPhone: r.citizen_phone,
        createdAt: new Date(r.created_at),
      })),
    );
    written += rows.length;
    if (rows.length < batch) return written;
  }
}
