import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { HOME, restoreSession } from '../api/auth';
import { lastRefreshFailure } from '../api/client';
import { RevokedScreen } from './RevokedScreen';
import { useCurrentUser, type Role } from '../api/session';

let restoring: Promise<boolean> | null = null;

/** Everything but the login page: restores the session from the refresh cookie once. */
export function SessionGate() {
  const user = useCurrentUser();
  const location = useLocation();
  const [tried, setTried] = useState(user !== null);
  useEffect(() => {
    if (user || tried) return;
    restoring ??= restoreSession();
    void restoring.finally(() => {
      restoring = null;
      setTried(true);
    });
  }, [user, tried]);
  if (user) return <Outlet />;
  if (!tried)
    return (
      <p role="status" style={{ padding: 24 }}>
        正在加载…
      </p>
    );
  // An admin ended the session: what the phone kept is shown before it is wiped.
  if (lastRefreshFailure() === 'revoked') return <RevokedScreen />;
  const next = location.pathname + location.search;
  return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
}

/** A role's part of the app; anyone else is sent to her own home. */
export function RequireRole({ role }: { role: Role }) {
  const user = useCurrentUser();
  if (!user) return null;
  if (user.role !== role) return <Navigate to={HOME[user.role]} replace />;
  return <Outlet />;
}

export function HomeRedirect() {
  const user = useCurrentUser();
  return user ? <Navigate to={HOME[user.role]} replace /> : null;
}
