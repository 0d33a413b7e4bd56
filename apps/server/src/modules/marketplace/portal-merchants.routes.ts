import { MerchantApplicationInput, MerchantApplicationSubmitted } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { PORTAL_SUBMIT_LIMIT, PUBLIC_ERRORS, TokenBuckets } from '../portal/portal-rate-limit.js';
import { applyAsMerchant } from './merchants.service.js';

const tags = ['market'];

/** 商户入驻 on the portal, without an account: a budget of applications per client address. */
export function registerPortalMerchantRoutes(app: ApiInstance, ctx: AppContext): void {
  const applications = new TokenBuckets(PORTAL_SUBMIT_LIMIT, ctx.clock);

  app.post(
    '/api/v1/portal/market/merchant-applications',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          '商户入驻 A merchant applies: name, licence (统一社会信用代码), contact, items, areas, hours and prices (10 per address per 10 min); answered with its 申请编号',
        security: [],
        body: MerchantApplicationInput,
        response: { 201: MerchantApplicationSubmitted, ...PUBLIC_ERRORS },
      },
      // before validation: the budget is spent by every attempt, valid or not
      preValidation: async (request) => applications.consume(request.ip),
    },
    async (request, reply) => reply.status(201).send(await applyAsMerchant(ctx, request.body, request.ip)),
  );
}
