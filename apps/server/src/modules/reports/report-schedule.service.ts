import { DEFAULT_REPORT_SCHEDULE, ReportSchedule } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import { writeSetting } from '../settings/settings.repository.js';
import { forgetConfiguredSettings, readConfiguredSetting } from '../settings/settings.service.js';

/** Settings key of the schedule of reports (a `ReportSchedule`). */
export const REPORT_SCHEDULE_KEY = 'reports.schedule';

/** The schedule in force: the stored one, or the default (nothing scheduled). */
export async function readReportSchedule(ctx: AppContext): Promise<ReportSchedule> {
  const parsed = ReportSchedule.safeParse(await readConfiguredSetting(ctx, REPORT_SCHEDULE_KEY));
  return parsed.success ? parsed.data : DEFAULT_REPORT_SCHEDULE;
}

/** Replaces the schedule (its orgs must exist: 400 naming the entry otherwise), audited before and after. */
export async function writeReportSchedule(
  ctx: AppContext,
  actor: Actor,
  next: ReportSchedule,
): Promise<ReportSchedule> {
  const orgIds = next.entries.flatMap((e) => (e.org === undefined ? [] : [e.org]));
  const known = await findOrgBriefs(ctx.db, orgIds);
  next.entries.forEach((entry, i) => {
    if (entry.org !== undefined && !known.has(entry.org)) {
      throw fieldError(`entries.${i}.org`, 'not_found', `组织 ${entry.org} 不存在`);
    }
  });
  const before = await readReportSchedule(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, REPORT_SCHEDULE_KEY, next, now);
    await recordActorAudit(tx, actor, now, {
      action: 'report.schedule_changed',
      targetType: 'setting',
      targetId: REPORT_SCHEDULE_KEY,
      detail: { from: before, to: next },
    });
  });
  await forgetConfiguredSettings(ctx);
  return readReportSchedule(ctx);
}
