import type { MeResponse } from '@shanzhi/shared';
import { useSession } from '../../auth/hooks/use-session.js';

/** The signed-in grid worker, for the phone app's pages (its shell renders them only once he is known). */
export function usePhoneUser(): MeResponse {
  const session = useSession();
  if (session.status !== 'ready')
    throw new Error('the phone app renders its pages once the session is ready');
  return session.me;
}
