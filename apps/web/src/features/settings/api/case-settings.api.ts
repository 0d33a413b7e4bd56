import type { CaseSettingsInput } from '@shanzhi/shared';
import { apiRequest } from '../../../platform/api/index.js';

/** The case spine's settings in force: the auto-dispatch threshold (null = off) and the rework limit. */
export function fetchCaseSettings(signal?: AbortSignal): Promise<CaseSettingsInput> {
  return apiRequest('/api/v1/case-settings', signal ? { signal } : {});
}

/** Replaces the case spine's settings. */
export function saveCaseSettings(input: CaseSettingsInput): Promise<CaseSettingsInput> {
  return apiRequest('/api/v1/case-settings', { method: 'PUT', body: input });
}
