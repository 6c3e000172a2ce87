import createClient from 'openapi-fetch';
import type { paths } from '../src/api/schema';
import { WEB_TEST } from './env';

/** The typed API client (generated from openapi.json), for setting up data as a real client. */
export type Api = ReturnType<typeof createClient<paths>>;

export const PASSWORD = 'Web-test-pass-2026';

/**
 * The users world.setup.ts creates, one or more per role, all with PASSWORD. Other test files
 * may add their own users and data in their own setup (see `adminApi` and `apiAs`).
 */
export const USERS = {
  admin: { username: 'admin', displayName: '系统管理员' },
  clerk: { username: 'clerk1', displayName: '王敏' },
  mediator: { username: 'mediator1', displayName: '刘桂兰' },
  supervisor: { username: 'supervisor1', displayName: '陈静' },
} as const;

/** A client logged in as `username` (the JSON flow, as an external system would). */
export async function apiAs(username: string, password = PASSWORD): Promise<Api> {
  const anonymous = createClient<paths>({ baseUrl: WEB_TEST.baseUrl });
  const { data, error } = await anonymous.POST('/api/v1/auth/login', {
    body: { username, password },
  });
  if (!data) throw new Error(`login as ${username} failed: ${JSON.stringify(error)}`);
  return createClient<paths>({
    baseUrl: WEB_TEST.baseUrl,
    headers: { Authorization: `Bearer ${data.accessToken}` },
  });
}

export const adminApi = (): Promise<Api> => apiAs('admin', WEB_TEST.adminPassword);

/** The data of a call (undefined for a 204), or an error naming the call and the problem. */
export async function ok<T>(
  what: string,
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.status === 204) return undefined as T;
  if (data === undefined) throw new Error(`${what}: ${response.status} ${JSON.stringify(error)}`);
  return data;
}

/** Ids world.setup.ts made, looked up by code (the setup writes nothing to disk). */
export async function findRegion(api: Api, code: string): Promise<string> {
  const page = await ok(
    'GET /regions',
    api.GET('/api/v1/regions', { params: { query: { q: code } } }),
  );
  const region = page.items.find((r) => r.code === code);
  if (!region) throw new Error(`no region ${code}`);
  return region.id;
}
