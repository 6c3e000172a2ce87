import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { useCurrentUser } from '../../api/session';

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
    queryFn: () =>
      must(
        api.GET('/api/v1/cases', {
          params: { query: { mediatorId: user?.id, pageSize: 100, sort: 'deadlineAt' } },
        }),
      ),
    enabled: Boolean(user),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: keys.case(id),
    queryFn: () => must(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: keys.notifications,
    queryFn: () =>
      must(api.GET('/api/v1/notifications', { params: { query: { unread: true, pageSize: 20 } } })),
  });
}

/** The rooms of the mediator's own organisation (for a session's place). */
export function useMyRooms() {
  return useQuery({
    queryKey: ['my-rooms'],
    queryFn: async () => {
      const me = await must(api.GET('/api/v1/auth/me'));
      if (!me.organizationId) return { name: '', rooms: [] as string[] };
      const org = await must(
        api.GET('/api/v1/organizations/{id}', { params: { path: { id: me.organizationId } } }),
      );
      return { name: org.name, rooms: org.rooms };
    },
    staleTime: 10 * 60_000,
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
        must(api.GET('/api/v1/cases/{id}/sessions', { params: { path: { id: c.id } } })),
    })),
    combine: (results) =>
      results.flatMap((r, i) => (r.data ?? []).map((s) => ({ session: s, caseItem: working[i] }))),
  });
}

/**
 * The mediator's day from the server (GET /me/agenda): today's sessions on the Shanghai calendar
 * and the follow-up visits due within a week or overdue, each with its case; one request
 * however many cases she has. Under ['mine'], so every write that refreshes her list refreshes it.
 */
export function useAgenda() {
  return useQuery({
    queryKey: [...keys.mine, 'agenda'],
    queryFn: () => must(api.GET('/api/v1/me/agenda')),
  });
}
