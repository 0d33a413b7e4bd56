import {
  MARKET_ORDER_ACTION_INPUTS,
  MARKET_ORDER_TRANSITIONS,
  MarketOrderCodeHeaders,
  MarketOrderView,
  PlacedMarketOrder,
  PlaceMarketOrderInput,
  PORTAL_MARKET_ACTIONS,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { fileAnswer, IdParams } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import {
  PORTAL_LOOKUP_LIMIT,
  PORTAL_SUBMIT_LIMIT,
  PUBLIC_ERRORS,
  TokenBuckets,
} from '../portal/portal-rate-limit.js';
import { sendPhoto } from './order-photos.js';
import {
  actOnPortalOrder,
  getPortalOrder,
  openPortalOrderPhoto,
  placePortalOrder,
} from './orders.service.js';

const tags = ['market'];

/**
 * The citizen's side without an account: order (a budget per client address), then follow, cancel and rate
 * the order with the 查询码 its placing answered (header `X-Order-Code`).
 */
export function registerPortalMarketRoutes(app: ApiInstance, ctx: AppContext): void {
  const submissions = new TokenBuckets(PORTAL_SUBMIT_LIMIT, ctx.clock);
  const lookups = new TokenBuckets(PORTAL_LOOKUP_LIMIT, ctx.clock);

  app.post(
    '/api/v1/market/orders',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          '下单 A citizen orders a service on the portal or through the API, without an account (10 per address per 10 min); the answer carries the order’s 查询码',
        security: [],
        body: PlaceMarketOrderInput,
        response: { 201: PlacedMarketOrder, ...PUBLIC_ERRORS },
      },
    },
    async (request, reply) => {
      submissions.consume(request.ip);
      return reply.status(201).send(await placePortalOrder(ctx, request.body, request.ip));
    },
  );

  app.get(
    '/api/v1/portal/market/orders/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '我的订单 The citizen’s order by its 查询码 (X-Order-Code), with its timeline',
        security: [],
        params: IdParams,
        headers: MarketOrderCodeHeaders,
        response: { 200: MarketOrderView, ...PUBLIC_ERRORS },
      },
    },
    async (request) => {
      lookups.consume(request.ip);
      return getPortalOrder(ctx, request.params.id, request.headers['x-order-code'], request.ip);
    },
  );

  app.get(
    '/api/v1/portal/market/orders/:id/photo',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '完工照片 The photo of the citizen’s order’s finished work, by its 查询码 (X-Order-Code)',
        security: [],
        params: IdParams,
        headers: MarketOrderCodeHeaders,
        response: { 200: fileAnswer('image/jpeg', 'The photo, with its type'), ...PUBLIC_ERRORS },
      },
    },
    async (request, reply) => {
      lookups.consume(request.ip);
      const { id } = request.params;
      return sendPhoto(
        reply,
        await openPortalOrderPhoto(ctx, id, request.headers['x-order-code'], request.ip),
      );
    },
  );

  for (const action of PORTAL_MARKET_ACTIONS) {
    app.post(
      `/api/v1/portal/market/orders/:id/actions/${action}`,
      {
        config: { public: true },
        schema: {
          tags,
          summary: `${MARKET_ORDER_TRANSITIONS[action].label} ${action}: the citizen, by the order’s 查询码`,
          security: [],
          params: IdParams,
          headers: MarketOrderCodeHeaders,
          body: MARKET_ORDER_ACTION_INPUTS[action],
          response: { 200: MarketOrderView, ...PUBLIC_ERRORS },
        },
      },
      async (request) => {
        lookups.consume(request.ip);
        return actOnPortalOrder(
          ctx,
          request.params.id,
          request.headers['x-order-code'],
          request.ip,
          action,
          request.body as { version: number },
        );
      },
    );
  }
}
