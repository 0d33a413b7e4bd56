import { DEFAULT_MARKET_DISPATCH_WEIGHTS, MarketDispatchWeights } from '@shanzhi/shared';
import { configuredSetting } from '../settings/configured-setting.js';

/** 派单规则: the weights of the dispatch rule's cost, the defaults until a city sets its own. */
const dispatchWeights = configuredSetting({
  key: 'market.dispatch_weights',
  schema: MarketDispatchWeights,
  defaults: DEFAULT_MARKET_DISPATCH_WEIGHTS,
  audit: { action: 'market.settings_changed', targetId: 'market' },
});

/** The weights in force; offers from a change on follow the new ones. */
export const readDispatchWeights = dispatchWeights.read;
export const writeDispatchWeights = dispatchWeights.write;
