import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { personalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type DeviceListRow, findDeviceBySerial } from './iot.repository.js';

/** How far a signed timestamp may lie from the platform's clock. */
const MAX_SKEW_MS = 5 * 60_000;

/** The headers a device signs its HTTP messages with. */
export interface SignatureHeaders {
  /** `x-shanzhi-device`: the device's serial */
  device?: string;
  /** `x-shanzhi-timestamp`: Unix time, in seconds or milliseconds */
  timestamp?: string;
  /** `x-shanzhi-signature`: hex HMAC-SHA256 of `timestamp + "." + body` under the device's secret */
  signature?: string;
}

/** The signature of a message: hex HMAC-SHA256 of `timestamp.body` under the secret (as its text). */
export function signMessage(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** A signed timestamp as milliseconds: seconds (10 digits) or milliseconds (13); NaN when neither. */
function timestampMs(text: string): number {
  if (!/^\d{10}(\d{3})?$/.test(text)) return Number.NaN;
  const value = Number(text);
  return text.length === 10 ? value * 1000 : value;
}

// secrets opened once per device and kept: every message needs one, the key does not change while running
const secrets = new Map<number, string>();

/** The device's signing secret, opened from its sealed copy. */
function secretOf(ctx: AppContext, device: DeviceListRow): string {
  let secret = secrets.get(device.id);
  if (secret === undefined) {
    secret = personalDataCipher(ctx.dataKey).open('iot_device.secret', device.secretSealed);
    secrets.set(device.id, secret);
  }
  return secret;
}

/** Whether two hex signatures are equal, in constant time. */
function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(/^[0-9a-f]{64}$/i.test(given) ? given : '', 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The device a signed HTTP message comes from and its signed time, or a refusal that stores nothing: no such
 * device (401 DEVICE_UNKNOWN), a timestamp more than 5 minutes off (401 TIMESTAMP_STALE), a signature that
 * does not verify (401 SIGNATURE_INVALID). A replay (the same signature again) is refused when the signature is
 * claimed, in the alert's transaction.
 */
export async function verifySignedMessage(
  ctx: AppContext,
  headers: SignatureHeaders,
  rawBody: string,
): Promise<{ device: DeviceListRow; signed: { signature: string; at: Date } }> {
  const device = headers.device ? await findDeviceBySerial(ctx.db, headers.device) : undefined;
  if (!device) throw new AppError('DEVICE_UNKNOWN', '设备未登记或未携带 x-shanzhi-device');
  const signedMs = timestampMs(headers.timestamp ?? '');
  if (!(Math.abs(ctx.clock.now().getTime() - signedMs) <= MAX_SKEW_MS)) {
    throw new AppError('TIMESTAMP_STALE', '签名时间戳缺失或与平台时间相差超过 5 分钟');
  }
  const expected = signMessage(secretOf(ctx, device), headers.timestamp!, rawBody);
  if (!sameSignature(expected, headers.signature ?? '')) {
    throw new AppError('SIGNATURE_INVALID', '消息签名无效');
  }
  return { device, signed: { signature: expected, at: new Date(signedMs) } };
}
