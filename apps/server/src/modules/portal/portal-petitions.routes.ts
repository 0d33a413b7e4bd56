import {
  PortalAgencyPoints,
  PortalPetitionInput,
  PortalPetitionParams,
  PortalPetitionSubmitted,
  PortalPetitionView,
  PortalTrackQuery,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { captchaOf } from './portal.service.js';
import {
  listPortalAgencyPoints,
  submitPortalPetition,
  trackPortalPetition,
} from './portal-petitions.service.js';
import { PUBLIC_ERRORS, type TokenBuckets } from './portal-rate-limit.js';

const tags = ['portal'];

/**
 * 网上信访 on the citizen portal, without an account: submitting under the budget per client address of the
 * portal's requests (`submissions`), following one by number and phone under the lookups' budget and the
 * tracking guard, as for a request.
 */
export function registerPortalPetitionRoutes(
  app: ApiInstance,
  ctx: AppContext,
  budgets: { submissions: TokenBuckets; lookups: TokenBuckets },
): void {
  app.post(
    '/api/v1/portal/petitions',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          '网上信访 A citizen leaves his petition at an agency point he picks, where an agent takes it up (with the portal’s requests, 10 per address per 10 min)',
        security: [],
        body: PortalPetitionInput,
        response: { 201: PortalPetitionSubmitted, ...PUBLIC_ERRORS },
      },
      // before validation: the budget is spent by every attempt, valid or not
      preValidation: async (request) => budgets.submissions.consume(request.ip),
    },
    async (request, reply) =>
      reply.status(201).send(await submitPortalPetition(ctx, request.body, request.ip)),
  );

  app.get(
    '/api/v1/portal/petitions/points',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '代办点 The agency points a citizen may leave a petition at (where petition agents work)',
        security: [],
        response: { 200: PortalAgencyPoints, ...PUBLIC_ERRORS },
      },
    },
    async (request) => {
      budgets.lookups.consume(request.ip);
      return listPortalAgencyPoints(ctx);
    },
  );

  app.get(
    '/api/v1/portal/petitions/:number',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          '信访进度查询 The public view of a petition, by its number and a petitioner’s phone (guarded as tracking a case)',
        security: [],
        params: PortalPetitionParams,
        querystring: PortalTrackQuery,
        response: { 200: PortalPetitionView, ...PUBLIC_ERRORS },
      },
    },
    async (request) => {
      budgets.lookups.consume(request.ip);
      return trackPortalPetition(ctx, request.params.number, request.query.phone, {
        ip: request.ip,
        captcha: captchaOf(request.query),
      });
    },
  );
}
