import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { lastRefreshFailure, refreshSession, WEB_CLIENT_HEADERS } from '../api/client';
import { ApiProblem, problemOf, type Problem } from '../api/problem';
import { accessToken, expiresWithin } from '../api/session';
import { offlineDb, type OutboxItem } from './db';
import { unreachable } from './reads';

/**
 * The outbox: every write of hers that a village may cut off goes here first, is sent in the
 * order she made it, and leaves only on the server's answer. Each item carries its own
 * Idempotency-Key (a write that reached the server but whose answer was lost is answered again,
 * never applied twice) and the case version it was based on (If-Match: a case that changed
 * meanwhile is a conflict for her to settle, never overwritten).
 */

export type NewWrite = Pick<
  OutboxItem,
  'caseId' | 'label' | 'subject' | 'method' | 'path' | 'body' | 'version' | 'form' | 'summary'
>;

/** The session is gone (expired, or revoked by the admin): nothing can be sent until she logs in. */
export class SessionLost extends Error {
  constructor(readonly revoked: boolean) {
    super(revoked ? 'session revoked' : 'session expired');
  }
}

/** The answer to a write sent from a form: confirmed now, or kept for later (no signal). */
export type Submitted =
  | { state: 'confirmed'; data: unknown; confirmedAt: string }
  | { state: 'queued'; item: OutboxItem };

const KEEP_CONFIRMED = 30;
const listeners = new Set<(item: OutboxItem) => void>();

/** Called with each item the server confirms (the screens read its case again). */
export function onConfirmed(listener: (item: OutboxItem) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** 8–128 of [A-Za-z0-9._:-], from the browser's random source (randomUUID needs https). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `fm-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// One sender at a time in this tab: a form's write waits for a flush in progress (another tab
// sending the same item is answered by the server from its Idempotency-Key).
let chain: Promise<unknown> = Promise.resolve();
function exclusive<T>(run: () => Promise<T>): Promise<T> {
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}

const pendingOn = (caseId: string) =>
  offlineDb()
    .outbox.where('caseId')
    .equals(caseId)
    .filter((i) => i.state !== 'confirmed')
    .count();

/**
 * Queues a write and sends it at once when it can. Her own writes still waiting on the same case
 * each add one to the version it is based on (every write moves the case on by one), so a
 * session recorded after a queued one is not a conflict with herself. A refusal here, while the
 * form is still open, is thrown (the form shows it beside the fields; the item is dropped, the
 * form still holds every word); a write that cannot reach the server stays queued.
 */
export async function submitWrite(write: NewWrite): Promise<Submitted> {
  const store = offlineDb();
  const item: OutboxItem = {
    ...write,
    version: write.version + (await pendingOn(write.caseId)),
    key: newKey(),
    state: 'queued',
    queuedAt: new Date().toISOString(),
    attempts: 0,
  };
  item.seq = await store.outbox.add(item);
  return exclusive(async () => {
    const answer = await sendOne(item, 'form');
    if (answer.state === 'confirmed') return answer;
    return { state: 'queued', item };
  });
}

type Sent =
  | { state: 'confirmed'; data: unknown; confirmedAt: string }
  | { state: 'queued' }
  | { state: 'settle' };

async function send(item: OutboxItem): Promise<Response> {
  if (!accessToken() || expiresWithin(30_000)) await refreshSession();
  if (!accessToken()) {
    if (lastRefreshFailure() === 'offline') throw new TypeError('offline');
    throw new SessionLost(lastRefreshFailure() === 'revoked');
  }
  const go = () =>
    fetch(item.path, {
      method: item.method,
      headers: {
        ...WEB_CLIENT_HEADERS,
        'Content-Type': 'application/json',
        Authorization: `Bearer ${accessToken()}`,
        'Idempotency-Key': item.key,
        'If-Match': `"${item.version}"`,
      },
      body: JSON.stringify(item.body),
    });
  let response = await go();
  if (response.status === 401) {
    if (!(await refreshSession())) {
      if (lastRefreshFailure() === 'offline') throw new TypeError('offline');
      throw new SessionLost(lastRefreshFailure() === 'revoked');
    }
    response = await go();
  }
  return response;
}

async function sendOne(item: OutboxItem, from: 'form' | 'flush'): Promise<Sent> {
  const store = offlineDb();
  const tried = { attempts: item.attempts + 1, lastTriedAt: new Date().toISOString() };
  let response: Response;
  try {
    response = await send(item);
  } catch (error) {
    await store.outbox.update(item.seq!, tried);
    if (unreachable(error)) return { state: 'queued' };
    throw error;
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const date = response.headers.get('Date');
    const confirmedAt = date ? new Date(date).toISOString() : new Date().toISOString();
    const done = { ...item, ...tried, state: 'confirmed' as const, confirmedAt };
    await store.outbox.put(done);
    await pruneConfirmed();
    for (const listener of listeners) listener(done);
    return { state: 'confirmed', data: body, confirmedAt };
  }
  const problem: Problem = problemOf(body, response.status);
  // The server could not take it now (overloaded, down): it stays queued.
  if (response.status >= 500 || response.status === 429) {
    await store.outbox.update(item.seq!, { ...tried, problem });
    return { state: 'queued' };
  }
  if (from === 'form') {
    await store.outbox.delete(item.seq!);
    throw new ApiProblem(problem);
  }
  await store.outbox.update(item.seq!, {
    ...tried,
    problem,
    state: response.status === 409 ? 'conflict' : 'refused',
    serverCase: await serverCase(item.caseId),
  });
  return { state: 'settle' };
}

/** The case as the server has it now (for the side-by-side view), or undefined. */
async function serverCase(caseId: string): Promise<unknown> {
  try {
    const response = await fetch(`/api/v1/cases/${caseId}`, {
      headers: { ...WEB_CLIENT_HEADERS, Authorization: `Bearer ${accessToken()}` },
    });
    return response.ok ? await response.json() : problemOf(await response.json(), response.status);
  } catch {
    return undefined;
  }
}

async function pruneConfirmed(): Promise<void> {
  const confirmed = await offlineDb().outbox.where('state').equals('confirmed').sortBy('seq');
  const old = confirmed.slice(0, Math.max(0, confirmed.length - KEEP_CONFIRMED));
  await offlineDb().outbox.bulkDelete(old.map((i) => i.seq!));
}

export interface Flushed {
  sent: number;
  /** Still waiting: no signal, or the server busy. */
  waiting: number;
  /** The session is gone: she must log in again (or was revoked). */
  sessionLost?: SessionLost;
}

/**
 * Sends every queued write in order. Stops at the first that cannot reach the server (the rest
 * would not either, and order is kept); a refused one is set aside for 同步 and the next is sent.
 */
export function flushOutbox(): Promise<Flushed> {
  return exclusive(async () => {
    const queued = await offlineDb().outbox.where('state').equals('queued').sortBy('seq');
    let sent = 0;
    for (const [index, item] of queued.entries()) {
      try {
        const answer = await sendOne(item, 'flush');
        if (answer.state === 'queued') return { sent, waiting: queued.length - index };
        if (answer.state === 'confirmed') sent += 1;
      } catch (error) {
        if (error instanceof SessionLost)
          return { sent, waiting: queued.length - index, sessionLost: error };
        throw error;
      }
    }
    return { sent, waiting: 0 };
  });
}

/** Re-applies a refused write to the case as it is now: its current version, a new key. */
export async function reapply(item: OutboxItem, currentVersion: number): Promise<void> {
  await offlineDb().outbox.update(item.seq!, {
    state: 'queued',
    version: currentVersion,
    key: newKey(),
    problem: undefined,
    serverCase: undefined,
    attempts: 0,
  });
}

export const discard = (item: OutboxItem): Promise<void> => offlineDb().outbox.delete(item.seq!);

/** Every item, oldest first, kept up to date as the outbox changes. */
export function useOutbox(): OutboxItem[] | undefined {
  const [items, setItems] = useState<OutboxItem[]>();
  useEffect(() => {
    const subscription = liveQuery(() => offlineDb().outbox.orderBy('seq').toArray()).subscribe({
      next: setItems,
      error: () => setItems([]),
    });
    return () => subscription.unsubscribe();
  }, []);
  return items;
}

/** Items not yet confirmed (queued, or refused and waiting for her). */
export const unsent = (items: OutboxItem[] | undefined): OutboxItem[] =>
  (items ?? []).filter((i) => i.state !== 'confirmed');

/** How many writes wait to be sent. */
export const countQueued = (): Promise<number> =>
  offlineDb().outbox.where('state').equals('queued').count();

/** Every item not yet confirmed, read once (the logout warning). */
export const readUnsent = async (): Promise<OutboxItem[]> =>
  unsent(await offlineDb().outbox.orderBy('seq').toArray());
