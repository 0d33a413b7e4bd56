import {
  MARKET_ORDER_ACTION_INPUTS,
  MARKET_ORDER_TRANSITIONS,
  MarketItemList,
  MarketMerchantChoiceList,
  type MarketOrderActionOnOrder,
  MarketOrderList,
  MarketOrderListQuery,
  MarketOrderView,
  MarketStats,
  MarketStatsQuery,
  marketOrderPermissionOf,
  PlacedMarketOrder,
  PlaceMarketOrderInput,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { fileAnswer, IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import { sendWorkbook, XLSX_TYPE } from '../../platform/http/file-answers.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { registerDispatchSettingsRoutes } from './dispatch-settings.routes.js';
import { registerMarketItemRoutes } from './items.routes.js';
import { registerMerchantRoutes } from './merchants.routes.js';
import { COMPLETION_BODY_LIMIT, openCompletionPhoto, sendPhoto } from './order-photos.js';
import {
  actOnOrder,
  getOrder,
  listMarketItems,
  listOrdersForActor,
  merchantsForOrder,
  placeOrder,
} from './orders.service.js';
import { registerPortalMarketRoutes } from './portal-market.routes.js';
import { registerPortalMerchantRoutes } from './portal-merchants.routes.js';
import { marketStats } from './stats.service.js';
import { marketStatsFileName, writeMarketStatsWorkbook } from './stats-workbook.js';

const tags = ['market'];

/**
 * 民需我应: the items, ordering by an agent, the centre's and the merchants' order lists and actions; the
 * portal's orders and merchant applications, the merchants' review, the items' administration and the dispatch
 * rule's weights.
 */
export function registerMarketplaceRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/market/items',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '服务项目 The service items with their questions, price ranges and acceptance limits',
        security: [],
        response: { 200: MarketItemList, ...STANDARD_ERRORS },
      },
    },
    async () => listMarketItems(ctx),
  );

  app.post(
    '/api/v1/market/hotline-orders',
    {
      config: { permission: 'market_order.order' },
      schema: {
        tags,
        summary: '热线下单 The 12345 agent orders a service for a caller; the platform dispatches it at once',
        body: PlaceMarketOrderInput,
        response: { 201: PlacedMarketOrder, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await placeOrder(ctx, actorOf(request), 'hotline', request.body)),
  );

  app.get(
    '/api/v1/market/orders',
    {
      config: { permission: 'market.read' },
      schema: {
        tags,
        summary: '服务订单 Orders in the caller’s scope (a merchant: his own), newest first',
        querystring: MarketOrderListQuery,
        response: { 200: MarketOrderList, ...STANDARD_ERRORS },
      },
    },
    async (request) => listOrdersForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/market/offers',
    {
      config: { permission: 'market.read' },
      schema: {
        tags,
        summary: '待接单 The orders offered to the caller’s merchant now, each with its limit',
        querystring: MarketOrderListQuery,
        response: { 200: MarketOrderList, ...STANDARD_ERRORS },
      },
    },
    async (request) => listOrdersForActor(ctx, actorOf(request), request.query, true),
  );

  app.get(
    '/api/v1/market/orders/:id',
    {
      config: { permission: 'market.read' },
      schema: {
        tags,
        summary: '订单详情 An order with its timeline (every offer) and the caller’s actions',
        params: IdParams,
        response: { 200: MarketOrderView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getOrder(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/market/orders/:id/merchants',
    {
      config: { permission: 'market_order.assign' },
      schema: {
        tags,
        summary:
          '可派商户 The merchants the centre may offer a queued order to, in the dispatch rule’s order',
        params: IdParams,
        response: { 200: MarketMerchantChoiceList, ...STANDARD_ERRORS },
      },
    },
    async (request) => merchantsForOrder(ctx, actorOf(request), request.params.id),
  );

  for (const action of Object.keys(MARKET_ORDER_ACTION_INPUTS) as MarketOrderActionOnOrder[]) {
    app.post(
      `/api/v1/market/orders/:id/actions/${action}`,
      {
        // the 完工照片 of a completion travels inline, as base64
        ...(action === 'complete' && { bodyLimit: COMPLETION_BODY_LIMIT }),
        config: { permission: marketOrderPermissionOf(action) },
        schema: {
          tags,
          summary: `${MARKET_ORDER_TRANSITIONS[action].label} ${action}`,
          params: IdParams,
          body: MARKET_ORDER_ACTION_INPUTS[action],
          response: { 200: MarketOrderView, ...STANDARD_ERRORS },
        },
      },
      async (request) =>
        actOnOrder(ctx, actorOf(request), request.params.id, action, request.body as { version: number }),
    );
  }

  app.get(
    '/api/v1/market/orders/:id/photo',
    {
      config: { permission: 'market.read' },
      schema: {
        tags,
        summary:
          '完工照片 The photo of an order’s finished work (staff in scope, the merchant who served it)',
        params: IdParams,
        response: { 200: fileAnswer('image/jpeg', 'The photo, with its type'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      sendPhoto(reply, await openCompletionPhoto(ctx, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/market/stats',
    {
      config: { permission: 'market.read' },
      schema: {
        tags,
        summary:
          '便民服务统计 Orders of a period by item, district and month; acceptance times, completion and satisfaction, merchants ranked (a merchant: his own)',
        querystring: MarketStatsQuery,
        response: { 200: MarketStats, ...STANDARD_ERRORS },
      },
    },
    async (request) => marketStats(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/market/stats.xlsx',
    {
      config: { permission: 'market.read' },
      schema: {
        tags,
        summary: '导出便民服务统计 The numbers of the stats as an .xlsx workbook',
        querystring: MarketStatsQuery,
        response: { 200: fileAnswer(XLSX_TYPE, '.xlsx workbook'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const stats = await marketStats(ctx, actorOf(request), request.query);
      return sendWorkbook(reply, marketStatsFileName(stats), await writeMarketStatsWorkbook(stats));
    },
  );

  registerPortalMarketRoutes(app, ctx);
  registerPortalMerchantRoutes(app, ctx);
  registerMerchantRoutes(app, ctx);
  registerMarketItemRoutes(app, ctx);
  registerDispatchSettingsRoutes(app, ctx);
}
