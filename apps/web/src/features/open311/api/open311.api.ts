import type {
  CreatedOpen311Key,
  CreateOpen311KeyInput,
  Open311KeyList,
  Open311KeyView,
  Open311ServiceInput,
  Open311ServiceList,
  Open311ServiceView,
} from '@shanzhi/shared';
import { apiRequest } from '../../../platform/api/index.js';

/** The integrators' API keys, newest first. */
export function fetchOpen311Keys(signal?: AbortSignal): Promise<Open311KeyList> {
  return apiRequest('/api/v1/open311/keys', signal ? { signal } : {});
}

/** Issues a key; the answer carries the key itself, this once. */
export function createOpen311Key(input: CreateOpen311KeyInput): Promise<CreatedOpen311Key> {
  return apiRequest('/api/v1/open311/keys', { method: 'POST', body: input });
}

/** Revokes a key. */
export function revokeOpen311Key(id: number): Promise<Open311KeyView> {
  return apiRequest(`/api/v1/open311/keys/${id}/revoke`, { method: 'POST', body: {} });
}

/** Every catalog leaf with how it is offered through Open311. */
export function fetchOpen311Services(signal?: AbortSignal): Promise<Open311ServiceList> {
  return apiRequest('/api/v1/open311/services', signal ? { signal } : {});
}

/** Saves how a leaf is offered: published, group, description, keywords, attributes. */
export function saveOpen311Service(
  categoryId: number,
  input: Open311ServiceInput,
): Promise<Open311ServiceView> {
  return apiRequest(`/api/v1/open311/services/${categoryId}`, { method: 'PUT', body: input });
}
