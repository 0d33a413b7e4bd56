import { DEFAULT_MEDIATION_LIMIT_DAYS, type MediationSettings, TimeLimit } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { writeSetting } from '../settings/settings.repository.js';
import { forgetConfiguredSettings, readConfiguredSetting } from '../settings/settings.service.js';

/** Settings key of the mediation limit (a `TimeLimit`): the time from acceptance to an outcome. */
export const MEDIATION_LIMIT_KEY = 'mediation.limit';
/** The limit until a city sets its own: 30 days from acceptance, counted by the working calendar. */
export const DEFAULT_MEDIATION_LIMIT: TimeLimit = {
  value: DEFAULT_MEDIATION_LIMIT_DAYS,
  unit: 'working_days',
};

/** The mediation limit in force (cached per process, read before a transaction). */
export async function readMediationLimit(ctx: AppContext): Promise<TimeLimit> {
  const stored = TimeLimit.safeParse(await readConfiguredSetting(ctx, MEDIATION_LIMIT_KEY));
  return stored.success ? stored.data : DEFAULT_MEDIATION_LIMIT;
}

/** Sets the mediation limit (audited with the value before and after); disputes accepted from now on follow it. */
export async function writeMediationSettings(
  ctx: AppContext,
  actor: Actor,
  next: MediationSettings,
): Promise<MediationSettings> {
  const before = await readMediationLimit(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, MEDIATION_LIMIT_KEY, next.limit, now);
    await recordActorAudit(tx, actor, now, {
      action: 'mediation.settings_changed',
      targetType: 'setting',
      targetId: 'mediation',
      detail: { from: before, to: next.limit },
    });
  });
  await forgetConfiguredSettings(ctx);
  return { limit: await readMediationLimit(ctx) };
}
