import { MarketDispatchWeights } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { readDispatchWeights, writeDispatchWeights } from './dispatch-settings.js';

const tags = ['market'];

/** 派单规则: the weights of the dispatch rule, read by the centre, set by an administrator. */
export function registerDispatchSettingsRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/market/settings/dispatch',
    {
      config: { permission: 'market.read' },
      schema: {
        tags,
        summary: '派单规则 The dispatch rule’s weights in force',
        response: { 200: MarketDispatchWeights, ...STANDARD_ERRORS },
      },
    },
    async () => readDispatchWeights(ctx),
  );

  app.put(
    '/api/v1/market/settings/dispatch',
    {
      config: { permission: 'market.configure' },
      schema: {
        tags,
        summary: '派单规则 Set the dispatch rule’s weights (offers from now on follow them)',
        body: MarketDispatchWeights,
        response: { 200: MarketDispatchWeights, ...STANDARD_ERRORS },
      },
    },
    async (request) => writeDispatchWeights(ctx, actorOf(request), request.body),
  );
}
