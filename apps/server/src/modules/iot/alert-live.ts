import type { AppContext } from '../../platform/context.js';
import { publishLiveEvents } from '../../platform/realtime/realtime.js';
import type { AlertRow } from './iot.repository.js';

/**
 * Tells the live stream (`iot_alert.raised`) about new or repeated alerts, each once as it now stands, for
 * the users whose scope holds its estate and who may read alerts: the alert board rings in. Best effort,
 * after the alerts committed (the row is the record; a board that missed one finds it on its next load).
 */
export async function publishAlertsLive(ctx: AppContext, rows: AlertRow[]): Promise<void> {
  const latest = new Map(rows.map((row) => [row.id, row]));
  if (latest.size === 0) return;
  try {
    await publishLiveEvents(
      ctx,
      [...latest.values()].map((row) => ({
        topic: 'iot_alert.raised',
        at: row.lastRaisedAt.toISOString(),
        audience: { orgPaths: [row.orgPath], permission: 'iot.read' },
        data: { id: row.id, type: row.type, severity: row.severity, state: row.state, count: row.count },
      })),
    );
  } catch (error) {
    ctx.logger.warn({ err: error, alerts: latest.size }, 'iot alerts not published live');
  }
}
