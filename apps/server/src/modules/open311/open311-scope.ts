import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { recordAudit } from '../audit/audit.repository.js';
import { formatOf, sendOpen311Error } from './open311-errors.js';
import { firstValue, parseOpen311Form } from './open311-form.js';
import type { Open311KeyRow } from './open311-keys.repository.js';
import { admitOpen311Call, authenticateOpen311Key } from './open311-keys.service.js';
import type { Open311Fields } from './open311-requests.service.js';

/** A form body may be long (a 4,000-character description and its attributes), never more than this. */
const FORM_BODY_LIMIT = 64 * 1024;

/** Who is calling and what the audit entry of the call should add. */
interface Open311Call {
  key: Open311KeyRow | null;
  detail: Record<string, unknown>;
}

/** The fields a call sent: the query, and a POST's form on top of it. */
export function fieldsOf(request: FastifyRequest): Open311Fields {
  return { ...(request.query as Open311Fields), ...((request.body ?? {}) as Open311Fields) };
}

/** What the routes of an Open311 scope use to admit their calls and describe them in the audit trail. */
export interface Open311Admission {
  /** a read: a key is optional, and a key given must be live */
  reader(request: FastifyRequest): Promise<void>;
  /** a write: a live key is required (403 without) */
  writer(request: FastifyRequest): Promise<void>;
  /** the key a write was admitted with */
  keyOf(request: FastifyRequest): Open311KeyRow;
  /** adds facts to the call's audit entry (the case it created …) */
  note(request: FastifyRequest, detail: Record<string, unknown>): void;
}

/**
 * Makes a plugin scope speak Open311: form-encoded bodies as the standard posts them, its errors and its
 * unknown resources answered in the standard's shape and the format asked for, and every call — refused ones
 * included — audited (`open311.called`, with its key's name but never the key or the query). Answers how the
 * scope's routes admit their calls: the key checked, then counted against its hourly limit.
 */
export function installOpen311Scope(scope: ApiInstance, ctx: AppContext): Open311Admission {
  const calls = new WeakMap<FastifyRequest, Open311Call>();

  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, parseOpen311Form(body as string)),
  );
  scope.setErrorHandler(sendOpen311Error);
  scope.setNotFoundHandler((request, reply) =>
    sendOpen311Error(
      new AppError('ROUTE_NOT_FOUND', `No resource ${request.url.split('?')[0]} / 接口不存在`),
      request,
      reply,
    ),
  );
  scope.addHook('onSend', async (request, reply, payload) => {
    const call = calls.get(request);
    await recordAudit(
      ctx.db,
      {
        action: 'open311.called',
        actorUsername: call?.key ? `open311:${call.key.name}` : null,
        targetType: 'open311_key',
        ...(call?.key ? { targetId: call.key.id } : {}),
        ip: request.ip,
        detail: {
          method: request.method,
          resource: request.routeOptions.url ?? request.url.split('?')[0],
          format: formatOf(request),
          status: reply.statusCode,
          ...call?.detail,
        },
      },
      ctx.clock.now(),
    );
    return payload;
  });

  const admit = (required: boolean) => async (request: FastifyRequest) => {
    const key = await authenticateOpen311Key(ctx, firstValue(fieldsOf(request).api_key), required);
    calls.set(request, { key, detail: {} });
    await admitOpen311Call(ctx, key, request.ip);
  };
  return {
    reader: admit(false),
    writer: admit(true),
    keyOf(request) {
      const key = calls.get(request)?.key;
      if (!key) throw new AppError('API_KEY_INVALID', 'api_key is required / 缺少 API 密钥 api_key');
      return key;
    },
    note(request, detail) {
      const call = calls.get(request);
      if (call) Object.assign(call.detail, detail);
    },
  };
}
