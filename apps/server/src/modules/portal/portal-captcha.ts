import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { PortalCaptcha } from '@shanzhi/shared';
import svgCaptcha from 'svg-captcha';
import type { AppContext } from '../../platform/context.js';
import { deleteExpiredCaptchas, insertCaptcha, takeCaptcha } from './portal-captchas.repository.js';

/** Characters a captcha is made of: none of 0/O, 1/I/L, which people misread. */
const CAPTCHA_CHARACTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters in one captcha. */
const CAPTCHA_LENGTH = 4;
/** How long a drawn captcha may be answered. */
export const CAPTCHA_TTL_MS = 5 * 60_000;

// svg-captcha's module itself is its drawing function, `(text, options) => svg`, which its types leave out;
// drawing our own text lets the text come from the crypto generator rather than Math.random.
const drawCaptcha = svgCaptcha as unknown as (text: string, options: Record<string, unknown>) => string;

/** What a citizen sends back: the captcha's id and the characters read in it. */
export interface PortalCaptchaAnswer {
  captchaId: string;
  captchaAnswer: string;
}

function hashAnswer(captchaId: string, answer: string): Buffer {
  return createHash('sha256').update(`${captchaId}:${answer.trim().toLowerCase()}`).digest();
}

/** Draws a new captcha and keeps its answer, hashed, for `CAPTCHA_TTL_MS`. */
export async function issuePortalCaptcha(ctx: AppContext): Promise<PortalCaptcha> {
  const text = Array.from(
    { length: CAPTCHA_LENGTH },
    () => CAPTCHA_CHARACTERS[randomInt(CAPTCHA_CHARACTERS.length)],
  ).join('');
  const captchaId = randomUUID();
  await insertCaptcha(ctx.db, {
    id: captchaId,
    answerHash: hashAnswer(captchaId, text).toString('hex'),
    expiresAt: new Date(ctx.clock.now().getTime() + CAPTCHA_TTL_MS),
  });
  // dark grey on no background: legible for people with weak sight on the page's white
  return { captchaId, svg: drawCaptcha(text, { noise: 3, color: false }) };
}

/**
 * Whether `answer` solves its captcha, case aside. A captcha is used up by the first answer, right or wrong,
 * so each picture gives one guess.
 */
export async function solvePortalCaptcha(
  ctx: AppContext,
  answer: PortalCaptchaAnswer,
  now: Date,
): Promise<boolean> {
  const stored = await takeCaptcha(ctx.db, answer.captchaId, now);
  if (!stored) return false;
  return timingSafeEqual(Buffer.from(stored, 'hex'), hashAnswer(answer.captchaId, answer.captchaAnswer));
}

/** Deletes the captchas that expired unanswered; returns how many. */
export async function purgeExpiredPortalCaptchas(ctx: AppContext, now: Date): Promise<number> {
  return deleteExpiredCaptchas(ctx.db, now);
}
