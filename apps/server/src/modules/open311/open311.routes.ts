import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { buildDiscovery } from './open311-discovery.js';
import { listOf } from './open311-document.js';
import { sendOpen311 } from './open311-errors.js';
import { findOpen311Token, getOpen311Request, searchOpen311Requests } from './open311-requests.service.js';
import { fieldsOf, installOpen311Scope } from './open311-scope.js';
import { listOpen311Services, open311ServiceDefinition } from './open311-services.documents.js';
import { submitOpen311Request } from './open311-submission.service.js';
import { listOpen311Updates, postOpen311Update } from './open311-updates.service.js';
import {
  FormatParams,
  Open311CreatedJson,
  Open311DiscoveryJson,
  Open311ReadQuery,
  Open311RequestBody,
  Open311RequestsJson,
  Open311SearchQuery,
  Open311ServiceDefinitionJson,
  Open311ServicesJson,
  Open311TokenJson,
  Open311UpdateBody,
  Open311UpdateCreatedJson,
  Open311UpdatesJson,
  Open311UpdatesQuery,
  open311Answer,
  open311Errors,
} from './open311-wire.schemas.js';

/** Where the standard's endpoints live. */
export const OPEN311_BASE = '/open311/v2';

const tags = ['open311'];

/**
 * Open311 GeoReport v2 and mySociety's extensions under `/open311/v2/`, each resource as `.xml` and
 * `.json`: discovery, services and their definitions, requests (search, one, create), tokens and
 * servicerequestupdates (read, and a citizen's update). The routes are public in the platform's sense — no
 * session — and check the API key themselves (`installOpen311Scope`): required to write, optional to read.
 * Form posts carry no cookie, so the CSRF check of cookie-authenticated writes does not concern them.
 */
export function registerOpen311Routes(app: ApiInstance, ctx: AppContext): void {
  app.register(
    async (plugin) => {
      const scope = plugin as unknown as ApiInstance;
      const { reader, writer, keyOf, note } = installOpen311Scope(scope, ctx);

      scope.get(
        '/discovery.:format',
        {
          config: { public: true },
          preValidation: reader,
          schema: {
            tags,
            summary: 'Service discovery (GeoReport v2): the endpoint, its formats, whom to ask for a key',
            security: [],
            params: FormatParams,
            querystring: Open311ReadQuery,
            response: {
              200: open311Answer('the discovery document', Open311DiscoveryJson),
              ...open311Errors([400, 403, 429]),
            },
          },
        },
        async (request, reply) =>
          sendOpen311(
            reply,
            request.params.format,
            await buildDiscovery(ctx, `${request.protocol}://${request.host}`),
          ),
      );

      scope.get(
        '/services.:format',
        {
          config: { public: true },
          preValidation: reader,
          schema: {
            tags,
            summary: 'GET Service List: the catalog leaves the city publishes',
            security: [],
            params: FormatParams,
            querystring: Open311ReadQuery,
            response: {
              200: open311Answer('the published services', Open311ServicesJson),
              ...open311Errors([400, 403, 429]),
            },
          },
        },
        async (request, reply) =>
          sendOpen311(reply, request.params.format, {
            root: 'services',
            body: listOf('service', await listOpen311Services(ctx)),
          }),
      );

      scope.get(
        '/services/:service_code.:format',
        {
          config: { public: true },
          preValidation: reader,
          schema: {
            tags,
            summary: 'GET Service Definition: the attributes a request of the service answers',
            security: [],
            params: FormatParams.extend({ service_code: z.string().min(1).max(64) }),
            querystring: Open311ReadQuery,
            response: {
              200: open311Answer('the service definition', Open311ServiceDefinitionJson),
              ...open311Errors([400, 403, 404, 429]),
            },
          },
        },
        async (request, reply) =>
          sendOpen311(reply, request.params.format, {
            root: 'service_definition',
            body: await open311ServiceDefinition(ctx, request.params.service_code),
          }),
      );

      scope.post(
        '/requests.:format',
        {
          config: { public: true },
          preValidation: writer,
          schema: {
            tags,
            summary:
              'POST Service Request: registers a case (source online, the key’s channel), answering its number at once',
            security: [],
            consumes: ['application/x-www-form-urlencoded'],
            params: FormatParams,
            querystring: Open311ReadQuery,
            body: Open311RequestBody,
            response: {
              200: open311Answer('the new request’s id (the case number) and token', Open311CreatedJson),
              ...open311Errors([400, 403, 404, 429]),
            },
          },
        },
        async (request, reply) => {
          const key = keyOf(request);
          const created = await submitOpen311Request(ctx, key, fieldsOf(request), request.ip);
          note(request, { serviceRequestId: created.number });
          return sendOpen311(reply, request.params.format, {
            root: 'service_requests',
            body: listOf('request', [
              { service_request_id: created.number, token: created.token, service_notice: created.notice },
            ]),
          });
        },
      );

      scope.get(
        '/requests.:format',
        {
          config: { public: true },
          preValidation: reader,
          schema: {
            tags,
            summary:
              'GET Service Requests: by id, service, W3C dates (last 90 days by default) and status; ≤ 1,000',
            security: [],
            params: FormatParams,
            querystring: Open311SearchQuery,
            response: {
              200: open311Answer('the requests, newest first', Open311RequestsJson),
              ...open311Errors([400, 403, 429]),
            },
          },
        },
        async (request, reply) =>
          sendOpen311(reply, request.params.format, {
            root: 'service_requests',
            body: listOf('request', await searchOpen311Requests(ctx, fieldsOf(request))),
          }),
      );

      scope.get(
        '/requests/:service_request_id.:format',
        {
          config: { public: true },
          preValidation: reader,
          schema: {
            tags,
            summary: 'GET Service Request: one request by its id (the case number)',
            security: [],
            params: FormatParams.extend({ service_request_id: z.string().min(1).max(64) }),
            querystring: Open311ReadQuery,
            response: {
              200: open311Answer('the request', Open311RequestsJson),
              ...open311Errors([400, 403, 404, 429]),
            },
          },
        },
        async (request, reply) =>
          sendOpen311(reply, request.params.format, {
            root: 'service_requests',
            body: listOf('request', [await getOpen311Request(ctx, request.params.service_request_id)]),
          }),
      );

      scope.get(
        '/tokens/:token.:format',
        {
          config: { public: true },
          preValidation: reader,
          schema: {
            tags,
            summary: 'GET service_request_id from a token',
            security: [],
            params: FormatParams.extend({ token: z.string().min(1).max(64) }),
            querystring: Open311ReadQuery,
            response: {
              200: open311Answer('the request id of the token', Open311TokenJson),
              ...open311Errors([400, 403, 404, 429]),
            },
          },
        },
        async (request, reply) =>
          sendOpen311(reply, request.params.format, {
            root: 'service_requests',
            body: listOf('request', [await findOpen311Token(ctx, request.params.token)]),
          }),
      );

      scope.get(
        '/servicerequestupdates.:format',
        {
          config: { public: true },
          preValidation: reader,
          schema: {
            tags,
            summary:
              'GET Service Request Updates (mySociety): every public timeline event in a window, with extended statuses',
            security: [],
            params: FormatParams,
            querystring: Open311UpdatesQuery,
            response: {
              200: open311Answer('the updates, oldest first', Open311UpdatesJson),
              ...open311Errors([400, 403, 429]),
            },
          },
        },
        async (request, reply) =>
          sendOpen311(reply, request.params.format, {
            root: 'service_request_updates',
            body: listOf('request_update', await listOpen311Updates(ctx, fieldsOf(request))),
          }),
      );

      scope.post(
        '/servicerequestupdates.:format',
        {
          config: { public: true },
          preValidation: writer,
          schema: {
            tags,
            summary: 'POST Service Request Update (mySociety): a citizen’s update to a request his app sent',
            security: [],
            consumes: ['application/x-www-form-urlencoded'],
            params: FormatParams,
            querystring: Open311ReadQuery,
            body: Open311UpdateBody,
            response: {
              200: open311Answer('the id of the recorded update', Open311UpdateCreatedJson),
              ...open311Errors([400, 403, 404, 429]),
            },
          },
        },
        async (request, reply) => {
          const key = keyOf(request);
          const { updateId } = await postOpen311Update(ctx, key, fieldsOf(request));
          note(request, { updateId });
          return sendOpen311(reply, request.params.format, {
            root: 'service_request_updates',
            body: listOf('request_update', [{ update_id: String(updateId) }]),
          });
        },
      );
    },
    { prefix: OPEN311_BASE },
  );
}
