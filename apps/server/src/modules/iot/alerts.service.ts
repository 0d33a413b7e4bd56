import type {
  IotAlertActionInput,
  IotAlertListQuery,
  IotAlertPage,
  IotAlertStaffAction,
  IotAlertView,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { decodeCursor, isInstantIdPosition, keysetPage } from '../../platform/http/lists.js';
import { availableLifecycleActions, runTransition } from '../../platform/lifecycle/transition.js';
import { prepareAlertCase } from './alert-cases.js';
import { ALERT_DEFINITION, type AlertEnvironment, assertAlertInScope } from './alert-lifecycle.js';
import { alertEnvironment } from './ingest-alert.js';
import { presentAlert } from './iot.presenter.js';
import { type AlertListRow, findAlert, findDevice, findRuleFor, listAlerts } from './iot.repository.js';

/** Alerts as one actor sees them, with the actions he may take. */
function present(ctx: AppContext, actor: Actor, rows: readonly AlertListRow[]): IotAlertView[] {
  const env = alertEnvironment(ctx);
  return rows.map((row) =>
    presentAlert(
      row,
      availableLifecycleActions(ALERT_DEFINITION, { actor, row, now: env.now, env }, ['raise']),
    ),
  );
}

/** 告警看板: the alerts in the caller's scope, newest first (keyset), by estate and state. */
export async function listAlertsForActor(
  ctx: AppContext,
  actor: Actor,
  query: IotAlertListQuery,
): Promise<IotAlertPage> {
  const rows = await listAlerts(ctx.db, {
    scopePath: actor.scopePath,
    estateId: query.estate,
    state: query.state,
    after: query.cursor ? decodeCursor(query.cursor, isInstantIdPosition) : undefined,
    limit: query.limit,
  });
  return keysetPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (page) => present(ctx, actor, page),
  );
}

/** One alert in the caller's scope. */
export async function getAlert(ctx: AppContext, actor: Actor, id: number): Promise<IotAlertView> {
  const row = await findAlert(ctx.db, id);
  if (!row) throw ALERT_DEFINITION.notFound(id);
  assertAlertInScope(actor, row);
  return present(ctx, actor, [row])[0]!;
}

/** What a staff action needs read before its transaction: 立案 prepares the case by the alert's rule. */
async function prepareAction(ctx: AppContext, actor: Actor, id: number, action: IotAlertStaffAction) {
  if (action !== 'open_case') return alertEnvironment(ctx);
  const alert = await findAlert(ctx.db, id);
  if (!alert) throw ALERT_DEFINITION.notFound(id);
  assertAlertInScope(actor, alert);
  const [device, rule] = await Promise.all([
    findDevice(ctx.db, alert.deviceId),
    findRuleFor(ctx.db, alert.deviceType, alert.type, alert.estateId, alert.createdAt),
  ]);
  const registration = await prepareAlertCase(ctx, alert, device!, rule);
  return alertEnvironment(ctx, { registration }) satisfies AlertEnvironment;
}

/** 确认、立案、排除: a staff action on an alert through the shared mechanism, answered as the alert now is. */
export async function actOnAlert<A extends IotAlertStaffAction>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: A,
  input: IotAlertActionInput<A>,
): Promise<IotAlertView> {
  const env = await prepareAction(ctx, actor, id, action);
  await ctx.db.transaction((tx) => runTransition(tx, ALERT_DEFINITION, actor, { id, action, input }, env));
  return getAlert(ctx, actor, id);
}
