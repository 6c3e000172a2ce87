import Dexie, { type EntityTable } from 'dexie';
import type { Problem } from '../api/problem';
import type { User } from '../api/session';
import { OFFLINE_DB } from './name';

/**
 * What a phone keeps of its mediator for a village without signal, in IndexedDB (Dexie): the
 * answers she last read (her cases, masked as the API masks them; her agenda; her rooms), her
 * queued writes (the outbox) and a few facts (whose phone this is, when it last synced, the PIN's
 * hash). One user's at a time: another user's login, a logout or a revoked session deletes it.
 */

/** An API answer as last read, by the path and query it was read from. */
export interface CachedRead {
  key: string;
  data: unknown;
  /** When the server gave it (ISO). */
  savedAt: string;
}

/**
 * A write's honest state. 草稿 lives in the form's draft, not here; an item is created 待上传
 * (`queued`) and becomes 已提交 (`confirmed`) only on the server's 2xx. A refusal after it left
 * the form — 409 (`conflict`: the case changed) or another 4xx (`refused`) — waits on 同步 for
 * her to re-apply, edit or discard it.
 */
export type OutboxState = 'queued' | 'confirmed' | 'conflict' | 'refused';

export interface OutboxItem {
  /** Sent as Idempotency-Key: a replay of the same write is answered, never applied twice. */
  key: string;
  /** Order of queueing (sent in that order). */
  seq?: number;
  caseId: string;
  /** What it is, in her words: "调解笔录" etc. */
  label: string;
  /** Whose case, for the list: "张某 与 李某". */
  subject: string;
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  /** The case version it was based on, sent as If-Match. */
  version: number;
  state: OutboxState;
  queuedAt: string;
  attempts: number;
  lastTriedAt?: string;
  /** The server's time of the 2xx (its Date header). */
  confirmedAt?: string;
  /** The answer that refused it. */
  problem?: Problem;
  /** The case as the server had it when it refused (for 同步's side-by-side view). */
  serverCase?: unknown;
  /** Where to edit it: the form's path and draft key, and the form's values as she typed them. */
  form?: { path: string; draftKey: string; values: unknown };
  /** Her own words in it (shown on 同步 and in the logout warning). */
  summary: string;
}

export interface Fact {
  /** `revoked`: an admin ended her session; the phone shows what is unsent until it is wiped. */
  key: 'owner' | 'lastSync' | 'pin' | 'revoked';
  value: unknown;
}

/** The signed-in user as the API described her (opens the app offline). */
export type Owner = User;

class OfflineDb extends Dexie {
  reads!: EntityTable<CachedRead, 'key'>;
  outbox!: EntityTable<OutboxItem, 'seq'>;
  facts!: EntityTable<Fact, 'key'>;

  constructor() {
    super(OFFLINE_DB);
    this.version(1).stores({
      reads: 'key',
      outbox: '++seq, &key, caseId, state',
      facts: 'key',
    });
  }
}

let db: OfflineDb | null = null;
// Set by a wipe until the next sign-in: a screen still unmounting must not create the store anew.
let wiped = false;

export function offlineDb(): OfflineDb {
  if (wiped) throw new Error('the offline store was wiped');
  db ??= new OfflineDb();
  return db;
}

/** The phone holds a store (asked without creating one). */
export const storeExists = (): Promise<boolean> => Dexie.exists(OFFLINE_DB);

export async function fact<T>(key: Fact['key']): Promise<T | undefined> {
  return (await offlineDb().facts.get(key))?.value as T | undefined;
}

export async function setFact(key: Fact['key'], value: unknown): Promise<void> {
  await offlineDb().facts.put({ key, value });
}

/**
 * The store becomes this user's: another user's data (cases, outbox, PIN) is deleted first, so
 * a shared phone never shows one mediator's cases to the next.
 */
export async function adoptOwner(user: Owner): Promise<void> {
  wiped = false;
  const owner = await fact<Owner>('owner');
  if (owner?.id === user.id) {
    // Signed in again (with her new password): what was kept is hers to send.
    await offlineDb().facts.delete('revoked');
    return;
  }
  const store = offlineDb();
  await store.transaction('rw', store.reads, store.outbox, store.facts, async () => {
    await Promise.all([store.reads.clear(), store.outbox.clear(), store.facts.clear()]);
    // Her phone number is not needed to open the app.
    await store.facts.put({ key: 'owner', value: { ...user, phone: null } });
  });
}

/** Deletes the whole store (logout, a revoked session). */
export async function wipeOffline(): Promise<void> {
  wiped = true;
  if (db) {
    db.close();
    db = null;
  }
  await Dexie.delete(OFFLINE_DB);
}
