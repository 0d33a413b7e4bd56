import { Readable } from 'node:stream';
import { z } from 'zod';

/** A numeric id in a path. */
export const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }).strict();

/** The error body, for the OpenAPI document. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});

/** Error answers every signed-in route may give. */
export const STANDARD_ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

/** The answer of a route that answers 204 with no body. */
export const NoContent = z.null();

/** A body sent as bytes: a stream or a buffer, which Fastify passes on without serialising. */
const Binary = z
  .custom<Readable | Buffer>((value) => value instanceof Readable || Buffer.isBuffer(value))
  .meta({ type: 'string', format: 'binary' });

/** A success answer whose body is not JSON (a file, a stream), documented with its content type. */
export function fileAnswer(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: Binary } } };
}
