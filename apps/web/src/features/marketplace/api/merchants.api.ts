import type {
  MarketMerchantActed,
  MarketMerchantAction,
  MarketMerchantListQuery,
  MarketMerchantPage,
  MarketMerchantView,
  MerchantApplicationInput,
  MerchantApplicationSubmitted,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** `POST /api/v1/portal/market/merchant-applications` 商户入驻, without an account. */
export function applyAsMerchant(input: MerchantApplicationInput): Promise<MerchantApplicationSubmitted> {
  return apiRequest('/api/v1/portal/market/merchant-applications', {
    method: 'POST',
    body: input,
    skipAuthRedirect: true,
  });
}

/** `GET /api/v1/market/merchants`: a page of the merchants the reviewer sees. */
export function fetchMerchants(
  query: { [K in keyof MarketMerchantListQuery]?: MarketMerchantListQuery[K] | undefined },
  signal?: AbortSignal,
): Promise<MarketMerchantPage> {
  return apiRequest(withQuery('/api/v1/market/merchants', query), signal ? { signal } : {});
}

/** `POST /api/v1/market/merchants/:id/actions/:action`: a review action at the version seen. */
export function actOnMerchant(
  merchant: Pick<MarketMerchantView, 'id' | 'version'>,
  action: MarketMerchantAction,
  fields: { reason?: string; note?: string } = {},
): Promise<MarketMerchantActed> {
  return apiRequest(`/api/v1/market/merchants/${merchant.id}/actions/${action}`, {
    method: 'POST',
    body: { version: merchant.version, ...fields },
  });
}
