import { ApiError } from '../platform/api/index.js';
import type { Translate } from './I18nProvider.js';

/**
 * A sentence for people about a failed call. Client-side failures and the conflicts a user can resolve get
 * the app's own words; any other server error keeps the server's message, which is written for people.
 */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  switch (error.code) {
    case 'NETWORK_ERROR':
      return t('error.network');
    case 'BAD_RESPONSE':
      return t('error.badResponse');
    case 'VERSION_CONFLICT':
      return t('error.versionConflict');
    case 'FORBIDDEN':
    case 'OUT_OF_SCOPE':
      return `${t('error.forbidden')}（${error.message}）`;
    default:
      return error.message;
  }
}
