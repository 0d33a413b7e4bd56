import type {
  MarketDispatchWeights,
  MarketItemList,
  MarketMerchantChoiceList,
  MarketOrderActionOnOrder,
  MarketOrderList,
  MarketOrderListQuery,
  MarketOrderView,
  MarketStats,
  MarketStatsQuery,
  PlacedMarketOrder,
  PlaceMarketOrderInput,
  PortalMarketAction,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});
/** The portal's and the merchant desk's calls: a 401 there is never an expired console session. */
const PUBLIC = { skipAuthRedirect: true } as const;

/** `GET /api/v1/market/items`: the service items. */
export function fetchMarketItems(signal?: AbortSignal): Promise<MarketItemList> {
  return apiRequest('/api/v1/market/items', { ...opts(signal), ...PUBLIC });
}

/**
 * `GET /api/v1/market/orders`: the orders the caller sees (a merchant his own), newest first. On the
 * merchant's desk (`desk`), a 401 shows its own sign-in rather than the console's.
 */
export function fetchMarketOrders(
  query: { [K in keyof MarketOrderListQuery]?: MarketOrderListQuery[K] | undefined },
  signal?: AbortSignal,
  desk = false,
): Promise<MarketOrderList> {
  return apiRequest(withQuery('/api/v1/market/orders', query), { ...opts(signal), skipAuthRedirect: desk });
}

/** `GET /api/v1/market/stats`: the numbers of a period of Beijing days (a merchant: his own). */
export function fetchMarketStats(query: MarketStatsQuery, signal?: AbortSignal): Promise<MarketStats> {
  return apiRequest(withQuery('/api/v1/market/stats', query), opts(signal));
}

/** `GET /api/v1/market/offers`: the orders offered to the caller's merchant now (the merchant's desk). */
export function fetchMarketOffers(signal?: AbortSignal): Promise<MarketOrderList> {
  return apiRequest('/api/v1/market/offers', { ...opts(signal), ...PUBLIC });
}

/** `GET /api/v1/market/orders/:id/merchants`: the merchants the centre may offer a queued order to. */
export function fetchMerchantChoices(
  orderId: number,
  signal?: AbortSignal,
): Promise<MarketMerchantChoiceList> {
  return apiRequest(`/api/v1/market/orders/${orderId}/merchants`, opts(signal));
}

/** `POST /api/v1/market/orders/:id/actions/:action` as staff or a merchant. */
export function actOnMarketOrder(
  order: Pick<MarketOrderView, 'id' | 'version'>,
  action: MarketOrderActionOnOrder,
  fields: Record<string, unknown> = {},
): Promise<MarketOrderView> {
  return apiRequest(`/api/v1/market/orders/${order.id}/actions/${action}`, {
    method: 'POST',
    body: { version: order.version, ...fields },
    // the merchant's desk is outside the console: a 401 there shows its own sign-in
    ...PUBLIC,
  });
}

/** `POST /api/v1/market/orders`: a citizen's order on the portal, answered with its 查询码. */
export function placePortalOrder(input: PlaceMarketOrderInput): Promise<PlacedMarketOrder> {
  return apiRequest('/api/v1/market/orders', { method: 'POST', body: input, ...PUBLIC });
}

/** `POST /api/v1/market/hotline-orders`: the 12345 agent orders a service for a caller. */
export function placeHotlineOrder(input: PlaceMarketOrderInput): Promise<PlacedMarketOrder> {
  return apiRequest('/api/v1/market/hotline-orders', { method: 'POST', body: input });
}

/** The citizen's own order, by its 查询码. */
export function fetchPortalOrder(id: number, code: string, signal?: AbortSignal): Promise<MarketOrderView> {
  return apiRequest(`/api/v1/portal/market/orders/${id}`, {
    ...opts(signal),
    headers: { 'X-Order-Code': code },
    ...PUBLIC,
  });
}

/** The 完工照片 of the citizen's order, by its 查询码 (an `<img>` cannot send the header). */
export async function fetchPortalOrderPhoto(url: string, code: string, signal?: AbortSignal): Promise<Blob> {
  const response = await fetch(url, { headers: { 'X-Order-Code': code }, signal: signal ?? null });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.blob();
}

/** The citizen cancels, rates or complains about his order, by its 查询码. */
export function actOnPortalOrder(
  order: Pick<MarketOrderView, 'id' | 'version'>,
  code: string,
  action: PortalMarketAction,
  fields: Record<string, unknown>,
): Promise<MarketOrderView> {
  return apiRequest(`/api/v1/portal/market/orders/${order.id}/actions/${action}`, {
    method: 'POST',
    body: { version: order.version, ...fields },
    headers: { 'X-Order-Code': code },
    ...PUBLIC,
  });
}

/** `GET /api/v1/market/settings/dispatch`: the dispatch rule's weights in force. */
export function fetchDispatchWeights(signal?: AbortSignal): Promise<MarketDispatchWeights> {
  return apiRequest('/api/v1/market/settings/dispatch', opts(signal));
}

/** `PUT /api/v1/market/settings/dispatch`: sets the weights; offers from now on follow them. */
export function saveDispatchWeights(input: MarketDispatchWeights): Promise<MarketDispatchWeights> {
  return apiRequest('/api/v1/market/settings/dispatch', { method: 'PUT', body: input });
}
