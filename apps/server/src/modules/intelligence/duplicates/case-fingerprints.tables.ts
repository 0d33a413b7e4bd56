import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from '../../cases/cases.tables.js';

/**
 * The text fingerprint of each case (`text-fingerprint.ts`), written at registration: what duplicate detection
 * and the emerging-topic warning compare. A side table rather than columns on `cases`, so that the case
 * spine stays free of intelligence concerns; the GIN indexes answer "cases sharing an LSH band" and "cases
 * containing this word" without scanning history.
 */
export const caseFingerprints = pgTable(
  'case_fingerprints',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    /** the case's intake time (copied, so that window queries need not join `cases`) */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** `phoneKey` of the caller: digits without country code, so that formats match */
    phoneKey: text('phone_key'),
    /** distinct content words (jieba, stop-words dropped) */
    words: text('words').array().notNull(),
    /** sorted 31-bit hashes of the words and their character bigrams */
    features: integer('features').array().notNull(),
    /** MinHash LSH band keys of `features` */
    bands: integer('bands').array().notNull(),
  },
  (t) => [
    index('case_fingerprints_bands_idx').using('gin', t.bands),
    index('case_fingerprints_features_idx').using('gin', t.features),
    index('case_fingerprints_phone_idx').on(t.phoneKey, t.createdAt),
    index('case_fingerprints_created_idx').on(t.createdAt),
  ],
);
