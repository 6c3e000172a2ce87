import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import type { components, operations } from '../api/schema';
import { useCurrentUser } from '../api/session';

export type CaseDetail = components['schemas']['CaseDetailView'];
export type CaseSummary = components['schemas']['CaseSummaryView'];
export type CaseFilters = NonNullable<operations['Cases_list']['parameters']['query']>;

export const caseKey = (id: string) => ['case', id] as const;

export function useCaseList(filters: CaseFilters) {
  return useQuery({
    queryKey: ['cases', filters],
    queryFn: () => must(api.GET('/api/v1/cases', { params: { query: filters } })),
    placeholderData: (previous) => previous,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => must(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: ['case', id, 'timeline'],
    queryFn: () => must(api.GET('/api/v1/cases/{id}/timeline', { params: { path: { id } } })),
  });
}

/** The other cases of the same people that she may see (家庭记录). */
export function useFamily(id: string) {
  return useQuery({
    queryKey: ['case', id, 'family'],
    queryFn: () => must(api.GET('/api/v1/cases/{id}/family', { params: { path: { id } } })),
  });
}

/** The villages of the clerk's court's jurisdiction (a case is located at one). */
export function useVillages() {
  const user = useCurrentUser();
  return useQuery({
    queryKey: ['villages', user?.courtId],
    enabled: Boolean(user?.courtId),
    queryFn: async () => {
      const court = await must(
        api.GET('/api/v1/courts/{id}', { params: { path: { id: user!.courtId! } } }),
      );
      const page = await must(
        api.GET('/api/v1/regions', {
          params: { query: { rootId: court.regionId, level: 'village', pageSize: 100 } },
        }),
      );
      return { court, villages: page.items };
    },
    staleTime: 10 * 60_000,
  });
}

/** A wall-clock date and time entered in the form, as Asia/Shanghai with its offset. */
export const shanghai = (value: { format(template: string): string }): string =>
  `${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;

/** Date pickers show 2026年12月4日 and also take 2026-12-04 as typed. */
export const DATE_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD'];
