import { AlertMessage, AlertReceipt } from '@shanzhi/shared';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import { toAppError } from '../../platform/http/error-handler.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { ingestAlert } from './ingest-alert.js';
import { countRefused, ingestionCounters } from './ingestion-counters.js';
import type { DeviceListRow } from './iot.repository.js';
import { verifySignedMessage } from './signed-message.js';

/** The largest alert body a device may send. */
const ALERT_BODY_LIMIT = 16_384;

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * `POST /api/v1/iot/alerts`: a device's alert over HTTP, signed instead of signed in. The body is kept as it
 * came (the signature covers its bytes) and the signature checked before the body is validated, so an
 * unsigned caller learns nothing of the schema; then the alert goes into the one ingestion pipeline.
 */
export function registerAlertIngestRoute(app: ApiInstance, ctx: AppContext): void {
  const rawBodies = new WeakMap<FastifyRequest, string>();
  const verified = new WeakMap<
    FastifyRequest,
    { device: DeviceListRow; signed: { signature: string; at: Date } }
  >();
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: ALERT_BODY_LIMIT },
      (request, body, done) => {
        rawBodies.set(request, body as string);
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(new AppError('MALFORMED_JSON', '请求体不是有效的 JSON'), undefined);
        }
      },
    );
    scope.addHook('onRequest', async () => {
      ingestionCounters(ctx).received.http++;
    });
    // a refusal (bad signature, stale or replayed timestamp, malformed body …) counted by its code
    scope.addHook('onError', async (_request, _reply, error) => {
      const refusal = toAppError(error);
      if (refusal.status < 500) countRefused(ctx, refusal.code);
    });
    scope.addHook('preValidation', async (request) => {
      const headers = {
        device: header(request, 'x-shanzhi-device'),
        timestamp: header(request, 'x-shanzhi-timestamp'),
        signature: header(request, 'x-shanzhi-signature'),
      };
      verified.set(request, await verifySignedMessage(ctx, headers, rawBodies.get(request) ?? ''));
    });
    scope.post(
      '/api/v1/iot/alerts',
      {
        config: { public: true },
        schema: {
          tags: ['iot'],
          summary:
            '设备告警 A device’s alert, signed: x-shanzhi-device, x-shanzhi-timestamp, x-shanzhi-signature = hex HMAC-SHA256 of `timestamp.body`',
          body: AlertMessage,
          response: { 200: AlertReceipt, 201: AlertReceipt, ...STANDARD_ERRORS },
        },
      },
      async (request, reply) => {
        const { device, signed } = verified.get(request)!;
        const message = request.body as AlertMessage;
        const receipt = await ingestAlert(ctx, device, message, { via: 'http', signed });
        return reply.status(receipt.outcome === 'raised' ? 201 : 200).send(receipt);
      },
    );
  });
}
