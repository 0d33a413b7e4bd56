import { and, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { portalCaptchas } from './portal.tables.js';

/** Keeps a drawn captcha's answer (hashed) until it expires. */
export async function insertCaptcha(
  db: DbOrTx,
  values: { id: string; answerHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(portalCaptchas).values(values);
}

/**
 * Takes a captcha out of the store, answered or not, and answers the hash of its answer (undefined when it
 * is unknown, already taken or expired): one statement, so that a captcha is checked once in any process.
 */
export async function takeCaptcha(db: DbOrTx, id: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .delete(portalCaptchas)
    .where(and(eq(portalCaptchas.id, id), gt(portalCaptchas.expiresAt, now)))
    .returning({ answerHash: portalCaptchas.answerHash });
  return row?.answerHash;
}

/** Deletes the captchas that expired unanswered; returns how many. */
export async function deleteExpiredCaptchas(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .delete(portalCaptchas)
    .where(lte(portalCaptchas.expiresAt, now))
    .returning({ id: portalCaptchas.id });
  return rows.length;
}
