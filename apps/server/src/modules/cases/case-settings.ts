import { type CaseSettingsInput, DEFAULT_AUTO_DISPATCH_THRESHOLD, TimeLimit } from '@shanzhi/shared';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { writeSetting } from '../settings/settings.repository.js';
import { forgetConfiguredSettings, readConfiguredSetting } from '../settings/settings.service.js';

/** The settings of the case spine a city may change (stored in `settings`). */
export interface CaseSettings {
  /** 返工时限: the time a unit gets to reply again after a rework (`cases.rework_limit`) */
  reworkLimit: TimeLimit;
  /** 智能派单阈值: the unit confidence from which a new case is dispatched automatically; null = never */
  autoDispatchThreshold: number | null;
}

/** Settings key of the rework limit; its value is a `TimeLimit`. */
export const REWORK_LIMIT_KEY = 'cases.rework_limit';
/** The rework limit until a city sets its own: 3 working days. */
export const DEFAULT_REWORK_LIMIT: TimeLimit = { value: 3, unit: 'working_days' };
/**
 * Settings key of the auto-dispatch threshold (0–1; `false` or above 1 = never): a rule of the case spine,
 * stored under its key (migration 0019 moved it from `intelligence.auto_dispatch_threshold`).
 */
export const AUTO_DISPATCH_THRESHOLD_KEY = 'cases.auto_dispatch_threshold';

// a JSON value cannot be SQL NULL in `settings`: automatic dispatch switched off is stored as `false`
const StoredThreshold = z.union([z.number().min(0), z.literal(false)]);

/** The settings in force (read before an action's transaction, never inside it; cached per process). */
export async function readCaseSettings(ctx: AppContext): Promise<CaseSettings> {
  const [storedLimit, storedValue] = await Promise.all([
    readConfiguredSetting(ctx, REWORK_LIMIT_KEY),
    readConfiguredSetting(ctx, AUTO_DISPATCH_THRESHOLD_KEY),
  ]);
  const storedRework = TimeLimit.safeParse(storedLimit);
  const storedThreshold = StoredThreshold.safeParse(storedValue);
  const threshold = storedThreshold.success ? storedThreshold.data : DEFAULT_AUTO_DISPATCH_THRESHOLD;
  return {
    reworkLimit: storedRework.success ? storedRework.data : DEFAULT_REWORK_LIMIT,
    autoDispatchThreshold: threshold !== false && threshold <= 1 ? threshold : null,
  };
}

/** Replaces the case spine's settings (validated by the route), audited with the values before and after. */
export async function writeCaseSettings(
  ctx: AppContext,
  actor: Actor,
  next: CaseSettingsInput,
): Promise<CaseSettings> {
  const before = await readCaseSettings(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, REWORK_LIMIT_KEY, next.reworkLimit, now);
    await writeSetting(tx, AUTO_DISPATCH_THRESHOLD_KEY, next.autoDispatchThreshold ?? false, now);
    await recordActorAudit(tx, actor, now, {
      action: 'case.settings_changed',
      targetType: 'setting',
      targetId: 'cases',
      detail: { from: before, to: next },
    });
  });
  await forgetConfiguredSettings(ctx);
  return readCaseSettings(ctx);
}
