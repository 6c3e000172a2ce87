import type { Basis } from './stats-figures.js';
import { RESULT_KINDS } from './stats-figures.js';
import { addDays } from './stats-period.js';

/** The case-list filters a figure stands for. */
export interface LinkFilter {
  regionId?: string;
  courtId?: string;
  mediatorId?: string;
  assigned?: boolean;
  disputeType?: string;
  dvFlag?: boolean;
}

/** Midnight of an Asia/Shanghai day as an instant. */
export const shanghaiMidnight = (day: string): string =>
  new Date(`${day}T00:00:00+08:00`).toISOString();

/**
 * For each count, the `GET /api/v1/cases` query that lists exactly the cases behind it (with
 * `exactTotal=true`, so its `total` is the count). Pure.
 */
export function drillDownLinks(
  filter: LinkFilter,
  basis: Basis,
  from: string,
  to: string,
): Record<string, string> {
  const base = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined) base.set(key, String(value));
  }
  const start = shanghaiMidnight(from);
  const end = shanghaiMidnight(addDays(to, 1));
  const received = { receivedFrom: start, receivedTo: end };
  const closed = { closedFrom: start, closedTo: end };
  const cohort = basis === 'received' ? received : closed;
  const link = (extra: Record<string, string>): string => {
    const params = new URLSearchParams(base);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    params.set('exactTotal', 'true');
    return `/api/v1/cases?${params.toString()}`;
  };
  return {
    received: link(received),
    closed: link(closed),
    open: link({ ...received, open: 'true' }),
    ...Object.fromEntries(RESULT_KINDS.map((kind) => [kind, link({ ...cohort, result: kind })])),
  };
}
