import type { KpiSettings } from '@shanzhi/shared';
import { apiRequest } from '../../../platform/api/index.js';

export type { KpiSettings };

/** The measures' settings in force. */
export function fetchKpiSettings(signal?: AbortSignal): Promise<KpiSettings> {
  return apiRequest('/api/v1/kpis/config', signal ? { signal } : {});
}

/** Replaces the measures' settings. */
export function saveKpiSettings(input: KpiSettings): Promise<KpiSettings> {
  return apiRequest('/api/v1/kpis/config', { method: 'PUT', body: input });
}
