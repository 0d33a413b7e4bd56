import type { Translate } from '../../i18n/I18nProvider.js';
import { ApiError } from '../../platform/api/index.js';
import { portalFailureText } from '../portal/portal-failure.js';

/**
 * What the portal tells a party about a failed call in mediation, in Chinese: a wrong or expired code, a
 * number locked after too many wrong codes, a room session run out, a writer who is not a party; else the portal's words (a room not open — mediation not
 * begun or ended — keeps the server's sentence, which says which).
 */
export function mediationFailureText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'ROOM_CODE_INVALID':
        return t('mediationPortal.error.code');
      case 'ROOM_CODE_LOCKED':
        return t('mediationPortal.error.locked');
      case 'UNAUTHENTICATED':
      case 'SESSION_EXPIRED':
        return t('mediationPortal.error.expired');
      case 'NOT_A_PARTY':
        return t('mediationPortal.error.notParty');
      case 'DISPUTE_NOT_FOUND':
        return t('mediationPortal.error.notFound');
    }
  }
  return portalFailureText(error, t);
}

/** Whether a failure inside the room means the party must enter his code again (his pass ran out). */
export function roomSessionLost(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'ROOM_CODE_INVALID';
}
