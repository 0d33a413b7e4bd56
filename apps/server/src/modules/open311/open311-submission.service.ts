import { randomBytes } from 'node:crypto';
import {
  checkOpen311Attributes,
  clipOutsidePersonalNumbers,
  type FieldError,
  Priority,
  RegisterInput,
  wgs84ToGcj02,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { prepareRegistration, writeRegistration } from '../cases/register-case.js';
import { open311Actor } from './open311-actor.js';
import { attributeAnswersOf, firstValue } from './open311-form.js';
import type { Open311KeyRow } from './open311-keys.repository.js';
import { insertOpen311Request } from './open311-requests.repository.js';
import type { Open311Fields } from './open311-requests.service.js';
import { attributesOf, loadPublishedService, resolveLimitText } from './open311-services.service.js';

/** The longest description GeoReport v2 allows. */
const DESCRIPTION_MAX = 4_000;
/** Characters of the description that make the case's title. */
const TITLE_LENGTH = 30;

/**
 * The case's title: the citizen's own words (or the service's name), clipped as the spine clips a title it
 * derives — never through a phone or an ID number. Given here because the content also carries the
 * attributes' answers, which are no title.
 */
function titleOf(description: string | undefined, serviceName: string): string {
  const flat = (description ?? serviceName).replace(/\s+/g, ' ').trim();
  const clipped = clipOutsidePersonalNumbers(flat, TITLE_LENGTH);
  return clipped.length < flat.length ? `${clipped.trimEnd()}…` : flat;
}

/** The name of the person reporting: family name first when it is written in Chinese. */
function reporterName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first && !last) return undefined;
  const chinese = /[\u3400-\u9fff]/.test(`${first ?? ''}${last ?? ''}`);
  return (chinese ? [last, first].join('') : [first, last].filter(Boolean).join(' ')).trim() || undefined;
}

/** The WGS-84 point of `lat` and `long` on the platform's GCJ-02 maps, or undefined; both or neither. */
function locationOf(fields: Open311Fields) {
  const lat = firstValue(fields.lat);
  const long = firstValue(fields.long);
  if (lat === undefined && long === undefined) return undefined;
  const latitude = Number(lat);
  const longitude = Number(long);
  if (lat === undefined || !Number.isFinite(latitude) || Math.abs(latitude) > 90) {
    throw fieldError('lat', 'invalid', 'lat must be a WGS-84 latitude sent with long / 纬度 lat 无效');
  }
  if (long === undefined || !Number.isFinite(longitude) || Math.abs(longitude) > 180) {
    throw fieldError('long', 'invalid', 'long must be a WGS-84 longitude sent with lat / 经度 long 无效');
  }
  const gcj = wgs84ToGcj02({ lng: longitude, lat: latitude });
  return { longitude: gcj.lng, latitude: gcj.lat };
}

/** A media URL: an http(s) address, or 400. */
function mediaUrlOf(fields: Open311Fields): string | undefined {
  const url = firstValue(fields.media_url);
  if (url === undefined) return undefined;
  if (url.length > 1_000 || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw fieldError('media_url', 'invalid', 'media_url must be an http(s) URL / 图片地址 media_url 无效');
  }
  return url;
}

/** An e-mail address, or 400. */
function emailOf(fields: Open311Fields): string | undefined {
  const email = firstValue(fields.email);
  if (email !== undefined && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) {
    throw fieldError('email', 'invalid', 'email is not an e-mail address / 电子邮箱格式不正确');
  }
  return email;
}

// The spine's own intake fields, as the Open311 client named them.
const FIELD_NAMES: Record<string, string> = {
  content: 'description',
  citizenName: 'first_name',
  citizenPhone: 'phone',
  address: 'address_string',
  location: 'lat',
};

/** The spine's validation of the registration, its failing fields named as the client sent them. */
function checkedRegistration(input: RegisterInput): RegisterInput {
  const parsed = RegisterInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: FieldError[] = parsed.error.issues.map((issue) => {
    const field = FIELD_NAMES[String(issue.path[0])] ?? String(issue.path[0]);
    return { field, code: issue.code, message: `${field}: ${issue.message}` };
  });
  throw new AppError('VALIDATION_FAILED', fields[0]?.message ?? 'invalid request', fields);
}

/** What `POST requests` answers: the case number at once (realtime), its token and what will happen. */
export interface Open311Submission {
  number: string;
  token: string;
  notice: string;
}

/**
 * POST requests: registers the citizen's request on the case spine — source `online`, the key's own channel,
 * the published service's catalog leaf and priority, the point converted from WGS-84 to the platform's
 * GCJ-02 and located to its grid (or the address alone) — with the attributes' answers written into its
 * content for the staff, in one transaction with the record of what the request brought beside it.
 */
export async function submitOpen311Request(
  ctx: AppContext,
  key: Open311KeyRow,
  fields: Open311Fields,
  ip: string,
): Promise<Open311Submission> {
  const serviceCode = firstValue(fields.service_code);
  if (!serviceCode) {
    throw fieldError('service_code', 'required', 'service_code was not provided / 缺少服务代码 service_code');
  }
  const service = await loadPublishedService(ctx, serviceCode);
  const location = locationOf(fields);
  const address = firstValue(fields.address_string);
  if (!location && !address) {
    throw fieldError(
      'lat',
      'required',
      'a location is required: lat & long, or address_string / 请提供事发位置（lat 和 long）或地址 address_string',
    );
  }
  const description = firstValue(fields.description);
  if (description && description.length > DESCRIPTION_MAX) {
    throw fieldError(
      'description',
      'too_long',
      `description is limited to ${DESCRIPTION_MAX} characters / 描述不能超过 ${DESCRIPTION_MAX} 字`,
    );
  }
  const mediaUrl = mediaUrlOf(fields);
  const email = emailOf(fields);
  const { answered, problems } = checkOpen311Attributes(attributesOf(service), attributeAnswersOf(fields));
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      problems[0]!.message,
      problems.map((p) => ({ field: p.field, code: 'invalid', message: `${p.field}: ${p.message}` })),
    );
  }
  const content = [
    description ?? service.name,
    ...answered.map((a) => `【${a.description}】${a.answer}`),
  ].join('\n');
  const input = checkedRegistration({
    source: 'online',
    channelCode: key.channelCode,
    type: 'help',
    title: titleOf(description, service.name),
    content,
    categoryId: service.categoryId,
    priority: Priority.catch('normal').parse(service.priority),
    citizenName: reporterName(firstValue(fields.first_name), firstValue(fields.last_name)),
    citizenPhone: firstValue(fields.phone),
    anonymous: false,
    keepPrivate: false,
    address,
    location,
  });
  const prepared = await prepareRegistration(ctx, await open311Actor(ctx, key, ip), input);
  const token = randomBytes(16).toString('hex');
  const registered = await ctx.db.transaction(async (tx) => {
    const written = await writeRegistration(ctx, prepared, tx);
    await insertOpen311Request(tx, {
      caseId: written.row.id,
      keyId: key.id,
      token,
      serviceCode,
      mediaUrl: mediaUrl ?? null,
      email: email ?? null,
      attributes: answered,
      createdAt: prepared.now,
    });
    return written;
  });
  const number = registered.row.number;
  return { number, token, notice: `已受理，工单编号 ${number}，办理时限 ${resolveLimitText(service)}` };
}
