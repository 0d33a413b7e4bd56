import {
  IOT_ALERT_LIFECYCLE,
  IOT_ESCALATION_LEVEL_LABELS,
  type IotAlertAction,
  type IotAlertState,
  type IotEscalationLevel,
  nextEscalationLevel,
  type Permission,
} from '@shanzhi/shared';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type {
  LifecycleDefinition,
  LifecycleHandler,
  LifecycleScene,
  TransitionEffect,
} from '../../platform/lifecycle/lifecycle-definition.js';
import { outboxInsertOf } from '../../platform/lifecycle/outbox.tables.js';
import { updateLifecycleRow } from '../../platform/lifecycle/row-writer.js';
import type { TransitionEnvironment } from '../../platform/lifecycle/transition.js';
import { type PreparedRegistration, writeRegistration } from '../cases/register-case.js';
import { type AlertRow, lockAlert } from './iot.repository.js';
import { iotAlertEvents, iotAlerts } from './iot.tables.js';

/** What an alert action runs under: the shared environment and, for 立案, the case prepared before. */
export interface AlertEnvironment extends TransitionEnvironment {
  ctx: AppContext;
  /** `open_case`: the case of the spine, prepared outside the transaction */
  registration?: PreparedRegistration;
}

/** Everything an alert action looks at. */
export interface AlertScene extends LifecycleScene<AlertRow> {
  env: AlertEnvironment;
}

type AlertEffect = TransitionEffect<Partial<AlertRow>>;
type Handler = LifecycleHandler<AlertScene, { note?: string; reason?: string }, AlertEffect>;

const none = () => null;

const HANDLERS: Record<IotAlertAction, Handler> = {
  raise: { guard: none, apply: () => ({}) },
  acknowledge: { guard: none, apply: (_tx, _scene, input) => ({ note: input.note || null }) },
  open_case: {
    guard: none,
    async apply(tx: Tx, scene, input) {
      const { registration, ctx } = scene.env;
      if (!registration) throw new AppError('NOT_READY', '立案信息未准备好');
      const { row } = await writeRegistration(ctx, registration, tx);
      return {
        patch: { caseId: row.id },
        note: input.note || null,
        changes: { caseId: row.id, caseNumber: row.number, priority: row.priority },
      };
    },
  },
  dismiss: {
    guard: none,
    apply: (_tx, _scene, input) => ({ patch: { dismissReason: input.reason }, note: input.reason ?? null }),
  },
  clear: { guard: none, apply: (_tx, _scene, input) => ({ note: input.note || null }) },
  escalate: {
    guard: (scene) =>
      nextEscalationLevel(scene.row.escalationLevel as IotEscalationLevel)
        ? null
        : new AppError('TRANSITION_NOT_ALLOWED', '告警已升级至指挥中心，不能再升级'),
    apply(_tx, scene) {
      const from = scene.row.escalationLevel as IotEscalationLevel;
      const to = nextEscalationLevel(from)!;
      return {
        patch: { escalationLevel: to, escalatedAt: scene.now },
        note: `超时无人确认，${IOT_ESCALATION_LEVEL_LABELS[to]}`,
        changes: { from, to },
      };
    },
  },
};

/** The actions the platform takes on its own (no route lets staff take them). */
const PLATFORM_ACTIONS: readonly IotAlertAction[] = ['raise', 'clear', 'escalate'];

/** The permission every staff action on an alert needs (确认、立案、排除). */
export const HANDLE_ALERTS: Permission = 'iot.handle_alerts';

/** Refuses (403 OUT_OF_SCOPE) an alert of an estate the actor's scope does not reach. */
export function assertAlertInScope(actor: Pick<Actor, 'scopePath'>, row: Pick<AlertRow, 'orgPath'>): void {
  if (!isInScope(actor, row.orgPath)) throw new AppError('OUT_OF_SCOPE', '该小区不在您的管辖范围内');
}

/**
 * The alert lifecycle on the shared mechanism: the table of `packages/shared`, the `iot_alert_events`
 * timeline, the estate's community as scope, and 立案 writing the case of the spine in the same transaction.
 */
export const ALERT_DEFINITION: LifecycleDefinition<
  AlertRow,
  IotAlertState,
  IotAlertAction,
  AlertScene,
  AlertEffect,
  AlertEnvironment
> = {
  lifecycle: IOT_ALERT_LIFECYCLE,
  events: { table: iotAlertEvents, tableName: 'iot_alert_events', subjectKey: 'alertId' },
  lock: lockAlert,
  notFound: (id) => new AppError('IOT_ALERT_NOT_FOUND', `告警 ${id} 不存在`),
  versionConflict: (current) =>
    new AppError('VERSION_CONFLICT', `告警已被他人处理（当前版本 ${current}），请刷新后重试`),
  async sceneOf(_tx, actor, row, env) {
    assertAlertInScope(actor, row);
    return { actor, row, now: env.now, env };
  },
  // the platform's own actions (告警、解除、升级) are its role's alone: the table lists only `admin` for them
  permits: (actor, action) => PLATFORM_ACTIONS.includes(action) || actor.permissions.has(HANDLE_ALERTS),
  handlerOf: (action) => HANDLERS[action],
  outboxRow: (db, after, event) =>
    outboxInsertOf(db, event, {
      alertId: after.id,
      state: after.state,
      type: after.type,
      severity: after.severity,
      estateId: after.estateId,
      caseId: after.caseId,
      escalationLevel: after.escalationLevel,
    }),
  write: (db, id, change, companions) => updateLifecycleRow<AlertRow>(db, iotAlerts, id, change, companions),
};
