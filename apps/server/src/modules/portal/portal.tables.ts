import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.tables.js';

/**
 * 群众评价: the citizen's own rating of a closed case, given on the portal (once per case). Kept beside the
 * case rather than on it: it is the citizen's word, not a lifecycle action, and it never changes the case's
 * state; the callback (回访) recorded by the 12345 centre stays the measure of record.
 */
export const portalRatings = pgTable(
  'portal_ratings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** 满意 / 基本满意 / 不满意 (SATISFACTION_LEVELS) */
    satisfaction: text('satisfaction').notNull(),
    /** 评价内容 */
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('portal_ratings_case_idx').on(t.caseId),
    check(
      'portal_ratings_satisfaction_check',
      sql`${t.satisfaction} in ('satisfied', 'basically_satisfied', 'unsatisfied')`,
    ),
  ],
);

/**
 * 验证码: the captchas the portal has drawn and not yet seen answered. Only a hash of the answer is kept, with
 * an expiry, so that any server process can check an answer, once.
 */
export const portalCaptchas = pgTable(
  'portal_captchas',
  {
    /** the captcha's random id, handed to the client with the picture */
    id: text('id').primaryKey(),
    /** SHA-256 of the id and the lower-case answer */
    answerHash: text('answer_hash').notNull(),
    /** after this the answer is refused */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('portal_captchas_expires_idx').on(t.expiresAt)],
);
