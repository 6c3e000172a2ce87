import { ApiProblem } from '../api/problem';
import { fact, offlineDb, setFact } from './db';

/** A call that never reached the server (no signal, the request aborted): not its refusal. */
export function unreachable(error: unknown): boolean {
  if (error instanceof ApiProblem)
    return error.problem.code === 'NETWORK.FAILED' || error.problem.status === 503;
  return error instanceof TypeError;
}

/**
 * Reads from the server and keeps the answer on the phone; when the server cannot be reached the
 * answer last kept is given instead (and the caller can say how old it is: `savedAt`). A refusal
 * (404, 403…) is never answered from the phone: what she may no longer see is gone.
 */
export async function cachedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  try {
    return await freshRead(key, read);
  } catch (error) {
    if (!unreachable(error)) {
      if (error instanceof ApiProblem && error.problem.status === 404) await forget(key);
      throw error;
    }
    const kept = await offlineDb()
      .reads.get(key)
      .catch(() => undefined);
    if (kept) return kept.data as T;
    throw error;
  }
}

/** Reads from the server only (a sync: an answer from the phone would not be news), and keeps it. */
export async function freshRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const data = await read();
  fromServerAt.set(key, Date.now());
  await keep(key, data);
  return data;
}

// When each key was last answered by the server in this page (not from the phone).
const fromServerAt = new Map<string, number>();
/** The server answered `key` within the last `ms` (a sync need not ask again). */
export const answeredWithin = (key: string, ms: number): boolean =>
  Date.now() - (fromServerAt.get(key) ?? 0) < ms;

export async function keep(key: string, data: unknown): Promise<void> {
  try {
    await offlineDb().reads.put({ key, data, savedAt: new Date().toISOString() });
  } catch {
    // Storage refused (private mode, full): the screen still shows what it read.
  }
}

async function forget(key: string): Promise<void> {
  try {
    await offlineDb().reads.delete(key);
  } catch {
    // Nothing kept.
  }
}

/** When her cases were last read from the server in full (ISO), if ever on this phone. */
export const lastSync = (): Promise<string | undefined> => fact<string>('lastSync');
export const markSynced = (): Promise<void> => setFact('lastSync', new Date().toISOString());
