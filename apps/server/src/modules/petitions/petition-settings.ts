import { DEFAULT_PETITION_TIME_LIMITS, PetitionTimeLimits } from '@shanzhi/shared';
import { configuredSetting } from '../settings/configured-setting.js';

/** 信访时限: the legal time limits, the law's until a city sets its own when regulations change. */
const timeLimits = configuredSetting({
  key: 'petition.time_limits',
  schema: PetitionTimeLimits,
  defaults: DEFAULT_PETITION_TIME_LIMITS,
  audit: { action: 'petition.settings_changed', targetId: 'petition' },
});

/** The time limits in force; periods opened after a change follow the new ones. */
export const readPetitionTimeLimits = timeLimits.read;
export const writePetitionTimeLimits = timeLimits.write;
