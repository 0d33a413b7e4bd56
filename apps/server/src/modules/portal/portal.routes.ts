import fastifyMultipart from '@fastify/multipart';
import {
  PORTAL_MAX_PHOTOS,
  PortalCaseNumber,
  PortalRatingInput,
  PortalSubmitInput,
  PortalSuggestInput,
  PortalTrackQuery,
} from '@shanzhi/shared';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { ErrorResponse, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { PortalCaseView } from './portal.presenter.js';
import {
  ratePortalCase,
  submitPortalCase,
  suggestPortalCategory,
  trackPortalCase,
} from './portal.service.js';
import { registerPortalMapRoutes } from './portal-map.routes.js';
import { type PortalPhoto, portalPhotoMaxBytes, readPortalSubmission } from './portal-photos.js';
import {
  PORTAL_LOOKUP_LIMIT,
  PORTAL_SUBMIT_LIMIT,
  PORTAL_SUGGEST_LIMIT,
  TokenBuckets,
} from './portal-rate-limit.js';

const tags = ['portal'];
const NumberParams = z.strictObject({ number: PortalCaseNumber });
const PUBLIC_ERRORS = { ...STANDARD_ERRORS, 429: ErrorResponse };

/**
 * 群众服务门户: the public routes citizens use without an account — submit a request, track it by number and
 * phone, rate it once closed. Each client address has a budget of submissions and of lookups.
 */
export function registerPortalRoutes(app: ApiInstance, ctx: AppContext): void {
  const submissions = new TokenBuckets(PORTAL_SUBMIT_LIMIT, ctx.clock);
  const lookups = new TokenBuckets(PORTAL_LOOKUP_LIMIT, ctx.clock);
  const suggestions = new TokenBuckets(PORTAL_SUGGEST_LIMIT, ctx.clock);

  // Multipart parsing (the photos) in this route's scope only; the rest of the API stays JSON.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: {
        fileSize: portalPhotoMaxBytes(ctx),
        files: PORTAL_MAX_PHOTOS,
        fields: 2,
        parts: PORTAL_MAX_PHOTOS + 2,
      },
      throwFileSizeLimit: false,
    });
    const photosOf = new WeakMap<object, PortalPhoto[]>();
    (scope as unknown as ApiInstance).post(
      '/api/v1/portal/cases',
      {
        config: { public: true },
        schema: {
          tags,
          summary:
            '网上提交诉求 A citizen submits a request on the portal: JSON, or multipart with the request as JSON in `data` and up to 3 JPEG/PNG/WebP `photos` (10 per address per 10 min)',
          security: [],
          consumes: ['application/json', 'multipart/form-data'],
          body: PortalSubmitInput,
          response: { 201: z.object({ number: z.string() }), ...PUBLIC_ERRORS },
        },
        // before validation: the budget is spent before any byte is stored, and a multipart body becomes
        // the object the schema validates (its photos wait beside it for the handler)
        preValidation: async (request) => {
          submissions.consume(request.ip);
          if (!request.isMultipart()) return;
          const { data, photos } = await readPortalSubmission(ctx, request);
          request.body = data as PortalSubmitInput;
          photosOf.set(request, photos);
        },
      },
      async (request, reply) => {
        const photos = photosOf.get(request) ?? [];
        return reply.status(201).send(await submitPortalCase(ctx, request.body, request.ip, photos));
      },
    );
  });

  app.post(
    '/api/v1/portal/suggest',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '推荐事项 Likely categories for the citizen’s text (names and probabilities only)',
        security: [],
        body: PortalSuggestInput,
        response: {
          200: z.object({
            categories: z.array(
              z.object({ id: z.number().int(), name: z.string(), probability: z.number() }),
            ),
            police: z.boolean(),
          }),
          ...PUBLIC_ERRORS,
        },
      },
    },
    async (request) => {
      suggestions.consume(request.ip);
      return suggestPortalCategory(ctx, request.body);
    },
  );

  app.get(
    '/api/v1/portal/cases/:number',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '进度查询 The public view of a case, by its number and the phone given with it',
        security: [],
        params: NumberParams,
        querystring: PortalTrackQuery,
        response: { 200: PortalCaseView, ...PUBLIC_ERRORS },
      },
    },
    async (request) => {
      lookups.consume(request.ip);
      return trackPortalCase(ctx, request.params.number, request.query.phone);
    },
  );

  app.post(
    '/api/v1/portal/cases/:number/rating',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '群众评价 The citizen rates a closed case, once',
        security: [],
        params: NumberParams,
        body: PortalRatingInput,
        response: { 200: PortalCaseView, ...PUBLIC_ERRORS },
      },
    },
    async (request) => {
      lookups.consume(request.ip);
      return ratePortalCase(ctx, request.params.number, request.body);
    },
  );

  registerPortalMapRoutes(app, ctx);
}
