import type { Duplex } from 'node:stream';
import type { ErrorBody, FieldError } from '@shanzhi/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AlreadyReceivedError, AppError, RetryLaterError } from '../errors/app-error.js';

type ValidationIssue = {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: { keys?: string[] };
};

/** Field errors of a failed validation; an unknown key is reported on the key itself. */
function fieldsOf(issues: ValidationIssue[], context: string | undefined): FieldError[] {
  return issues.flatMap((issue) => {
    const pathInInput = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    // Fields of the query string are named `query.…` (Fastify calls that part `querystring`).
    const prefix = context === 'querystring' ? 'query' : context && context !== 'body' ? context : '';
    const at = (key?: string) => [prefix, pathInInput, key].filter(Boolean).join('.') || '(root)';
    const message = issue.message ?? 'invalid';
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys?.length) {
      return issue.params.keys.map((key) => ({ field: at(key), code: issue.keyword, message }));
    }
    return [{ field: at(), code: issue.keyword, message }];
  });
}

/** PostgreSQL's SQLSTATE of an error, whichever driver and whatever wrapping Drizzle added. */
function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

// The multipart parser (busboy) throws plain errors, with these messages, for a body that is not the
// multipart/form-data its content type announces: the caller's mistake.
const MALFORMED_MULTIPART = new Set([
  'Multipart: Boundary not found',
  'Boundary required',
  'Unexpected end of multipart data',
]);

/** Translates anything thrown by a route into the API's one error shape. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const fields = fieldsOf(fe.validation as ValidationIssue[], fe.validationContext);
    return new AppError('VALIDATION_FAILED', '请求参数不正确', fields);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', '请求体不是有效的 JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 application/json 提交');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', '请求体过大');
  }
  if (MALFORMED_MULTIPART.has(error.message)) {
    return new AppError('MALFORMED_REQUEST', '表单数据格式不正确（multipart/form-data）');
  }
  const state = sqlStateOf(error);
  // Safety net: the services check these cases themselves; a constraint still firing means a race between
  // two requests, which is a conflict for the caller, not a server fault.
  if (state === '23505') return new AppError('CONFLICT', 'The record already exists');
  if (state === '23503')
    return new AppError('CONFLICT', 'The record is still referenced or refers to nothing');
  if (state === '40001' || state === '40P01') return new AppError('CONFLICT', 'Concurrent change; try again');
  // A value PostgreSQL cannot hold (a number beyond its integer range, a date before 4713 BC, a NUL
  // character in text …, SQLSTATE class 22) is the caller's mistake that no validator caught, not a fault.
  if (state?.startsWith('22')) return new AppError('VALIDATION_FAILED', '请求中有超出允许范围的值');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', fe.message);
  }
  return new AppError('INTERNAL', '服务器内部错误');
}

/** Answers an error in the API's one shape. */
export function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.fields) body.error.fields = appError.fields;
  if (appError instanceof RetryLaterError) reply.header('retry-after', String(appError.retryAfterSeconds));
  if (appError instanceof AlreadyReceivedError) reply.header('location', appError.location);
  return reply.status(appError.status).send(body);
}

/**
 * Installs the error handler and the API's 404. Errors the router raises before any route runs (a broken
 * percent-escape in the URL, an over-long path parameter) reach `sendError` through Fastify's
 * `frameworkErrors` option instead; see `buildApp`.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
}

/** Answers the API's unknown routes with a coded 404. */
export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body: ErrorBody = {
    error: { code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` },
  };
  return reply.status(404).send(body);
}

/**
 * Answers a request that Node's HTTP parser refused (a raw non-ASCII byte in the URL, a broken header) in the
 * API's error shape, so that no client ever sees a second kind of error body.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: 'MALFORMED_REQUEST', message: '请求格式不正确' } });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
