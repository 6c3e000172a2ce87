import { liveQuery } from 'dexie';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { currentUser } from '../../api/session';
import { queryClient } from '../../app/query';
import { fact } from '../../offline/db';
import { countQueued, flushOutbox, onConfirmed, type Flushed } from '../../offline/outbox';
import { answeredWithin, freshRead, markSynced } from '../../offline/reads';
import { fromServer, keys, stored } from '../common/queries';

/**
 * Keeps the phone and the server in step: sends the outbox, then reads her cases (each one's
 * detail too, so that any of them opens without signal), her agenda and her rooms into the phone.
 * Runs when the app opens, when the phone comes back online, from 立即上传, and every minute while
 * something waits. The legal clock stays the server's: nothing here dates anything.
 */

/** The last run's outcome, for the status bar and 同步. */
export interface SyncState {
  running: boolean;
  last?: Flushed & { at: string };
  /** The session expired: she must log in again before anything is sent. */
  loginNeeded?: boolean;
}

let state: SyncState = { running: false };
const listeners = new Set<() => void>();
const set = (next: SyncState) => {
  state = next;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
export const useSyncState = (): SyncState => useSyncExternalStore(subscribe, () => state);

/** Only cases she still works on are read in full (closed ones while a visit is due). */
const MAX_DETAILS = 40;

/** What the screens read from the server less than this ago is not read again. */
const FRESH_MS = 60_000;

type MyCases = Awaited<ReturnType<typeof fromServer.mine>>;

async function readAll(userId: string): Promise<void> {
  const shown = queryClient.getQueryData<MyCases>([...keys.mine, userId]);
  const list =
    shown && answeredWithin(stored.mine, FRESH_MS)
      ? shown
      : await freshRead(stored.mine, () => fromServer.mine(userId));
  queryClient.setQueryData([...keys.mine, userId], list);
  const open = list.items.filter((c) => c.status !== 'closed').slice(0, MAX_DETAILS);
  for (const c of open)
    queryClient.setQueryData(
      keys.case(c.id),
      await freshRead(stored.case(c.id), () => fromServer.case(c.id)),
    );
  await Promise.all([
    answeredWithin(stored.agenda, FRESH_MS) ? null : freshRead(stored.agenda, fromServer.agenda),
    answeredWithin(stored.rooms, 10 * FRESH_MS) ? null : freshRead(stored.rooms, fromServer.rooms),
  ]);
  await markSynced();
}

let running: Promise<void> | null = null;
const OPENING_DELAY_MS = 2_000;

// Asked for while a run was under way (a write re-applied on 同步, 立即上传): once more after it,
// since that run may have sent the outbox already.
let again = false;

async function runOnce(): Promise<void> {
  const flushed = await flushOutbox();
  set({
    ...state,
    last: { ...flushed, at: new Date().toISOString() },
    loginNeeded: Boolean(flushed.sessionLost && !flushed.sessionLost.revoked),
  });
  const user = currentUser();
  if (!flushed.sessionLost && navigator.onLine && user) await readAll(user.id);
}

/** One run; a call while one runs makes it run once more when it ends. */
export function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    set({ ...state, running: true });
    try {
      do {
        again = false;
        try {
          await runOnce();
        } catch {
          // No signal halfway: the next run goes on from where this one stopped.
        }
      } while (again);
    } finally {
      set({ ...state, running: false });
      running = null;
    }
  })();
  return running;
}

/** Mounted once under /mediator: the triggers of syncNow. */
export function useSyncAgent(): void {
  useEffect(() => {
    // At opening the first screen's reads go first; the rest of her cases follow a little later.
    const opening = window.setTimeout(() => void syncNow(), OPENING_DELAY_MS);
    const online = () => void syncNow();
    window.addEventListener('online', online);
    // A write confirmed from the outbox: its case and her lists are read again.
    const off = onConfirmed((item) => {
      void queryClient.invalidateQueries({ queryKey: keys.case(item.caseId) });
      void queryClient.invalidateQueries({ queryKey: keys.mine });
    });
    // Something waits: tried again every minute (the online event is not fired on every return of
    // a weak signal).
    const timer = window.setInterval(() => {
      void countQueued().then((n) => {
        if (n > 0 && navigator.onLine) void syncNow();
      });
    }, 60_000);
    return () => {
      window.removeEventListener('online', online);
      off();
      window.clearInterval(timer);
      window.clearTimeout(opening);
    };
  }, []);
}

/** When the phone last read her cases from the server (ISO), live. */
export function useLastSync(): string | undefined {
  const [at, setAt] = useState<string>();
  useEffect(() => {
    const subscription = liveQuery(() => fact<string>('lastSync')).subscribe({
      next: setAt,
      error: () => setAt(undefined),
    });
    return () => subscription.unsubscribe();
  }, []);
  return at;
}

/** The browser's word on the network, live. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
  );
}
