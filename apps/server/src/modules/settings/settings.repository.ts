import { eq, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { settings } from './settings.tables.js';

/** The stored value of a setting, or undefined when it was never set. */
export async function readSetting(db: DbOrTx, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

/** Stores a setting's value (validated by the caller). */
export async function writeSetting(db: DbOrTx, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}

/** Every stored setting, by key. */
export async function listSettings(db: DbOrTx): Promise<Map<string, unknown>> {
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
  return new Map(rows.map((r) => [r.key, r.value]));
}

/**
 * Claims a run of a job that every server process schedules but only one should do per period: stores `now`
 * under `key` when the last claim is older than `periodMs` (or there is none), in one statement, and answers
 * whether this process won.
 */
export async function claimPeriodicRun(
  db: DbOrTx,
  key: string,
  periodMs: number,
  now: Date,
): Promise<boolean> {
  const due = new Date(now.getTime() - periodMs).toISOString();
  const rows = await db
    .insert(settings)
    .values({ key, value: now.toISOString(), updatedAt: now })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: sql`excluded.value`, updatedAt: now },
      setWhere: or(lte(settings.updatedAt, sql`${due}::timestamptz`)),
    })
    .returning({ key: settings.key });
  return rows.length > 0;
}
