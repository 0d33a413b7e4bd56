import { createInterface } from 'node:readline/promises';
import { CreateUserInput } from '@shanzhi/shared';
import { hashPassword } from '../../platform/auth/password.js';
import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { insertUser, isUsernameTaken } from './users.repository.js';

/** Options of `shanzhi user create`. */
export interface UserCreateOptions {
  username: string;
  name: string;
  org: string;
  role: string[];
  phone?: string;
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.SHANZHI_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new AppError('VALIDATION_FAILED', 'Set SHANZHI_NEW_PASSWORD or run in a terminal');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question('Password: ');
  } finally {
    rl.close();
  }
}

/** `shanzhi user create`: an operator's way in when there is no admin yet (audited as done by the CLI). */
export async function createUserFromCli(ctx: AppContext, options: UserCreateOptions): Promise<void> {
  const org = await findOrgByCode(ctx.db, options.org);
  if (!org) throw new AppError('ORG_NOT_FOUND', `No org with code ${options.org}`);
  const input = CreateUserInput.safeParse({
    username: options.username,
    displayName: options.name,
    orgId: org.id,
    roles: options.role,
    phone: options.phone ?? null,
    password: await readPassword(),
  });
  if (!input.success) {
    const fields = input.error.issues.map((i) => ({
      field: i.path.join('.'),
      code: i.code,
      message: i.message,
    }));
    throw new AppError('VALIDATION_FAILED', 'Invalid user', fields);
  }
  if (await isUsernameTaken(ctx.db, input.data.username))
    throw new AppError('DUPLICATE_USERNAME', `${input.data.username} exists`);
  const { password, roles, ...values } = input.data;
  assertStrongPassword(password, [values.username, values.displayName]);
  const passwordHash = await hashPassword(password);
  const id = await ctx.db.transaction(async (tx) => {
    const userId = await insertUser(tx, { ...values, phone: values.phone ?? null, passwordHash }, roles);
    await recordAudit(
      tx,
      {
        action: 'user.created',
        actorUsername: 'cli',
        targetType: 'user',
        targetId: userId,
        detail: { roles },
      },
      ctx.clock.now(),
    );
    return userId;
  });
  ctx.logger.info({ id, username: input.data.username, roles }, 'user created');
}
