import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, type Permission } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { readSetting, writeSetting } from '../settings/settings.repository.js';
import { rolePermissions } from './users.tables.js';

const KNOWN_PERMISSIONS_KEY = 'auth.known_permissions';

/**
 * Grants each role its default permissions — but only permissions this database has never seen, so that a
 * new release's new permissions reach the roles that need them while an administrator's earlier revocations
 * stay revoked. Runs at every start; idempotent.
 */
export async function grantNewDefaultPermissions(ctx: AppContext): Promise<Permission[]> {
  const known = new Set((await readSetting(ctx.db, KNOWN_PERMISSIONS_KEY)) as Permission[] | undefined);
  const fresh = PERMISSIONS.filter((p) => !known.has(p));
  if (fresh.length === 0) return [];
  const rows = Object.entries(DEFAULT_ROLE_PERMISSIONS).flatMap(([role, permissions]) =>
    permissions.filter((p) => fresh.includes(p)).map((permission) => ({ role, permission })),
  );
  await ctx.db.transaction(async (tx) => {
    if (rows.length > 0) await tx.insert(rolePermissions).values(rows).onConflictDoNothing();
    await writeSetting(tx, KNOWN_PERMISSIONS_KEY, [...PERMISSIONS], ctx.clock.now());
  });
  return fresh;
}
