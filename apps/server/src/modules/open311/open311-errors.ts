import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type AppError, RetryLaterError } from '../../platform/errors/app-error.js';
import { toAppError } from '../../platform/http/error-handler.js';
import {
  listOf,
  OPEN311_CONTENT_TYPES,
  type Open311Document,
  type Open311Format,
  renderDocument,
} from './open311-document.js';

/**
 * The HTTP status of an error in GeoReport v2's terms: 404 for what does not exist, 403 for a missing,
 * unknown or revoked API key, 400 for any other request that cannot be fulfilled. Two statuses the standard
 * does not name keep their own meaning: 429 past a key's hourly limit (with `Retry-After`), and 5xx for the
 * platform's own failures.
 */
export function open311HttpStatus(error: AppError): number {
  const status = error.status;
  if (status === 404 || status === 429 || status >= 500) return status;
  if (status === 401 || status === 403) return 403;
  return 400;
}

/** The standard's error body: one `error` per failing field (or one for the request), its code the status. */
export function open311ErrorDocument(error: AppError): Open311Document {
  const code = open311HttpStatus(error);
  // a description names its field, as the client sent it, so that a person can act on it
  const descriptions = error.fields?.length
    ? error.fields.map((f) => (f.message.startsWith(f.field) ? f.message : `${f.field}: ${f.message}`))
    : [error.message];
  return {
    root: 'errors',
    body: listOf(
      'error',
      descriptions.map((description) => ({ code, description })),
    ),
  };
}

/** The format a request asked for: its `.json` suffix, else XML (the standard's required format). */
export function formatOf(request: FastifyRequest): Open311Format {
  const asked = (request.params as { format?: unknown } | undefined)?.format;
  if (asked === 'json' || asked === 'xml') return asked;
  return (request.url.split('?')[0] ?? '').endsWith('.json') ? 'json' : 'xml';
}

/** Sends a resource in the format asked for, with the standard's content type. */
export function sendOpen311(
  reply: FastifyReply,
  format: Open311Format,
  document: Open311Document,
  status = 200,
) {
  return reply.status(status).type(OPEN311_CONTENT_TYPES[format]).send(renderDocument(document, format));
}

/** Answers anything thrown by an Open311 route in the standard's error shape and the format asked for. */
export function sendOpen311Error(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'open311 request failed');
  if (appError instanceof RetryLaterError) reply.header('retry-after', String(appError.retryAfterSeconds));
  return sendOpen311(reply, formatOf(request), open311ErrorDocument(appError), open311HttpStatus(appError));
}
