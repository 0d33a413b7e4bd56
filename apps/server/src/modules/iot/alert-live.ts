import type { AppContext } from '../../platform/context.js';
import { publishLiveEvents } from '../../platform/realtime/realtime.js';
import type { AlertRow } from './iot.repository.js';

/**
 * Tells the live stream (`iot_alert.raised`) about a new or repeated alert, for the users whose scope holds
 * its estate and who may read alerts: the alert board rings in. Best effort, after the alert committed (the
 * row is the record; a board that missed it finds it on its next load).
 */
export async function publishAlertLive(ctx: AppContext, row: AlertRow): Promise<void> {
  try {
    await publishLiveEvents(ctx, [
      {
        topic: 'iot_alert.raised',
        at: row.lastRaisedAt.toISOString(),
        audience: { orgPaths: [row.orgPath], permission: 'iot.read' },
        data: { id: row.id, type: row.type, severity: row.severity, state: row.state, count: row.count },
      },
    ]);
  } catch (error) {
    ctx.logger.warn({ err: error, alertId: row.id }, 'iot alert not published live');
  }
}
