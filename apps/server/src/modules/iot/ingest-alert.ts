import {
  type AlertMessage,
  type AlertReceipt,
  type AlertType,
  type DeviceType,
  type IngestOutcome,
  isEmergencyAlert,
  mayRaiseAlert,
  type RuleOutcome,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { runCreation, runTransition } from '../../platform/lifecycle/transition.js';
import { prepareAlertCase } from './alert-cases.js';
import { ALERT_DEFINITION, type AlertEnvironment } from './alert-lifecycle.js';
import { publishAlertLive } from './alert-live.js';
import {
  type AlertRow,
  claimSignature,
  countRepeat,
  type DeviceListRow,
  findAlertOfMessage,
  findRuleFor,
  insertAlert,
  lockActiveAlert,
  type RuleRow,
  recordAlertMessage,
  touchDevice,
} from './iot.repository.js';
import { IOT_SYSTEM_ACTOR } from './iot-actors.js';

/** Without a rule, how long a repeat counts on the active alert (minutes). */
const DEFAULT_SUPPRESS_MINUTES = 10;
const MINUTE_MS = 60_000;

/** The environment of an alert action taken by the platform or by staff. */
export function alertEnvironment(ctx: AppContext, extra: Partial<AlertEnvironment> = {}): AlertEnvironment {
  return { now: ctx.clock.now(), chainKey: ctx.chainKey, ctx, ...extra };
}

/** How a message came in: over MQTT, or over HTTP with the signed timestamp to claim against replays. */
export interface IngestChannel {
  via: 'http' | 'mqtt';
  /** HTTP: the message's signature and signed time, claimed against replays in the alert's transaction */
  signed?: { signature: string; at: Date };
}

/** The platform's action on an alert (a rule, the device's Cancel): `input` carries no version, it reads it. */
async function actAsPlatform(
  tx: Tx,
  row: AlertRow,
  action: 'open_case' | 'dismiss' | 'clear',
  input: { note?: string; reason?: string },
  env: AlertEnvironment,
): Promise<AlertRow> {
  return runTransition(
    tx,
    ALERT_DEFINITION,
    IOT_SYSTEM_ACTOR,
    { id: row.id, action, input: { ...input, version: row.version } },
    { ...env, bySystem: true },
  );
}

/** A new alert, through the lifecycle's creating action, with the message it came from. */
async function raiseAlert(
  tx: Tx,
  device: DeviceListRow,
  message: AlertMessage,
  channel: IngestChannel,
  env: AlertEnvironment,
): Promise<AlertRow> {
  const raisedAt = new Date(message.raisedAt);
  const row = await runCreation(
    tx,
    ALERT_DEFINITION,
    IOT_SYSTEM_ACTOR,
    'raise',
    (state) =>
      insertAlert(tx, {
        deviceId: device.id,
        estateId: device.estateId,
        orgPath: device.orgPath,
        vendorAlertId: message.alertId,
        type: message.type,
        severity: message.severity,
        description: message.description ?? null,
        detail: message.detail ?? {},
        raisedAt,
        lastRaisedAt: env.now,
        state,
        createdAt: env.now,
        updatedAt: env.now,
      }),
    {
      note: message.description ?? null,
      changes: {
        vendorAlertId: message.alertId,
        type: message.type,
        severity: message.severity,
        via: channel.via,
      },
    },
    { ...env, bySystem: true },
    undefined,
  );
  return row;
}

/** What the first transaction did with a message. */
interface Taken {
  outcome: IngestOutcome;
  row: AlertRow | undefined;
}

/**
 * Takes one message in, in one transaction: a replayed signature refused, the device marked heard from, a
 * message seen before answered as it was (idempotent on the device's alert id), a Cancel clearing the active
 * alert, a repeat within the suppression window counted on the active alert, anything else a new alert.
 */
async function takeMessage(
  tx: Tx,
  device: DeviceListRow,
  message: AlertMessage,
  channel: IngestChannel,
  suppressMinutes: number,
  env: AlertEnvironment,
): Promise<Taken> {
  if (channel.signed && !(await claimSignature(tx, device.id, channel.signed.signature, channel.signed.at))) {
    throw new AppError('TIMESTAMP_REPLAYED', '该签名消息已受理过（重放），未再受理');
  }
  await touchDevice(tx, device.id, env.now);
  const seen = await findAlertOfMessage(tx, device.id, message.alertId);
  if (seen) return { outcome: 'duplicate', row: seen };
  const since =
    message.msgType === 'Cancel' ? new Date(0) : new Date(env.now.getTime() - suppressMinutes * MINUTE_MS);
  const active = await lockActiveAlert(tx, device.id, message.type, since);
  let taken: Taken;
  if (message.msgType === 'Cancel') {
    if (!active) return { outcome: 'cleared', row: undefined };
    taken = {
      outcome: 'cleared',
      row: await actAsPlatform(tx, active, 'clear', { note: '设备报告告警解除' }, env),
    };
  } else if (active) {
    taken = { outcome: 'repeated', row: await countRepeat(tx, active.id, env.now) };
  } else {
    taken = { outcome: 'raised', row: await raiseAlert(tx, device, message, channel, env) };
  }
  await recordAlertMessage(tx, {
    deviceId: device.id,
    vendorAlertId: message.alertId,
    alertId: taken.row!.id,
    receivedAt: env.now,
  });
  return taken;
}

/** What the rule does with a new alert; without a rule an emergency opens a case and the rest only informs. */
function outcomeOf(rule: RuleRow | undefined, type: AlertType): RuleOutcome {
  return (rule?.outcome as RuleOutcome | undefined) ?? (isEmergencyAlert(type) ? 'open_case' : 'notify');
}

/**
 * Applies the rule to a new alert, after it is stored: 立案 (the case prepared outside the transaction that
 * opens it), 自动排除, or nothing more (仅通知: the raise event's outbox row informs). A case that cannot be
 * opened (a point outside every grid …) leaves the alert raised for staff, logged — never lost.
 */
async function applyRule(
  ctx: AppContext,
  row: AlertRow,
  device: DeviceListRow,
  rule: RuleRow | undefined,
): Promise<AlertRow> {
  const outcome = outcomeOf(rule, row.type as AlertType);
  if (outcome === 'notify') return row;
  try {
    if (outcome === 'dismiss') {
      const env = alertEnvironment(ctx);
      return await ctx.db.transaction((tx) =>
        actAsPlatform(tx, row, 'dismiss', { reason: '按处置规则自动排除' }, env),
      );
    }
    const registration = await prepareAlertCase(ctx, row, device, rule);
    const env = alertEnvironment(ctx, { registration });
    return await ctx.db.transaction((tx) =>
      actAsPlatform(tx, row, 'open_case', { note: '按处置规则自动立案' }, env),
    );
  } catch (error) {
    ctx.logger.error(
      { err: error, alertId: row.id, outcome },
      'iot rule could not be applied; the alert stays raised',
    );
    return row;
  }
}

/**
 * The one ingestion pipeline of device alerts, for HTTP and MQTT alike: the alert type checked against the
 * device type (422 ALERT_TYPE_NOT_ALLOWED, nothing stored), the message taken in, and a new alert's rule
 * applied. Answers what became of it.
 */
export async function ingestAlert(
  ctx: AppContext,
  device: DeviceListRow,
  message: AlertMessage,
  channel: IngestChannel,
): Promise<AlertReceipt> {
  if (!mayRaiseAlert(device.type as DeviceType, message.type)) {
    throw new AppError('ALERT_TYPE_NOT_ALLOWED', `该类设备不能上报「${message.type}」告警`);
  }
  const rule = await findRuleFor(ctx.db, device.type, message.type, device.estateId, ctx.clock.now());
  const suppressMinutes = rule?.suppressMinutes ?? DEFAULT_SUPPRESS_MINUTES;
  const env = alertEnvironment(ctx);
  const taken = await ctx.db.transaction((tx) =>
    takeMessage(tx, device, message, channel, suppressMinutes, env),
  );
  const row = taken.outcome === 'raised' ? await applyRule(ctx, taken.row!, device, rule) : taken.row;
  if (row && (taken.outcome === 'raised' || taken.outcome === 'repeated')) await publishAlertLive(ctx, row);
  return {
    alertId: row?.id ?? null,
    outcome: taken.outcome,
    state: (row?.state ?? 'cleared') as AlertReceipt['state'],
    count: row?.count ?? 0,
    caseId: row?.caseId ?? null,
  };
}
