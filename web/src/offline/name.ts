/** The phone's IndexedDB database (offline/db.ts); named here so the session can ask for it cheaply. */
export const OFFLINE_DB = 'mediator-offline';

/**
 * The browser holds the phone's store: asked of IndexedDB itself, so that a desk, which never has
 * one, does not download Dexie to find out. (A browser without `databases()` answers yes.)
 */
export async function offlineStoreMayExist(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((d) => d.name === OFFLINE_DB);
  } catch {
    return true;
  }
}
