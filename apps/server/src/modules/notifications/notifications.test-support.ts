import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/password.js';
import type { AppContext } from '../../platform/context.js';
import { orgIdOf } from '../../test/api.js';
import type { TestContext } from '../../test/setup.js';
import { orgs } from '../orgs/orgs.tables.js';
import { insertUser } from '../users/users.repository.js';
import { users } from '../users/users.tables.js';
import { citizenNotifications, notifications } from './notifications.tables.js';

/**
 * Staff beside the demo accounts, so that "only them" means something: a second handler of 市住建局, a
 * supervisor of 海勃湾区 (his scope holds that district only) and a handler of a 海勃湾区 town. Answers the
 * town's id.
 */
export async function addNotificationStaff(ctx: TestContext): Promise<{ hbwTown: number }> {
  const passwordHash = await hashPassword('Shanzhi@2026');
  await insertUser(
    ctx.db,
    {
      username: 'handler2',
      displayName: '钱二（市住建局）',
      orgId: await orgIdOf(ctx, 'unit.housing'),
      passwordHash,
    },
    ['handler'],
  );
  await insertUser(
    ctx.db,
    {
      username: 'supervisor_hbw',
      displayName: '冯督（海勃湾区督办员）',
      orgId: await orgIdOf(ctx, 'center.150302'),
      passwordHash,
    },
    ['supervisor'],
  );
  const [district] = await ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.code, '150302'));
  const [town] = await ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.kind, 'town'), like(orgs.path, `${district!.path}%`)))
    .orderBy(asc(orgs.sort), asc(orgs.id))
    .limit(1);
  await insertUser(
    ctx.db,
    { username: 'handler_hbw', displayName: '卫三（海勃湾区街道）', orgId: town!.id, passwordHash },
    ['handler'],
  );
  return { hbwTown: town!.id };
}

/** Who got notifications about a case, as `username:kind`, sorted. */
export async function notifiedAbout(ctx: AppContext, caseId: number): Promise<string[]> {
  const rows = await ctx.db
    .select({ username: users.username, kind: notifications.kind })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.caseId, caseId));
  return rows.map((r) => `${r.username}:${r.kind}`).sort();
}

/** The citizen notices written for cases, as `number:phone:event`. */
export async function citizenNoticesOf(ctx: AppContext, caseIds: number[]): Promise<string[]> {
  const rows = await ctx.db
    .select()
    .from(citizenNotifications)
    .where(inArray(citizenNotifications.caseId, caseIds));
  return rows.map((r) => `${r.caseNumber}:${r.phone}:${r.event}`).sort();
}
