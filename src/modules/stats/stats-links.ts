import { parseTemplate } from 'url-template';
import { shanghaiInstant } from '../../common/time/shanghai.js';
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

/** A pure function of a day, remembered: at most a few thousand days. */
const perDay = (f: (day: string) => string): ((day: string) => string) => {
  const known = new Map<string, string>();
  return (day) => {
    let value = known.get(day);
    if (value === undefined) {
      value = f(day);
      if (known.size >= 5_000) known.clear();
      known.set(day, value);
    }
    return value;
  };
};

/**
 * Midnight of an Asia/Shanghai day as an instant. Remembered (a breakdown asks for the same few
 * days once per row; parsing them cost ~0.3 ms a request).
 */
export const shanghaiMidnight = perDay((day) => shanghaiInstant(day).toISOString());
/** The end of an Asia/Shanghai day: the next midnight (remembered like it). */
const shanghaiDayEnd = perDay((day) => shanghaiMidnight(addDays(day, 1)));

const FILTERS: (keyof LinkFilter)[] = [
  'regionId',
  'courtId',
  'mediatorId',
  'assigned',
  'disputeType',
  'dvFlag',
];
const RANGE: Record<Basis, [string, string]> = {
  received: ['receivedFrom', 'receivedTo'],
  closed: ['closedFrom', 'closedTo'],
};
const FILTER_VARS = `{&${FILTERS.join(',')}}`;
const template = (range: Basis, extra = ''): string =>
  `/api/v1/cases?exactTotal=true&${RANGE[range][0]}={from}&${RANGE[range][1]}={to}${extra}${FILTER_VARS}`;

/**
 * For each count, the `GET /api/v1/cases` query that lists exactly the cases behind it, as an
 * RFC 6570 URI template (`exactTotal=true`, so the list's `total` is the count): `from` and `to`
 * are the period's instants, and the filters are added when given. Pure.
 */
export function drillDownTemplates(basis: Basis): Record<string, string> {
  return {
    received: template('received'),
    closed: template('closed'),
    open: template('received', '&open=true'),
    ...Object.fromEntries(RESULT_KINDS.map((kind) => [kind, template(basis, `&result=${kind}`)])),
  };
}

/** The values a figure's templates are expanded with: its period (Asia/Shanghai days) and filters. */
export function drillDownValues(
  filter: LinkFilter,
  from: string,
  to: string,
): Record<string, string> {
  return {
    from: shanghaiMidnight(from),
    to: shanghaiDayEnd(to),
    ...filterValues(filter),
  };
}

/** The filters that are given, as template values. */
function filterValues(filter: LinkFilter): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of FILTERS) {
    if (filter[key] !== undefined) values[key] = String(filter[key]);
  }
  return values;
}

const parsed = new Map<string, ReturnType<typeof parseTemplate>>();
/** Expands a URI template (parsed once). */
const expand = (uriTemplate: string, values: Record<string, string>): string => {
  let found = parsed.get(uriTemplate);
  if (!found) parsed.set(uriTemplate, (found = parseTemplate(uriTemplate)));
  return found.expand(values);
};

/** The templates expanded for one figure: its links. */
export function drillDownLinks(
  filter: LinkFilter,
  basis: Basis,
  from: string,
  to: string,
): Record<string, string> {
  const values = drillDownValues(filter, from, to);
  return Object.fromEntries(
    Object.entries(drillDownTemplates(basis)).map(([count, t]) => [count, expand(t, values)]),
  );
}

/** The case list of the open cases past their deadline now, under the same filters. */
export const overdueLink = (filter: LinkFilter): string =>
  expand(`/api/v1/cases?exactTotal=true&overdue=true${FILTER_VARS}`, filterValues(filter));

/**
 * The re-entry rate's case lists (stats-reentry.ts), by closure instants: `reentered` (the
 * numerator: closed in [start, known) and re-entered), `reentryKnown` (the denominator: closed in
 * [start, known)) and `reentryInWindow` (closed in [known, end), still in their window).
 */
export function reentryLinks(
  filter: LinkFilter,
  start: string,
  known: string,
  end: string,
): Record<string, string> {
  const closed = `/api/v1/cases?exactTotal=true&closedFrom={from}&closedTo={to}`;
  const values = filterValues(filter);
  return {
    reentered: expand(`${closed}&reentered=true${FILTER_VARS}`, {
      ...values,
      from: start,
      to: known,
    }),
    reentryKnown: expand(`${closed}${FILTER_VARS}`, { ...values, from: start, to: known }),
    reentryInWindow: expand(`${closed}${FILTER_VARS}`, { ...values, from: known, to: end }),
  };
}
