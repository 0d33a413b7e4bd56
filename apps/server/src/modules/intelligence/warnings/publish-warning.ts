import type { AppContext } from '../../../platform/context.js';
import { publishLiveEvents } from '../../../platform/realtime/realtime.js';
import type { WarningRow } from './warnings.repository.js';

/**
 * Tells the live stream (`warning.raised`) about new warnings, for the users whose scope holds the warning's
 * place and who may read warnings. Called after the rows committed.
 */
export async function publishRaisedWarnings(ctx: AppContext, rows: readonly WarningRow[]): Promise<void> {
  if (rows.length === 0) return;
  await publishLiveEvents(
    ctx,
    rows.map((row) => ({
      topic: 'warning.raised',
      at: row.createdAt.toISOString(),
      audience: { orgPaths: [row.orgPath], permission: 'warning.read' },
      data: {
        id: row.id,
        kind: row.kind,
        title: row.title,
        orgId: row.orgId,
        observed: row.observed,
        score: Math.round(row.score * 10) / 10,
      },
    })),
  );
}
