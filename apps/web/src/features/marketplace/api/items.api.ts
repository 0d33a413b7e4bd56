import type { MarketItemAdminList, MarketItemAdminView, UpdateMarketItemInput } from '@shanzhi/shared';
import { apiRequest } from '../../../platform/api/index.js';

/** `GET /api/v1/market/items/all`: every service item, offered or not. */
export function fetchAllMarketItems(signal?: AbortSignal): Promise<MarketItemAdminList> {
  return apiRequest('/api/v1/market/items/all', signal ? { signal } : {});
}

/** `PUT /api/v1/market/items/:id`: edits a service item. */
export function updateMarketItem(id: number, input: UpdateMarketItemInput): Promise<MarketItemAdminView> {
  return apiRequest(`/api/v1/market/items/${id}`, { method: 'PUT', body: input });
}
