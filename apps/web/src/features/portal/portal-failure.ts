import dayjs from 'dayjs';
import { errorText } from '../../i18n/error-text.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import { ApiError } from '../../platform/api/index.js';

/** When to try again after a refusal: the clock time and the minutes from now (at least 1). */
function retryAt(error: ApiError): { time: string; minutes: number } {
  const seconds = error.retryAfterSeconds ?? 60;
  return {
    time: dayjs().add(seconds, 'second').format('HH:mm'),
    minutes: Math.max(1, Math.ceil(seconds / 60)),
  };
}

/**
 * What the portal tells a citizen about a failed call: a locked case number or a limit with when to try
 * again, the one "not found" for a wrong number or phone alike, otherwise the general error text.
 */
export function portalFailureText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'TRACKING_LOCKED':
        return t('portal.trackingLocked', retryAt(error));
      case 'RATE_LIMITED':
        return error.retryAfterSeconds === null
          ? t('portal.rateLimited')
          : t('portal.rateLimitedUntil', retryAt(error));
      case 'CASE_NOT_FOUND':
        return t('portal.notFound');
    }
  }
  return errorText(error, t);
}
