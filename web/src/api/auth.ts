import { api, refreshSession } from './client';
import { problemOf, type Problem } from './problem';
import { setSession, type Role, type User } from './session';

export type LoginResult = { ok: true; user: User } | { ok: false; problem: Problem };

export async function login(username: string, password: string): Promise<LoginResult> {
  try {
    const { data, error, response } = await api.POST('/api/v1/auth/login', {
      body: { username, password },
    });
    if (!data) return { ok: false, problem: problemOf(error, response.status) };
    setSession({
      accessToken: data.accessToken,
      user: data.user,
      expiresAt: Date.now() + data.expiresIn * 1000,
    });
    return { ok: true, user: data.user };
  } catch {
    return { ok: false, problem: problemOf(undefined, 0) };
  }
}

/** Restores the session after a reload from the refresh cookie. */
export const restoreSession = (): Promise<boolean> => refreshSession();

const cleanups = new Set<() => void | Promise<void>>();

/**
 * A role folder that stores anything in the browser (an offline queue, drafts) registers here
 * how to delete it; logout runs every cleanup.
 */
export function onLogout(cleanup: () => void | Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Ends the session on the server (which clears the refresh cookie) and forgets everything the
 * app held: the access token, the user, every cached query, web storage and what role folders
 * registered with onLogout.
 */
export async function logout(): Promise<void> {
  try {
    await api.POST('/api/v1/auth/logout');
  } catch {
    // Offline: the local state is cleared all the same; the server session expires by itself.
  } finally {
    setSession(null);
    // What index.html fetched early for the first screen and nobody took.
    delete window.__earlyGets;
    delete window.__sessionRestore;
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch {
        // One failing cleanup must not keep the others from running.
      }
    }
    sessionStorage.clear();
    localStorage.clear();
  }
}

/** Where each role lands after login. */
export const HOME: Record<Role, string> = {
  clerk: '/clerk',
  mediator: '/mediator',
  supervisor: '/supervisor',
  admin: '/admin',
};
