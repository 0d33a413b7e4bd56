import net from 'node:net';
import { inArray } from 'drizzle-orm';
import { DOCUMENTED_DEMO_PASSWORD } from '../../platform/auth/known-passwords.js';
import { verifyPassword } from '../../platform/auth/password.js';
import { ConfigError } from '../../platform/config/config.js';
import type { AppContext } from '../../platform/context.js';
import { users } from '../users/users.tables.js';
import { DEMO_USERS } from './demo-users.js';

/** Whether `host` is a loopback interface only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  return host === '::1';
}

/**
 * Refuses to serve on an interface other machines reach while an active demo account still signs in with the
 * documented demo password (README): anyone could sign in as `admin`. Only the demo accounts can hold it —
 * every other way of setting a password refuses it (the strength policy bans it) — so only they are checked.
 */
export async function assertDemoAccountsNotExposed(ctx: AppContext): Promise<void> {
  if (isLoopbackHost(ctx.config.HOST)) return;
  const rows = await ctx.db
    .select({ username: users.username, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(
      inArray(
        users.username,
        DEMO_USERS.map((u) => u.username),
      ),
    );
  const exposed: string[] = [];
  for (const row of rows) {
    if (row.active && (await verifyPassword(row.passwordHash, DOCUMENTED_DEMO_PASSWORD)))
      exposed.push(row.username);
  }
  if (exposed.length === 0) return;
  throw new ConfigError(
    `Refusing to listen on ${ctx.config.HOST}: the demo accounts ${exposed.join(', ')} still have the documented ` +
      'demo password. Change their passwords (or disable them) first, or listen on 127.0.0.1 (HOST).',
  );
}
