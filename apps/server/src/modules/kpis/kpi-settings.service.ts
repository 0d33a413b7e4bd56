import { DEFAULT_KPI_CONFIG, KpiConfig } from '@shanzhi/shared';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { writeSetting } from '../settings/settings.repository.js';
import { forgetConfiguredSettings, readConfiguredSetting } from '../settings/settings.service.js';

/** Settings key of the formulas' configuration (a `KpiConfig`: 基本满意 coefficient and weights). */
export const KPI_CONFIG_KEY = 'kpi.config';
/** Settings key of the ranking threshold under which a unit is flagged (通报), a fraction. */
export const KPI_FLAG_THRESHOLD_KEY = 'kpi.flag_threshold';
/** The threshold until a city sets its own: a composite score under 85 % is flagged. */
export const DEFAULT_FLAG_THRESHOLD = 0.85;

/** 通报线: a score under it is flagged in rankings. */
export const FlagThreshold = z
  .number({ error: '通报线必须是数字' })
  .min(0, '通报线不能为负')
  .max(1, '通报线不能大于 1（按小数填写，如 0.85）');

/** `GET/PUT /api/v1/kpis/config`: the formulas' configuration and the ranking's threshold. */
export const KpiSettings = KpiConfig.extend({
  /** 通报线: ranking entries under this composite score are flagged; 0.85 by default */
  flagThreshold: FlagThreshold.default(DEFAULT_FLAG_THRESHOLD),
});
export type KpiSettings = z.infer<typeof KpiSettings>;

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
