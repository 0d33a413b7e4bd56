import {
  MARKET_MERCHANT_ACTION_INPUTS,
  MARKET_MERCHANT_ACTIONS,
  MARKET_MERCHANT_TRANSITIONS,
  MarketMerchantActed,
  type MarketMerchantActionInput,
  MarketMerchantListQuery,
  MarketMerchantPage,
  MarketMerchantView,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { actOnMerchant, getMerchant, listMerchantsForActor } from './merchants.service.js';

const tags = ['market'];

/** 商户管理: the centre's register of merchants and its review actions. */
export function registerMerchantRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/market/merchants',
    {
      config: { permission: 'market_merchant.review' },
      schema: {
        tags,
        summary:
          '商户管理 The merchants covering the caller’s scope, by status, name or licence, and 待复核 (score below the threshold)',
        querystring: MarketMerchantListQuery,
        response: { 200: MarketMerchantPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listMerchantsForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/market/merchants/:id',
    {
      config: { permission: 'market_merchant.review' },
      schema: {
        tags,
        summary: '商户详情 A merchant with its items, areas, hours, prices and the caller’s review actions',
        params: IdParams,
        response: { 200: MarketMerchantView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getMerchant(ctx, actorOf(request), request.params.id),
  );

  for (const action of MARKET_MERCHANT_ACTIONS) {
    app.post(
      `/api/v1/market/merchants/:id/actions/${action}`,
      {
        config: { permission: 'market_merchant.review' },
        schema: {
          tags,
          summary: `${MARKET_MERCHANT_TRANSITIONS[action].label}商户 ${action}${action === 'approve' ? ': opens its first staff account and answers its initial password once' : ''}`,
          params: IdParams,
          body: MARKET_MERCHANT_ACTION_INPUTS[action],
          response: { 200: MarketMerchantActed, ...STANDARD_ERRORS },
        },
      },
      async (request) =>
        actOnMerchant(
          ctx,
          actorOf(request),
          request.params.id,
          action,
          request.body as MarketMerchantActionInput,
        ),
    );
  }
}
