import { useEffect, useSyncExternalStore } from 'react';

/**
 * 长辈版 (large type): on by default for mediators, remembered in this browser. Off is stored
 * as a word in localStorage, which logout clears (so the next person starts in 长辈版 again).
 */
const KEY = 'mediator.largeType';
const listeners = new Set<() => void>();

const read = (): boolean => {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
};

export function setLargeType(on: boolean): void {
  try {
    if (on) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, 'off');
  } catch {
    // Private mode: the switch still works for this page.
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useLargeType = (): boolean => useSyncExternalStore(subscribe, read);

/** Marks <html> while a mediator screen is shown, so the phone CSS applies to the whole frame. */
export function useMediatorFrame(): boolean {
  const large = useLargeType();
  useEffect(() => {
    const html = document.documentElement;
    html.classList.add('med-root');
    html.classList.toggle('med-large', large);
    return () => html.classList.remove('med-root', 'med-large');
  }, [large]);
  return large;
}
