import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import { queryRows } from '../../platform/db/database.js';
import { publishLiveEvents } from '../../platform/realtime/realtime.js';
import type { NotificationKind } from './notification-kinds.js';
import { notificationLiveEvent } from './notifications.presenter.js';
import { notifications } from './notifications.tables.js';

/** A security alarm for the people who keep the audit trail. */
export interface SecurityAlert {
  kind: Extract<NotificationKind, 'timeline_broken'>;
  title: string;
  body: string;
  /** the case it is about (the first, when several) */
  caseId: number | null;
  caseNumber: string | null;
}

/**
 * Tells every active user who may read the audit trail (`audit.read`) of a security alarm: an in-app
 * notification each, pushed to their open live streams. Answers how many were told.
 */
export async function notifyAuditors(ctx: AppContext, alert: SecurityAlert): Promise<number> {
  const auditors = await queryRows<{ id: number }>(
    ctx.db,
    sql`select distinct u.id from users u
          join user_roles ur on ur.user_id = u.id
          join role_permissions rp on rp.role = ur.role
         where u.active and rp.permission = 'audit.read'`,
  );
  if (auditors.length === 0) return 0;
  const now = ctx.clock.now();
  const written = await ctx.db
    .insert(notifications)
    .values(auditors.map((a) => ({ userId: a.id, createdAt: now, ...alert })))
    .returning();
  try {
    await publishLiveEvents(ctx, written.map(notificationLiveEvent));
  } catch (error) {
    ctx.logger.warn({ err: error }, 'security alert not pushed live (the notifications are written)');
  }
  return written.length;
}
