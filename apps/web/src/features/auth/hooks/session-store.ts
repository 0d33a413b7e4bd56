import type { MeResponse } from '@shanzhi/shared';
import { useSyncExternalStore } from 'react';
import type { ApiError } from '../../../platform/api/index.js';

/** Where the signed-in user stands in this tab. */
export type SessionState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; me: MeResponse }
  | { status: 'error'; error: ApiError };

// Kept free of API calls and schemas so that the app's entry (the 401 handler) does not pull zod in.
let state: SessionState = { status: 'idle' };
const listeners = new Set<() => void>();

/** Replaces the session state and tells the subscribers. */
export function setSessionState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The current session state, outside React. */
export function getSession(): SessionState {
  return state;
}

/** Records the user the login answer returned, so the shell needs no second round trip. */
export function setSessionUser(me: MeResponse): void {
  setSessionState({ status: 'ready', me });
}

/** Forgets the user (after logout or when the server says the session is gone). */
export function clearSession(): void {
  setSessionState({ status: 'idle' });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session state, re-rendering when it changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession);
}
