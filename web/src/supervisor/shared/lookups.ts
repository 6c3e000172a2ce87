import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client';

/** The roster in the supervisor's scope (one page of 100: a county has a few dozen mediators). */
export function useRoster() {
  return useQuery({
    queryKey: ['supervisor', 'roster'],
    queryFn: () =>
      must(api.GET('/api/v1/mediators', { params: { query: { page: 1, pageSize: 100 } } })),
    staleTime: 60_000,
  });
}

/** A mediator's name by id ("—" when there is none, the id's start when unknown). */
export function useMediatorName(): (id: string | null | undefined) => string {
  const roster = useRoster();
  const names = new Map(roster.data?.items.map((m) => [m.id, m.displayName]));
  return (id) => (id ? (names.get(id) ?? '（名册外）') : '—');
}

/** Region names by id, for the villages of cases and mediators. */
export function useRegionName(): (id: string | null | undefined) => string {
  const regions = useQuery({
    queryKey: ['supervisor', 'regions'],
    queryFn: () =>
      must(api.GET('/api/v1/regions', { params: { query: { page: 1, pageSize: 100 } } })),
    staleTime: 300_000,
  });
  const names = new Map(regions.data?.items.map((r) => [r.id, r.name]));
  return (id) => (id ? (names.get(id) ?? '') : '');
}
