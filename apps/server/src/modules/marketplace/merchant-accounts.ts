import { randomInt } from 'node:crypto';
import type { MerchantAccount } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { insertUser, isUsernameTaken } from '../users/users.repository.js';
import { MERCHANT_ACCOUNTS_ORG } from './merchant-accounts-org.js';
import {
  deactivateMerchantStaff,
  insertMerchantStaff,
  type MerchantRow,
} from './merchant-register.repository.js';

// no 0/O, 1/l/I: the reviewer reads the password out to the merchant
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=!?';
const INITIAL_PASSWORD_LENGTH = 16;

/**
 * A strong initial password: 16 characters drawn by the system's CSPRNG (about 90 bits), with at least one
 * letter, digit and symbol, so that it passes the platform's password rules.
 */
export function drawInitialPassword(): string {
  const all = LETTERS + DIGITS + SYMBOLS;
  const pick = (from: string) => from[randomInt(from.length)]!;
  const chars = [pick(LETTERS), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < INITIAL_PASSWORD_LENGTH) chars.push(pick(all));
  // shuffle so the guaranteed classes sit anywhere (Fisher–Yates)
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** The first free username of a merchant's first account: `m` + its phone, then `-2`, `-3` … */
async function freeUsernameFor(tx: Tx, phone: string): Promise<string> {
  const base = `m${phone}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isUsernameTaken(tx, candidate))) return candidate;
  }
}

/**
 * 开通商户账号: on approval, the merchant's first staff account (role `merchant`), named after its phone, with a
 * drawn password hashed as every password is; linked to the merchant and audited as a user creation. Answers
 * the username and the password in clear, for the reviewer to hand over once.
 */
export async function openMerchantAccount(
  tx: Tx,
  actor: Actor,
  merchant: MerchantRow,
  now: Date,
): Promise<MerchantAccount> {
  const org = await findOrgByCode(tx, MERCHANT_ACCOUNTS_ORG.code);
  if (!org?.active)
    throw new AppError(
      'CONFLICT',
      `商户账号所属组织（${MERCHANT_ACCOUNTS_ORG.name}，编码 ${MERCHANT_ACCOUNTS_ORG.code}）不存在或已停用，请在组织管理中恢复`,
    );
  const username = await freeUsernameFor(tx, merchant.contactPhone);
  const initialPassword = drawInitialPassword();
  const userId = await insertUser(
    tx,
    {
      username,
      displayName: merchant.name,
      orgId: org.id,
      passwordHash: await hashPassword(initialPassword),
      phone: merchant.contactPhone,
    },
    ['merchant'],
  );
  await insertMerchantStaff(tx, merchant.id, userId);
  await recordActorAudit(tx, actor, now, {
    action: 'user.created',
    targetType: 'user',
    targetId: userId,
    detail: { username, roles: ['merchant'], merchantId: merchant.id },
  });
  return { username, initialPassword };
}

/**
 * 清退: a merchant removed for cause loses its staff accounts — deactivated, their sessions ended, each audited
 * as a user update. (The caller forgets the cached sessions once the transaction is committed.)
 */
export async function closeMerchantAccounts(
  tx: Tx,
  actor: Actor,
  merchantId: number,
  now: Date,
): Promise<void> {
  for (const userId of await deactivateMerchantStaff(tx, merchantId, now)) {
    await deleteUserSessions(tx, userId);
    await recordActorAudit(tx, actor, now, {
      action: 'user.updated',
      targetType: 'user',
      targetId: userId,
      detail: { changed: ['active'], merchantId },
    });
  }
}
