import { useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { LEVEL_LABELS, type RegionLevel } from './labels';

export type RegionView = components['schemas']['RegionView'];
export type CourtView = components['schemas']['CourtView'];
export type OrganizationView = components['schemas']['OrganizationView'];
export type UserView = components['schemas']['UserView'];

/** Every court (a city has a handful; the API pages at 100). */
export function useAllCourts() {
  return useQuery({
    queryKey: ['admin', 'courts', 'all'],
    queryFn: () => must(api.GET('/api/v1/courts', { params: { query: { pageSize: 100 } } })),
  });
}

export function useAllOrganizations() {
  return useQuery({
    queryKey: ['admin', 'organizations', 'all'],
    queryFn: () => must(api.GET('/api/v1/organizations', { params: { query: { pageSize: 100 } } })),
  });
}

/** Names of the regions with these ids, fetched one by one (cached; a page holds few). */
export function useRegionNames(ids: (string | null | undefined)[]): Map<string, RegionView> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['admin', 'region', id],
      queryFn: () => must(api.GET('/api/v1/regions/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
    })),
  });
  const map = new Map<string, RegionView>();
  for (const r of results) if (r.data) map.set(r.data.id, r.data);
  return map;
}

/** Names of the users with these ids (for the audit trail's actors). */
export function useUserNames(ids: (string | null | undefined)[]): Map<string, UserView> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['admin', 'user', id],
      queryFn: () => must(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const map = new Map<string, UserView>();
  for (const r of results) if (r.data) map.set(r.data.id, r.data);
  return map;
}

export const regionLabel = (r: RegionView): string =>
  `${r.name}（${LEVEL_LABELS[r.level]}，${r.code}）`;

/**
 * A region (or several, with `multiple`) picked by typing its name or code (the API searches
 * both), limited to some levels. The value is the region's id, or ids, as forms send them.
 */
export function RegionSelect({
  id,
  value,
  onChange,
  levels,
  multiple,
  placeholder = '输入名称或区划代码搜索',
  disabled,
  'aria-label': ariaLabel,
}: {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  levels?: readonly RegionLevel[];
  multiple?: boolean;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}) {
  const [q, setQ] = useState('');
  const level = levels?.length === 1 ? levels[0] : undefined;
  const search = useQuery({
    queryKey: ['admin', 'regions', 'search', q, level],
    queryFn: () =>
      must(
        api.GET('/api/v1/regions', {
          params: { query: { pageSize: 50, ...(q ? { q } : {}), ...(level ? { level } : {}) } },
        }),
      ),
  });
  const chosen = value ? (Array.isArray(value) ? value : [value]) : [];
  const selected = useRegionNames(chosen);
  const options = useMemo(() => {
    const items = (search.data?.items ?? []).filter((r) => !levels || levels.includes(r.level));
    for (const r of selected.values()) if (!items.some((i) => i.id === r.id)) items.unshift(r);
    return items.map((r) => ({ value: r.id, label: regionLabel(r) }));
  }, [search.data, selected, levels]);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      disabled={disabled}
      value={multiple ? chosen : (chosen[0] ?? undefined)}
      onChange={(v: string | string[] | undefined) => onChange?.(v)}
      options={options}
      loading={search.isFetching}
      placeholder={placeholder}
      notFoundContent={search.isFetching ? '正在搜索…' : '没有符合的区划'}
    />
  );
}
