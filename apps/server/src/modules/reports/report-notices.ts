import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import { queryRows } from '../../platform/db/database.js';
import { publishLiveEvents } from '../../platform/realtime/realtime.js';
import { notificationLiveEvent } from '../notifications/notifications.presenter.js';
import { notifications } from '../notifications/notifications.tables.js';
import type { ReportRow } from './reports.repository.js';

/**
 * Who is told that a report is ready: whoever asked for it; for a scheduled report, every active user who
 * may read reports and whose data scope holds the report's org (a centre's staff serve its parent's subtree).
 */
async function recipientsOf(ctx: AppContext, row: ReportRow): Promise<number[]> {
  if (row.requestedByUserId !== null) return [row.requestedByUserId];
  const rows = await queryRows<{ id: number }>(
    ctx.db,
    sql`select distinct u.id from users u
          join orgs o on o.id = u.org_id
          join user_roles ur on ur.user_id = u.id
          join role_permissions rp on rp.role = ur.role
         where u.active and rp.permission = 'report.read'
           and ${row.orgPath} like (case when o.kind = 'center' and o.parent_id is not null
             then regexp_replace(o.path, '[0-9]+/$', '') else o.path end) || '%'`,
  );
  return rows.map((r) => Number(r.id));
}

/** Tells the recipients of a ready report, in the app and on their open live streams. */
export async function notifyReportReady(ctx: AppContext, row: ReportRow, title: string): Promise<number> {
  const recipients = await recipientsOf(ctx, row);
  if (recipients.length === 0) return 0;
  const written = await ctx.db
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        userId,
        kind: 'report_ready',
        title: `报告已生成：${title}`,
        body: `${title}已生成，可在「报告」页下载 Word 研判专刊与 Excel 表格。`,
        createdAt: ctx.clock.now(),
      })),
    )
    .returning();
  try {
    await publishLiveEvents(ctx, written.map(notificationLiveEvent));
  } catch (error) {
    ctx.logger.warn({ err: error }, 'report notice not pushed live (the notifications are written)');
  }
  return written.length;
}
