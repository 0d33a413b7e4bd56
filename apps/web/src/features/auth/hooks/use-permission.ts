import {
  type CaseAction,
  casePermissionOf,
  mayTakeAction,
  type Permission,
  type Role,
} from '@shanzhi/shared';
import { useSession } from './session-store.js';

/**
 * Whether the signed-in user holds `permission`. Hides the buttons of writes the server would refuse; the
 * server checks again on every call.
 */
export function usePermission(permission: Permission): boolean {
  const session = useSession();
  return session.status === 'ready' && session.me.permissions.includes(permission);
}

/**
 * Whether the signed-in user may take the case action `action` at all: the lifecycle table lets one of his
 * roles take it and he holds its permission. For a button offered before there is a case to ask (intake's
 * 直接办结 and 转110, which register first); on an existing case its `actions` from the server decide.
 */
export function useMayTakeAction(action: CaseAction): boolean {
  const session = useSession();
  return (
    session.status === 'ready' &&
    session.me.permissions.includes(casePermissionOf(action)) &&
    mayTakeAction(action, session.me.roles as Role[])
  );
}
