import fastifyMultipart from '@fastify/multipart';
import {
  PortalCaptcha,
  PortalCaseParams,
  PortalCaseView,
  PortalRatingInput,
  PortalSubmitInput,
  PortalSubmitted,
  PortalSuggestInput,
  PortalSuggestion,
  PortalTrackQuery,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { ApiInstance } from '../../platform/http/types.js';
import {
  captchaOf,
  ratePortalCase,
  submitPortalCase,
  suggestPortalCategory,
  trackPortalCase,
} from './portal.service.js';
import { issuePortalCaptcha } from './portal-captcha.js';
import { registerPortalMapRoutes } from './portal-map.routes.js';
import { registerPortalMediationRoutes } from './portal-mediation.routes.js';
import { registerPortalPetitionRoutes } from './portal-petitions.routes.js';
import { PORTAL_PHOTOS, portalFormIntake, portalMultipartOptions } from './portal-photos.js';
import {
  PORTAL_CAPTCHA_LIMIT,
  PORTAL_LOOKUP_LIMIT,
  PORTAL_SUBMIT_LIMIT,
  PORTAL_SUGGEST_LIMIT,
  PUBLIC_ERRORS,
  TokenBuckets,
} from './portal-rate-limit.js';

const tags = ['portal'];

/**
 * 群众服务门户: the public routes citizens use without an account — submit a request, track it by number and
 * phone, rate it once closed. Each client address has a budget of submissions and of lookups; proving a case
 * is one's own passes the tracking guard (a lock per case number, a limit per address, a captcha after
 * repeated wrong phones).
 */
export function registerPortalRoutes(app: ApiInstance, ctx: AppContext): void {
  const submissions = new TokenBuckets(PORTAL_SUBMIT_LIMIT, ctx.clock);
  const lookups = new TokenBuckets(PORTAL_LOOKUP_LIMIT, ctx.clock);
  const suggestions = new TokenBuckets(PORTAL_SUGGEST_LIMIT, ctx.clock);
  const captchas = new TokenBuckets(PORTAL_CAPTCHA_LIMIT, ctx.clock);

  // Multipart parsing (the photos) in this route's scope only; the rest of the API stays JSON.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, portalMultipartOptions(ctx, PORTAL_PHOTOS));
    // before validation: the budget is spent before any byte is stored, and a multipart body becomes
    // the object the schema validates (its photos wait beside it for the handler)
    const intake = portalFormIntake(ctx, submissions, PORTAL_PHOTOS);
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
          response: { 201: PortalSubmitted, ...PUBLIC_ERRORS },
        },
        preValidation: intake.preValidation,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await submitPortalCase(ctx, request.body, request.ip, intake.filesOf(request))),
    );
  });
  registerPortalMediationRoutes(app, ctx, submissions);
  registerPortalPetitionRoutes(app, ctx, { submissions, lookups });

  app.post(
    '/api/v1/portal/suggest',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '推荐事项 Likely categories for the citizen’s text (names and probabilities only)',
        security: [],
        body: PortalSuggestInput,
        response: { 200: PortalSuggestion, ...PUBLIC_ERRORS },
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
        summary:
          '进度查询 The public view of a case, by its number and the phone given with it (after 2 wrong phones for the number or from the address, with a captcha; after 5 for the number, locked 30 min)',
        security: [],
        params: PortalCaseParams,
        querystring: PortalTrackQuery,
        response: { 200: PortalCaseView, ...PUBLIC_ERRORS },
      },
    },
    async (request) => {
      lookups.consume(request.ip);
      return trackPortalCase(ctx, request.params.number, request.query.phone, {
        ip: request.ip,
        captcha: captchaOf(request.query),
      });
    },
  );

  app.post(
    '/api/v1/portal/cases/:number/rating',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '群众评价 The citizen rates a closed case, once (the phone is checked as in tracking)',
        security: [],
        params: PortalCaseParams,
        body: PortalRatingInput,
        response: { 200: PortalCaseView, ...PUBLIC_ERRORS },
      },
    },
    async (request) => {
      lookups.consume(request.ip);
      return ratePortalCase(ctx, request.params.number, request.body, {
        ip: request.ip,
        captcha: captchaOf(request.body),
      });
    },
  );

  app.get(
    '/api/v1/portal/captcha',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          '验证码 A captcha to answer (SVG picture) when tracking or rating answers CAPTCHA_REQUIRED; one answer each, within 5 minutes',
        security: [],
        response: { 200: PortalCaptcha, ...PUBLIC_ERRORS },
      },
    },
    async (request, reply) => {
      captchas.consume(request.ip);
      reply.header('cache-control', 'no-store');
      return issuePortalCaptcha(ctx);
    },
  );

  registerPortalMapRoutes(app, ctx);
}
