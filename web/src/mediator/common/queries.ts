import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { useCurrentUser } from '../../api/session';
import { cachedRead } from '../../offline/reads';

/**
 * Her screens read through the phone's store (offline/reads.ts): what the server answers is kept,
 * and without signal the last answer kept is shown. `always`: TanStack Query would otherwise hold
 * every read while the browser says it is offline, and the screen would wait for nothing.
 */
const offlineReady = { networkMode: 'always' } as const;

/** Where each read is kept on the phone. */
export const stored = {
  mine: 'mine',
  case: (id: string) => `case:${id}`,
  sessions: (id: string) => `case:${id}:sessions`,
  family: (id: string) => `case:${id}:family`,
  agenda: 'agenda',
  rooms: 'rooms',
  notifications: 'notifications',
};

/** The server's answers as the phone keeps them (sync/sync-agent.ts reads them fresh). */
export const fromServer = {
  mine: (userId: string) =>
    must(
      api.GET('/api/v1/cases', {
        params: { query: { mediatorId: userId, pageSize: 100, sort: 'deadlineAt' } },
      }),
    ),
  case: (id: string) => must(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  agenda: () => must(api.GET('/api/v1/me/agenda')),
  rooms: async () => {
    const me = await must(api.GET('/api/v1/auth/me'));
    if (!me.organizationId) return { name: '', rooms: [] as string[] };
    const org = await must(
      api.GET('/api/v1/organizations/{id}', { params: { path: { id: me.organizationId } } }),
    );
    return { name: org.name, rooms: org.rooms };
  },
};

const readMyCases = (userId: string) => cachedRead(stored.mine, () => fromServer.mine(userId));
const readCase = (id: string) => cachedRead(stored.case(id), () => fromServer.case(id));

/** Query keys of the mediator's screens; a write invalidates ['case', id] and ['mine']. */
export const keys = {
  mine: ['mine'] as const,
  case: (id: string) => ['case', id] as const,
  sessions: (id: string) => ['case', id, 'sessions'] as const,
  documents: (id: string) => ['case', id, 'documents'] as const,
  notifications: ['notifications'] as const,
};

/** The cases assigned to the signed-in mediator (the API scopes the list to her own). */
export function useMyCases() {
  const user = useCurrentUser();
  return useQuery({
    queryKey: [...keys.mine, user?.id],
    queryFn: () => readMyCases(user?.id ?? ''),
    enabled: Boolean(user),
    ...offlineReady,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: keys.case(id),
    queryFn: () => readCase(id),
    ...offlineReady,
  });
}

/** Her other cases of the same people (the API lists only those she is or was assigned). */
export function useFamily(id: string) {
  return useQuery({
    queryKey: ['case', id, 'family'],
    queryFn: () =>
      cachedRead(stored.family(id), () =>
        must(api.GET('/api/v1/cases/{id}/family', { params: { path: { id } } })),
      ),
    ...offlineReady,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: keys.notifications,
    queryFn: () =>
      cachedRead(stored.notifications, () =>
        must(
          api.GET('/api/v1/notifications', { params: { query: { unread: true, pageSize: 20 } } }),
        ),
      ),
    ...offlineReady,
  });
}

const readMyRooms = () => cachedRead(stored.rooms, fromServer.rooms);

/** The rooms of the mediator's own organisation (for a session's place). */
export function useMyRooms() {
  return useQuery({
    queryKey: ['my-rooms'],
    queryFn: readMyRooms,
    staleTime: 10 * 60_000,
    ...offlineReady,
  });
}

/** After a write: the case, its lists and the mediator's list are read again. */
export function useRefreshCase() {
  const client = useQueryClient();
  return (id: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.case(id) }),
      client.invalidateQueries({ queryKey: keys.mine }),
    ]);
}

/** The sessions of every case the mediator is working on (for 今日 and overlap warnings). */
export function useMySessions() {
  const cases = useMyCases();
  const working = (cases.data?.items ?? []).filter((c) => c.status === 'in_mediation');
  return useQueries({
    queries: working.map((c) => ({
      queryKey: keys.sessions(c.id),
      queryFn: () =>
        cachedRead(stored.sessions(c.id), () =>
          must(api.GET('/api/v1/cases/{id}/sessions', { params: { path: { id: c.id } } })),
        ),
      ...offlineReady,
    })),
    combine: (results) =>
      results.flatMap((r, i) => (r.data ?? []).map((s) => ({ session: s, caseItem: working[i] }))),
  });
}

const readAgenda = () => cachedRead(stored.agenda, fromServer.agenda);

/**
 * The mediator's day from the server (GET /me/agenda): today's sessions on the Shanghai calendar
 * and the follow-up visits due within a week or overdue, each with its case; one request
 * however many cases she has. Under ['mine'], so every write that refreshes her list refreshes it.
 */
export function useAgenda() {
  return useQuery({
    queryKey: [...keys.mine, 'agenda'],
    queryFn: readAgenda,
    ...offlineReady,
  });
}
