import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { accessToken, expiresWithin, isOfflineSession, setSession } from './session';
import { ApiProblem, problemOf } from './problem';
import { offlineStoreMayExist } from '../offline/name';

/** Sent on every call: the server then keeps the refresh token in its cookie (CSRF guard). */
// Everything a user reads is Chinese, whatever the browser's language: the API's messages too.
export const WEB_CLIENT_HEADERS = {
  'X-Requested-With': 'mediation-web',
  'Accept-Language': 'zh-CN',
} as const;

/**
 * A GET that index.html already sent for the first screen (window.__earlyGets, keyed by path and
 * query), answered from there once; anything else, or an early call that failed, goes out now.
 */
async function fetchOrEarly(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const key = url.pathname + url.search;
  const early = request.method === 'GET' ? window.__earlyGets?.[key] : undefined;
  if (early) {
    delete window.__earlyGets![key];
    const response = await early;
    if (response) return response;
  }
  return fetch(request);
}

/** Every path of the API, typed from the committed openapi.json (schema.d.ts is generated). */
export const api = createClient<paths>({ headers: WEB_CLIENT_HEADERS, fetch: fetchOrEarly });

let refreshing: Promise<boolean> | null = null;

type RefreshAnswer = components['schemas']['TokenPairView'];
/** How index.html's early refresh ended when it gave no session. */
type EarlyFailure = { offline: true } | { refused: string | null };

/**
 * Why the last refresh gave no session: the server could not be reached (`offline`: the phone
 * may open from what it kept), there is none (`no-session`: log in), or an admin ended it
 * (`revoked`: the user disabled or her password reset; the phone's data is wiped after a warning).
 */
export type RefreshFailure = 'offline' | 'no-session' | 'revoked';
let failure: RefreshFailure | null = null;
export const lastRefreshFailure = (): RefreshFailure | null => failure;
/**
 * A revocation is remembered on the phone (offline/db.ts): the refused refresh clears the cookie,
 * so a reload would only hear "no session" and the warning about unsent work would be lost.
 */
function rememberOnPhone(): void {
  void offlineStoreMayExist()
    .then(async (exists) => {
      if (!exists) return;
      const store = await import('../offline/db');
      if (await store.storeExists()) await store.setFact('revoked', true);
    })
    .catch(() => undefined);
}

/** The phone remembered a revocation that a reload no longer hears (its cookie is gone). */
export const rememberRevoked = (): void => {
  failure = 'revoked';
};
/** A new sign-in, or a logout, starts afresh. */
export const forgetRefreshFailure = (): void => {
  failure = null;
};
const failureOf = (code: unknown): RefreshFailure =>
  code === 'AUTH.SESSION_REVOKED' ? 'revoked' : 'no-session';

declare global {
  interface Window {
    /** The refresh index.html started before this script arrived. */
    __sessionRestore?: Promise<RefreshAnswer | EarlyFailure | null>;
    /** GETs of the first screen index.html sent with that session (null: the call failed). */
    __earlyGets?: Record<string, Promise<Response | null>>;
  }
}

/**
 * The refresh index.html sent while the scripts downloaded, taken once: a refresh token is
 * spent by its use, so the app never sends a second one beside it.
 */
function takeEarlyRestore(): Promise<RefreshAnswer | EarlyFailure | null> | undefined {
  const early = window.__sessionRestore;
  delete window.__sessionRestore;
  return early;
}

/** Exchanges the refresh cookie for a new access token; false when there is no session. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const early = takeEarlyRestore();
      let data: RefreshAnswer | undefined;
      if (early) {
        const answer = await early;
        if (answer && 'accessToken' in answer) data = answer;
        else failure = answer && 'offline' in answer ? 'offline' : failureOf(answer?.refused);
      } else {
        try {
          const {
            data: pair,
            error,
            response,
          } = await raw.POST('/api/v1/auth/refresh', {
            body: {},
          });
          data = pair;
          if (!pair)
            failure =
              response.status >= 500 ? 'offline' : failureOf((error as { code?: unknown })?.code);
        } catch {
          failure = 'offline';
        }
      }
      if (failure === 'revoked') rememberOnPhone();
      if (!data) {
        // Without signal a session opened offline stays open; anything else ends it.
        if (failure !== 'offline') setSession(null);
        return false;
      }
      failure = null;
      setSession({
        accessToken: data.accessToken,
        user: data.user,
        expiresAt: Date.now() + data.expiresIn * 1000,
      });
      return true;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

// The refresh call itself goes through a client without the retry below.
const raw = createClient<paths>({ headers: WEB_CLIENT_HEADERS });

const bearer: Middleware = {
  async onRequest({ request }) {
    // Renewed shortly before it expires, so a write is never sent with a dead token; a session
    // opened offline gets its first token here, once the server answers.
    if (
      (isOfflineSession() || (accessToken() && expiresWithin(30_000))) &&
      !request.url.includes('/auth/')
    ) {
      await refreshSession();
    }
    const token = accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    // Refused all the same (clock skew, a revoked token): refresh once from the cookie and replay
    // a read; a write's body is spent, so it fails and the user sends it again.
    if (response.status !== 401 || !accessToken() || request.url.includes('/auth/')) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      await refreshSession();
      return;
    }
    if (!(await refreshSession())) return;
    const retry = request.clone();
    retry.headers.set('Authorization', `Bearer ${accessToken()}`);
    return fetch(retry);
  },
};
api.use(bearer);

/** The data of a call, or throws its problem (for TanStack Query). */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) {
  const { data, error, response } = await call;
  if (error !== undefined || data === undefined) {
    if (response.ok && response.status === 204) return undefined as T;
    throw new ApiProblem(problemOf(error, response.status));
  }
  return data;
}
