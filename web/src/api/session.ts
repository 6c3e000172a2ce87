import { useSyncExternalStore } from 'react';
import type { components } from './schema';

export type User = components['schemas']['UserView'];
export type Role = User['role'];

/**
 * The signed-in user and the access token, in memory only: nothing is written to
 * localStorage or sessionStorage. The refresh token is an httpOnly cookie the page never sees.
 */
interface Session {
  accessToken: string;
  user: User;
  /** When the access token expires (ms since epoch), if known. */
  expiresAt?: number;
  /**
   * Opened without signal from what the phone kept of her (offline/db.ts): no token yet; the
   * first call that reaches the server restores the session from the refresh cookie.
   */
  offline?: boolean;
}

let current: Session | null = null;
const listeners = new Set<() => void>();

export function setSession(next: Session | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export const accessToken = (): string | null => current?.accessToken ?? null;
/** The access token expires within `ms`. */
export const expiresWithin = (ms: number): boolean =>
  current?.expiresAt !== undefined && current.expiresAt - Date.now() < ms;
export const currentUser = (): User | null => current?.user ?? null;
/** The app was opened offline and has not reached the server since. */
export const isOfflineSession = (): boolean => current?.offline === true;

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The signed-in user, re-rendering on login and logout. */
export function useCurrentUser(): User | null {
  return useSyncExternalStore(subscribe, currentUser);
}
