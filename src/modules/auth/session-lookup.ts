import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/context/request-context.js';

/**
 * The one query behind every authenticated request: the user, her scope root and the state of
 * the session named in the token. A disabled user or a revoked/expired session yields null.
 */
const SQL = `
  SELECT u.id, u.username, u.display_name, u.role, u.court_id, u.region_id, u.organization_id,
         COALESCE(r.path, cr.path) AS scope_path
    FROM auth_sessions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN regions r ON r.id = u.region_id
    LEFT JOIN courts c ON c.id = u.court_id
    LEFT JOIN regions cr ON cr.id = c.region_id
   WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`;

interface Row {
  id: string;
  username: string;
  display_name: string;
  role: AuthUser['role'];
  court_id: string | null;
  region_id: string | null;
  organization_id: string | null;
  scope_path: string | null;
}

export async function loadSessionUser(
  dataSource: DataSource,
  userId: string,
  sessionId: string,
): Promise<AuthUser | null> {
  const rows: Row[] = await dataSource.query(SQL, [sessionId, userId]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    courtId: row.court_id,
    regionId: row.region_id,
    organizationId: row.organization_id,
    // A clerk's scope is her court's jurisdiction even if a region is also set on her.
    scopePath: row.role === 'admin' ? null : row.scope_path,
    sessionId,
  };
}
