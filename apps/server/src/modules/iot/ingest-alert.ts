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
import { publishAlertsLive } from './alert-live.js';
import { countOutcomes } from './ingestion-counters.js';
import {
  type AlertRow,
  claimSignature,
  countRepeats,
  type DeviceListRow,
  findAlertsOfMessages,
  findRuleFor,
  insertAlert,
  lockActiveAlerts,
  type RuleRow,
  recordAlertMessages,
  touchDevices,
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
export async function actAsPlatform(
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

/** What a new alert is raised with: a device's message, or the platform's own (设备离线). */
export interface NewAlert {
  /** the device's own id of the alert, or the platform's */
  vendorAlertId: string;
  type: string;
  severity: string;
  description: string | null;
  detail: Record<string, unknown>;
  raisedAt: Date;
  via: IngestChannel['via'] | 'platform';
}

/** A new alert of `device`, through the lifecycle's creating action, raised by the platform. */
export async function raiseAlert(
  tx: Tx,
  device: Pick<DeviceListRow, 'id' | 'estateId' | 'orgPath'>,
  alert: NewAlert,
  env: AlertEnvironment,
): Promise<AlertRow> {
  const { vendorAlertId, type, severity, description, via } = alert;
  return runCreation(
    tx,
    ALERT_DEFINITION,
    IOT_SYSTEM_ACTOR,
    'raise',
    (state) =>
      insertAlert(tx, {
        deviceId: device.id,
        estateId: device.estateId,
        orgPath: device.orgPath,
        vendorAlertId,
        type,
        severity,
        description,
        detail: alert.detail,
        raisedAt: alert.raisedAt,
        lastRaisedAt: env.now,
        state,
        createdAt: env.now,
        updatedAt: env.now,
      }),
    { note: description, changes: { vendorAlertId, type, severity, via } },
    { ...env, bySystem: true },
    undefined,
  );
}

/** A device's message as the alert it raises. */
function alertOfMessage(message: AlertMessage, channel: IngestChannel): NewAlert {
  return {
    vendorAlertId: message.alertId,
    type: message.type,
    severity: message.severity,
    description: message.description ?? null,
    detail: message.detail ?? {},
    raisedAt: new Date(message.raisedAt),
    via: channel.via,
  };
}

/** What the first transaction did with a message. */
interface Taken {
  outcome: IngestOutcome;
  row: AlertRow | undefined;
}

/** A message of a batch, with the suppression window of its rule (minutes). */
interface Incoming extends DeviceMessage {
  suppressMinutes: number;
}

const messageKey = (deviceId: number, alertId: string) => `${deviceId}/${alertId}`;
const pairKey = (deviceId: number, type: string) => `${deviceId}/${type}`;

/**
 * A run of alert messages (no Cancel among them): a repeat of a device and type within its window counted on
 * the active alert — one statement for the run's repeats —, the first of the rest raising a new alert that
 * the later ones of its device and type count on.
 */
async function takeAlertRun(
  tx: Tx,
  batch: Incoming[],
  run: number[],
  taken: Taken[],
  channel: IngestChannel,
  env: AlertEnvironment,
): Promise<void> {
  const pairs = run.map((i) => ({
    deviceId: batch[i]!.device.id,
    type: batch[i]!.message.type,
    since: new Date(env.now.getTime() - batch[i]!.suppressMinutes * MINUTE_MS),
  }));
  const active = await lockActiveAlerts(tx, pairs);
  const repeats = new Map<number, number>();
  const repeated: [number, number][] = [];
  for (const i of run) {
    const { device, message } = batch[i]!;
    const key = pairKey(device.id, message.type);
    const alert = active.get(key);
    if (alert) {
      repeats.set(alert.id, (repeats.get(alert.id) ?? 0) + 1);
      repeated.push([i, alert.id]);
    } else {
      const row = await raiseAlert(tx, device, alertOfMessage(message, channel), env);
      active.set(key, row);
      taken[i] = { outcome: 'raised', row };
    }
  }
  const counted = new Map((await countRepeats(tx, repeats, env.now)).map((row) => [row.id, row]));
  for (const [i, id] of repeated) taken[i] = { outcome: 'repeated', row: counted.get(id) };
}

/** A Cancel: the device's active alert of the type cleared, if it has one. */
async function takeCancel(tx: Tx, { device, message }: Incoming, env: AlertEnvironment): Promise<Taken> {
  const pair = { deviceId: device.id, type: message.type, since: new Date(0) };
  const active = (await lockActiveAlerts(tx, [pair])).get(pairKey(device.id, message.type));
  if (!active) return { outcome: 'cleared', row: undefined };
  return {
    outcome: 'cleared',
    row: await actAsPlatform(tx, active, 'clear', { note: '设备报告告警解除' }, env),
  };
}

/**
 * Takes a batch of messages in, in order, in one transaction with a few statements for the whole batch: a
 * replayed signature refused, the devices marked heard from, a message seen before (or earlier in the batch)
 * answered as it was — idempotent on the device's alert id —, a Cancel clearing the active alert, a repeat
 * within the suppression window counted on the active alert, anything else a new alert; then every message
 * taken into an alert recorded.
 */
async function takeMessages(
  tx: Tx,
  batch: Incoming[],
  channel: IngestChannel,
  env: AlertEnvironment,
): Promise<Taken[]> {
  for (const { device } of batch) {
    if (
      channel.signed &&
      !(await claimSignature(tx, device.id, channel.signed.signature, channel.signed.at))
    ) {
      throw new AppError('TIMESTAMP_REPLAYED', '该签名消息已受理过（重放），未再受理');
    }
  }
  await touchDevices(tx, [...new Set(batch.map((m) => m.device.id))], env.now);
  const keys = batch.map((m) => ({ deviceId: m.device.id, vendorAlertId: m.message.alertId }));
  const seen = await findAlertsOfMessages(tx, keys);
  const taken: Taken[] = [];
  const first = new Map<string, number>();
  const again: [number, number][] = [];
  let run: number[] = [];
  for (const [i, m] of batch.entries()) {
    const key = messageKey(m.device.id, m.message.alertId);
    const earlier = first.get(key);
    if (earlier !== undefined) again.push([i, earlier]);
    else if (seen.has(key)) taken[i] = { outcome: 'duplicate', row: seen.get(key) };
    else {
      first.set(key, i);
      if (m.message.msgType !== 'Cancel') run.push(i);
      else {
        await takeAlertRun(tx, batch, run, taken, channel, env);
        run = [];
        taken[i] = await takeCancel(tx, m, env);
      }
    }
  }
  await takeAlertRun(tx, batch, run, taken, channel, env);
  for (const [i, earlier] of again) taken[i] = { outcome: 'duplicate', row: taken[earlier]!.row };
  await recordAlertMessages(
    tx,
    [...first.values()].flatMap((i) => {
      const row = taken[i]!.row;
      return row ? [{ ...keys[i]!, alertId: row.id, receivedAt: env.now }] : [];
    }),
  );
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

/** A message to take in, and the device it came from. */
export interface DeviceMessage {
  device: DeviceListRow;
  message: AlertMessage;
}

/** Refuses (422 ALERT_TYPE_NOT_ALLOWED) an alert type the device's type cannot raise. */
export function assertMayRaise({ device, message }: DeviceMessage): void {
  if (!mayRaiseAlert(device.type as DeviceType, message.type)) {
    throw new AppError('ALERT_TYPE_NOT_ALLOWED', `该类设备不能上报「${message.type}」告警`);
  }
}

/** The rule of each message at `at` (by device type, alert type, estate and time), each distinct one read once. */
async function rulesOf(
  ctx: AppContext,
  messages: DeviceMessage[],
  at: Date,
): Promise<(RuleRow | undefined)[]> {
  const read = new Map<string, Promise<RuleRow | undefined>>();
  return Promise.all(
    messages.map(({ device, message }) => {
      const key = `${device.type}/${message.type}/${device.estateId}`;
      let rule = read.get(key);
      if (!rule) {
        rule = findRuleFor(ctx.db, device.type, message.type, device.estateId, at);
        read.set(key, rule);
      }
      return rule;
    }),
  );
}

/** What became of a message, as answered to its sender. */
function receiptOf(outcome: IngestOutcome, row: AlertRow | undefined): AlertReceipt {
  return {
    alertId: row?.id ?? null,
    outcome,
    state: (row?.state ?? 'cleared') as AlertReceipt['state'],
    count: row?.count ?? 0,
    caseId: row?.caseId ?? null,
  };
}

/**
 * The one ingestion pipeline of device alerts, for HTTP and MQTT alike, over messages whose alert types
 * their devices may raise (`assertMayRaise`): every message taken in, in order, in one transaction — a
 * batch commits together, so a burst costs one commit, not one per message — then the rule of each alert
 * raised by a message of the batch and still raised (not cleared by a Cancel later in the batch, not handled
 * since) applied. Counts what became of the messages, and answers it for each.
 */
export async function ingestAlerts(
  ctx: AppContext,
  messages: DeviceMessage[],
  channel: IngestChannel,
): Promise<AlertReceipt[]> {
  const env = alertEnvironment(ctx);
  const rules = await rulesOf(ctx, messages, env.now);
  const batch = messages.map((m, i) => ({
    ...m,
    suppressMinutes: rules[i]?.suppressMinutes ?? DEFAULT_SUPPRESS_MINUTES,
  }));
  const taken = await ctx.db.transaction((tx) => takeMessages(tx, batch, channel, env));
  // each alert as the batch left it: a repeat later in the batch counted on it, a Cancel cleared it
  const latest = new Map(taken.flatMap(({ row }) => (row ? [[row.id, row] as const] : [])));
  const receipts: AlertReceipt[] = [];
  const live: AlertRow[] = [];
  for (const [i, { outcome, row: stored }] of taken.entries()) {
    let row = stored;
    // the message that raised the alert, new or delivered again (the platform stopped before the rule was
    // applied and the message acknowledged): the rule applies to the alert if it is still raised
    const raisedBy = row?.vendorAlertId === messages[i]!.message.alertId;
    if (outcome === 'raised' || (outcome === 'duplicate' && raisedBy)) {
      const now = latest.get(stored!.id)!;
      row = now.state === 'raised' ? await applyRule(ctx, now, messages[i]!.device, rules[i]) : now;
      latest.set(row.id, row);
    }
    if (row && (outcome === 'raised' || outcome === 'repeated')) live.push(row);
    receipts.push(receiptOf(outcome, row));
  }
  await publishAlertsLive(ctx, live);
  countOutcomes(
    ctx,
    receipts.map((r) => r.outcome),
  );
  return receipts;
}

/** One message through the pipeline; an alert type its device cannot raise is refused, nothing stored. */
export async function ingestAlert(
  ctx: AppContext,
  device: DeviceListRow,
  message: AlertMessage,
  channel: IngestChannel,
): Promise<AlertReceipt> {
  assertMayRaise({ device, message });
  const [receipt] = await ingestAlerts(ctx, [{ device, message }], channel);
  return receipt!;
}
