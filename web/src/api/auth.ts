import {
  api,
  forgetRefreshFailure,
  lastRefreshFailure,
  refreshSession,
  rememberRevoked,
} from './client';
import { problemOf, type Problem } from './problem';
import { currentUser, setSession, type Role, type User } from './session';
import { offlineStoreMayExist } from '../offline/name';

/**
 * The phone's offline store (offline/db.ts, Dexie) is loaded only when it is needed: a desk
 * never downloads it.
 */
const offlineStore = () => import('../offline/db');

/**
 * After a sign-in: a mediator's phone keeps her data for offline use (another user's is deleted
 * first); anyone else's browser keeps none.
 */
async function adopt(user: User): Promise<void> {
  try {
    if (user.role === 'mediator') await (await offlineStore()).adoptOwner(user);
    else if (await offlineStoreMayExist()) await (await offlineStore()).wipeOffline();
  } catch {
    // No IndexedDB (a private window): the app works online only.
  }
}

export type LoginResult = { ok: true; user: User } | { ok: false; problem: Problem };

export async function login(username: string, password: string): Promise<LoginResult> {
  try {
    const { data, error, response } = await api.POST('/api/v1/auth/login', {
      body: { username, password },
    });
    if (!data) return { ok: false, problem: problemOf(error, response.status) };
    forgetRefreshFailure();
    setSession({
      accessToken: data.accessToken,
      user: data.user,
      expiresAt: Date.now() + data.expiresIn * 1000,
    });
    await adopt(data.user);
    return { ok: true, user: data.user };
  } catch {
    return { ok: false, problem: problemOf(undefined, 0) };
  }
}

/**
 * Restores the session after a reload from the refresh cookie. Without signal, a mediator's
 * phone opens from what it kept of her (her cases, her outbox) until the server answers again.
 */
export async function restoreSession(): Promise<boolean> {
  if (await refreshSession()) {
    const user = currentUser();
    if (user) await adopt(user);
    return true;
  }
  try {
    if (!(await offlineStoreMayExist())) return false;
    const store = await offlineStore();
    if (!(await store.storeExists())) return false;
    // Refused once as revoked, the cookie is gone: the next refresh only says "no session". The
    // phone remembers, and keeps showing the warning until its data is wiped.
    if (lastRefreshFailure() !== 'revoked' && (await store.fact<boolean>('revoked')))
      rememberRevoked();
    if (lastRefreshFailure() !== 'offline') return false;
    const owner = await store.fact<User>('owner');
    if (owner?.role !== 'mediator') return false;
    setSession({ accessToken: '', user: owner, offline: true });
    return true;
  } catch {
    return false;
  }
}

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
    forgetRefreshFailure();
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
    try {
      if (await offlineStoreMayExist()) await (await offlineStore()).wipeOffline();
    } catch {
      // No IndexedDB: nothing kept.
    }
  }
}

/** Where each role lands after login. */
export const HOME: Record<Role, string> = {
  clerk: '/clerk',
  mediator: '/mediator',
  supervisor: '/supervisor',
  admin: '/admin',
  // No screens yet (issue #21 is API only): the phone's home until they come.
  sentinel: '/sentinel',
};
