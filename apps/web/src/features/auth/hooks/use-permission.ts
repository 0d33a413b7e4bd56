import type { Permission } from '@shanzhi/shared';
import { useSession } from './session-store.js';

/**
 * Whether the signed-in user holds `permission`. Hides the buttons of writes the server would refuse; the
 * server checks again on every call.
 */
export function usePermission(permission: Permission): boolean {
  const session = useSession();
  return session.status === 'ready' && session.me.permissions.includes(permission);
}
