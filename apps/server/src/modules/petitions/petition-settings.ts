import { DEFAULT_PETITION_TIME_LIMITS, PetitionTimeLimits } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { writeSetting } from '../settings/settings.repository.js';
import { forgetConfiguredSettings, readConfiguredSetting } from '../settings/settings.service.js';

/** Settings key of the petitions' legal time limits (`PetitionTimeLimits`). */
export const PETITION_TIME_LIMITS_KEY = 'petition.time_limits';

/** The time limits in force (cached per process, read before a transaction); the law's until a city sets its own. */
export async function readPetitionTimeLimits(ctx: AppContext): Promise<PetitionTimeLimits> {
  const stored = PetitionTimeLimits.safeParse(await readConfiguredSetting(ctx, PETITION_TIME_LIMITS_KEY));
  return stored.success ? stored.data : DEFAULT_PETITION_TIME_LIMITS;
}

/** Sets the time limits (audited with the values before and after); periods opened from now on follow them. */
export async function writePetitionTimeLimits(
  ctx: AppContext,
  actor: Actor,
  next: PetitionTimeLimits,
): Promise<PetitionTimeLimits> {
  const before = await readPetitionTimeLimits(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, PETITION_TIME_LIMITS_KEY, next, now);
    await recordActorAudit(tx, actor, now, {
      action: 'petition.settings_changed',
      targetType: 'setting',
      targetId: 'petition',
      detail: { from: before, to: next },
    });
  });
  await forgetConfiguredSettings(ctx);
  return readPetitionTimeLimits(ctx);
}
