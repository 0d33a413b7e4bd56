import { MarketItemAdminList, MarketItemAdminView, UpdateMarketItemInput } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { editItem, listItemsForAdmin } from './items.service.js';

const tags = ['market'];

/** 服务项目管理: the administrator lists every service item and edits one. */
export function registerMarketItemRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/market/items/all',
    {
      config: { permission: 'market_item.manage' },
      schema: {
        tags,
        summary: '服务项目管理 Every service item, offered or not',
        response: { 200: MarketItemAdminList, ...STANDARD_ERRORS },
      },
    },
    async () => listItemsForAdmin(ctx),
  );

  app.put(
    '/api/v1/market/items/:id',
    {
      config: { permission: 'market_item.manage' },
      schema: {
        tags,
        summary:
          '编辑服务项目 An item’s name, description, questions, price range (min ≤ max), acceptance limit (1–120 min) and whether offered; audited',
        params: IdParams,
        body: UpdateMarketItemInput,
        response: { 200: MarketItemAdminView, ...STANDARD_ERRORS },
      },
    },
    async (request) => editItem(ctx, actorOf(request), request.params.id, request.body),
  );
}
