import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { hasPin, IDLE_MS, setLocked, useLocked } from './pin';

// The lock screen is downloaded only when a PIN is set (most phones never show it).
const PinLock = lazy(async () => ({ default: (await import('./PinLock')).PinLock }));

/**
 * Her screens behind the PIN, when she has set one: locked at opening and after IDLE_MS without a
 * touch or a key. The screens stay mounted under the lock (hidden), so nothing typed is lost.
 */
export function PinGuard({ children }: { children: ReactNode }) {
  const locked = useLocked();
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    void hasPin()
      .then((pin) => setLocked(pin))
      .catch(() => setLocked(false))
      .finally(() => setChecked(true));
  }, []);
  useEffect(() => {
    let timer = 0;
    const idle = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        void hasPin().then((pin) => pin && setLocked(true));
      }, IDLE_MS);
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'scroll'] as const;
    for (const e of events) window.addEventListener(e, idle, { passive: true });
    idle();
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, idle);
    };
  }, []);
  if (!checked) return <p role="status">正在加载…</p>;
  return (
    <>
      <div hidden={locked}>{children}</div>
      {locked ? (
        <Suspense fallback={<p role="status">已锁定</p>}>
          <PinLock />
        </Suspense>
      ) : null}
    </>
  );
}
