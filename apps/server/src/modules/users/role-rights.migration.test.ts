import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, expectError, type SeededApi } from '../../test/api.js';
import { migrationStatements } from '../../test/migrations.js';
import { auditLog } from '../audit/audit.tables.js';
import { grantNewDefaultPermissions } from './role-grants.js';
import { rolePermissions } from './users.tables.js';

/** The grants an older release seeded and migration 0013 withdraws. */
const WITHDRAWN = [
  { role: 'mediator', permission: 'case.read' },
  { role: 'grid_worker', permission: 'case.resolve_on_call' },
] as const;

let api: SeededApi;
beforeAll(async () => {
  api = await createSeededApi();
});
afterAll(() => api.close());

async function holds(role: string, permission: string): Promise<boolean> {
  const rows = await api.ctx.db
    .select({ role: rolePermissions.role })
    .from(rolePermissions)
    .where(and(eq(rolePermissions.role, role), eq(rolePermissions.permission, permission)));
  return rows.length > 0;
}

describe('rights withdrawn from a database an older release seeded (finding 8)', () => {
  it('takes case.read from the mediator and 直接办结 from the grid worker, audited, for good (finding 8)', async () => {
    // as an older release left them
    await api.ctx.db
      .insert(rolePermissions)
      .values([...WITHDRAWN])
      .onConflictDoNothing();
    for (const g of WITHDRAWN) expect(await holds(g.role, g.permission)).toBe(true);

    for (const statement of migrationStatements('0013_role_rights'))
      await api.ctx.db.execute(sql.raw(statement));

    for (const g of WITHDRAWN) expect(await holds(g.role, g.permission), g.role).toBe(false);
    expect(await holds('grid_worker', 'case.accept')).toBe(true);
    const audited = await api.ctx.db
      .select({ targetId: auditLog.targetId, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'role.permissions_changed'));
    const byMigration = audited.filter(
      (a) => (a.detail as { by?: string }).by === 'migration 0013_role_rights',
    );
    expect(byMigration.map((a) => a.targetId).sort()).toEqual(['grid_worker', 'mediator']);
    const mediator = byMigration.find((a) => a.targetId === 'mediator')!.detail as {
      from: string[];
      to: string[];
    };
    expect(mediator.from).toContain('case.read');
    expect(mediator.to).not.toContain('case.read');
    expect(mediator.to).toContain('case.register');

    // a restart grants only permissions the database has never seen: these stay withdrawn
    await grantNewDefaultPermissions(api.ctx);
    for (const g of WITHDRAWN) expect(await holds(g.role, g.permission), g.role).toBe(false);
    expectError(await api.get('/api/v1/cases', 'mediator'), 403, 'FORBIDDEN');
  });
});
