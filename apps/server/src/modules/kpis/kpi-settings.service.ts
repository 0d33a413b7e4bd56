import {
  DEFAULT_FLAG_THRESHOLD,
  DEFAULT_KPI_CONFIG,
  FlagThreshold,
  KpiConfig,
  type KpiSettings,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { writeSetting } from '../settings/settings.repository.js';
import { forgetConfiguredSettings, readConfiguredSetting } from '../settings/settings.service.js';

/** Settings key of the formulas' configuration (a `KpiConfig`: 基本满意 coefficient and weights). */
export const KPI_CONFIG_KEY = 'kpi.config';
/** Settings key of the ranking threshold under which a unit is flagged (通报), a fraction. */
export const KPI_FLAG_THRESHOLD_KEY = 'kpi.flag_threshold';

/** The measures' settings in force: stored values, or the published defaults where none are stored. */
export async function readKpiSettings(ctx: AppContext): Promise<KpiSettings> {
  const [config, threshold] = await Promise.all([
    readConfiguredSetting(ctx, KPI_CONFIG_KEY),
    readConfiguredSetting(ctx, KPI_FLAG_THRESHOLD_KEY),
  ]);
  const parsedConfig = KpiConfig.safeParse(config);
  const parsedThreshold = FlagThreshold.safeParse(threshold);
  return {
    ...(parsedConfig.success ? parsedConfig.data : DEFAULT_KPI_CONFIG),
    flagThreshold: parsedThreshold.success ? parsedThreshold.data : DEFAULT_FLAG_THRESHOLD,
  };
}

/** Replaces the measures' settings (validated by the route), audited with the values before and after. */
export async function writeKpiSettings(
  ctx: AppContext,
  actor: Actor,
  next: KpiSettings,
): Promise<KpiSettings> {
  const before = await readKpiSettings(ctx);
  const now = ctx.clock.now();
  const { flagThreshold, ...config } = next;
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, KPI_CONFIG_KEY, config, now);
    await writeSetting(tx, KPI_FLAG_THRESHOLD_KEY, flagThreshold, now);
    await recordActorAudit(tx, actor, now, {
      action: 'kpi.config_changed',
      targetType: 'setting',
      targetId: KPI_CONFIG_KEY,
      detail: { from: before, to: next },
    });
  });
  await forgetConfiguredSettings(ctx);
  return readKpiSettings(ctx);
}
