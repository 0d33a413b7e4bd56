import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { writeSetting } from './settings.repository.js';
import { forgetConfiguredSettings, readConfiguredSetting } from './settings.service.js';

/** A value a city may set for itself, under one settings key, with the platform's default until it does. */
export interface ConfiguredSettingSpec<T> {
  /** the settings key (`petition.time_limits` …) */
  key: string;
  schema: z.ZodType<T>;
  defaults: T;
  /** how a change is audited: its action (`petition.settings_changed`) and target id (`petition`) */
  audit: { action: string; targetId: string };
}

/** How a configured setting is read and written. */
export interface ConfiguredSetting<T> {
  /** the value in force (cached per process, read before a transaction); the default until one is set */
  read(ctx: AppContext): Promise<T>;
  /** sets it, audited with the values before and after; what runs from now on follows it */
  write(ctx: AppContext, actor: Actor, next: T): Promise<T>;
}

/** The reading and writing of one configured setting. */
export function configuredSetting<T>(spec: ConfiguredSettingSpec<T>): ConfiguredSetting<T> {
  async function read(ctx: AppContext): Promise<T> {
    const stored = spec.schema.safeParse(await readConfiguredSetting(ctx, spec.key));
    return stored.success ? stored.data : spec.defaults;
  }
  async function write(ctx: AppContext, actor: Actor, next: T): Promise<T> {
    const before = await read(ctx);
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      await writeSetting(tx, spec.key, next, now);
      await recordActorAudit(tx, actor, now, {
        action: spec.audit.action,
        targetType: 'setting',
        targetId: spec.audit.targetId,
        detail: { from: before, to: next },
      });
    });
    await forgetConfiguredSettings(ctx);
    return read(ctx);
  }
  return { read, write };
}
