import { useSyncExternalStore } from 'react';
import { fact, setFact } from '../../offline/db';

/**
 * The PIN that locks the app on a phone shared with the family: asked when the app opens and after
 * IDLE_MS without a touch. Kept as a PBKDF2 hash with its salt (never the digits); forgotten with
 * the rest of the phone's data at logout.
 */
export const IDLE_MS = 5 * 60_000;
const ITERATIONS = 150_000;
/** After this many wrong tries, a wait before the next. */
export const TRIES = 5;
export const WAIT_MS = 30_000;

interface StoredPin {
  salt: string;
  hash: string;
}

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

async function derive(pin: string, salt: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: new TextEncoder().encode(salt),
      iterations: ITERATIONS,
    },
    key,
    256,
  );
  return hex(bits);
}

/** A PIN is 4 to 6 digits. */
export const pinFormatOk = (pin: string): boolean => /^\d{4,6}$/.test(pin);
/** The browser can hash a PIN (WebCrypto needs https or localhost). */
export const pinSupported = (): boolean => Boolean(globalThis.crypto?.subtle);

export const hasPin = async (): Promise<boolean> => Boolean(await fact<StoredPin>('pin'));

export async function setPin(pin: string): Promise<void> {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  await setFact('pin', { salt, hash: await derive(pin, salt) });
}

export async function removePin(): Promise<void> {
  await setFact('pin', null);
}

export async function pinMatches(pin: string): Promise<boolean> {
  const stored = await fact<StoredPin>('pin');
  return Boolean(stored) && (await derive(pin, stored!.salt)) === stored!.hash;
}

// Whether the screens are locked now (in memory: a reload asks again, as opening the app does).
let locked = false;
const listeners = new Set<() => void>();
export function setLocked(next: boolean): void {
  locked = next;
  for (const listener of listeners) listener();
}
export const useLocked = (): boolean =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => locked,
  );
