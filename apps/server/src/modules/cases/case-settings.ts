import { TimeLimit } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { readConfiguredSetting } from '../settings/settings.service.js';

/** The settings of the case spine a city may change (stored in `settings`). */
export interface CaseSettings {
  /** 返工时限: the time a unit gets to reply again after a rework (`cases.rework_limit`) */
  reworkLimit: TimeLimit;
}

/** Settings key of the rework limit; its value is a `TimeLimit`. */
export const REWORK_LIMIT_KEY = 'cases.rework_limit';
/** The rework limit until a city sets its own: 3 working days. */
export const DEFAULT_REWORK_LIMIT: TimeLimit = { value: 3, unit: 'working_days' };

/** The settings in force (read before an action's transaction, never inside it; at most a minute old). */
export async function readCaseSettings(ctx: AppContext): Promise<CaseSettings> {
  const stored = TimeLimit.safeParse(await readConfiguredSetting(ctx, REWORK_LIMIT_KEY));
  return { reworkLimit: stored.success ? stored.data : DEFAULT_REWORK_LIMIT };
}
