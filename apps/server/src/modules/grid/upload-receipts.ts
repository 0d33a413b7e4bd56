import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx, Tx } from '../../platform/db/database.js';
import { AlreadyReceivedError, AppError } from '../../platform/errors/app-error.js';
import { gridUploadReceipts } from './grid.tables.js';

/** Refuses (409 ALREADY_RECEIVED, naming what it changed) an upload whose key this user already sent. */
async function assertNotReceived(db: DbOrTx, userId: number, clientKey: string): Promise<void> {
  const [earlier] = await db
    .select({ location: gridUploadReceipts.location })
    .from(gridUploadReceipts)
    .where(and(eq(gridUploadReceipts.userId, userId), eq(gridUploadReceipts.clientKey, clientKey)));
  if (earlier) throw new AlreadyReceivedError(earlier.location);
}

/** Thrown inside the transaction when a concurrent copy wrote the receipt first: it rolls this one back. */
class ReceivedMeanwhile extends Error {}

/** Who sent an upload, its `Idempotency-Key` (if any), and the API path of the record it changes. */
export interface UploadReceipt {
  userId: number;
  clientKey: string | undefined;
  location: string;
}

/**
 * Makes a change a phone may send again after a lost answer (an action, a patrol's end) once per
 * `Idempotency-Key`: a key this user already sent is answered 409 ALREADY_RECEIVED with the `location` of
 * what the first copy changed, and nothing is tried again (it would be refused as stale, or taken twice).
 * Otherwise `prepare` runs (photos stored, reads done — outside the transaction), then `change` and the key's
 * receipt commit in one transaction. Without a key, the two simply run.
 */
export async function changeOnce<P, T>(
  ctx: AppContext,
  receipt: UploadReceipt,
  prepare: () => Promise<P>,
  change: (tx: Tx, prepared: P) => Promise<T>,
): Promise<T> {
  const { userId, clientKey, location } = receipt;
  if (!clientKey) {
    const prepared = await prepare();
    return ctx.db.transaction((tx) => change(tx, prepared));
  }
  await assertNotReceived(ctx.db, userId, clientKey);
  try {
    const prepared = await prepare();
    return await ctx.db.transaction(async (tx) => {
      const result = await change(tx, prepared);
      const written = await tx
        .insert(gridUploadReceipts)
        .values({ userId, clientKey, location, receivedAt: ctx.clock.now() })
        .onConflictDoNothing()
        .returning({ key: gridUploadReceipts.clientKey });
      if (written.length === 0) throw new ReceivedMeanwhile();
      return result;
    });
  } catch (error) {
    // a copy of the same upload sent at the same moment got there first: this one was a retry, and whatever
    // refused it (a version already bumped, a state already left) is the first copy's doing
    if (error instanceof ReceivedMeanwhile || error instanceof AppError) {
      await assertNotReceived(ctx.db, userId, clientKey);
    }
    if (error instanceof ReceivedMeanwhile) throw new AppError('CONFLICT', '该操作正由另一请求办理');
    throw error;
  }
}
