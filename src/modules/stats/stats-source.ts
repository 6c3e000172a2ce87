import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/context/request-context.js';
import { subtreeEnd } from '../../common/scope/scope-rules.js';
import { preparedPoolQuery } from '../../common/sql/prepared.js';
import {
  addCounterText,
  type Basis,
  bucketOfFact,
  COUNTERS,
  CROSS_BASIS_COUNTERS,
  type Counter,
  type Counters,
  DURATION_BUCKETS,
  zeroCounters,
} from './stats-figures.js';
import { type PeriodPlan, splitYears } from './stats-period.js';

/**
 * The case scope rule's columns for statistics read from `cases` (alias `c`): like every figure, a
 * mediator's are the cases she holds now.
 */
export const STATS_CASE_SCOPE_COLUMNS = {
  courtId: 'c.court_id',
  regionPath: 'c.region_path',
  everAssigned: 'c.mediator_id = :scopeUserId',
};

/** The filters every statistics route takes, already checked against the user's scope. */
export interface StatsFilter {
  /** Materialised path of the `regionId` filter (a subtree). */
  regionPath?: string;
  courtId?: string;
  disputeType?: string;
  dvFlag?: boolean;
  /** Only these mediators' cases (the village cube or the facts). */
  mediatorIds?: string[];
}

/**
 * Where the sums come from. The township cube serves any question that needs no village or
 * mediator (a city's year is a few thousand rows); the village cube the rest; the per-case facts the
 * days of a month the period cuts. Over every dispute type and DV flag the totals cube (township ×
 * court) answers, and at a county or above the county cube (a city's year is 240 rows).
 */
type Source = 'county' | 'totals' | 'township' | 'monthly' | 'facts';
/** The two cubes over all kinds also come by calendar year (migration AddCaseStatsYearly). */
type Read = Source | 'county_yearly' | 'totals_yearly';
const TABLES: Record<Read, string> = {
  county_yearly: 'case_stats_county_yearly',
  totals_yearly: 'case_stats_totals_yearly',
  county: 'case_stats_county',
  totals: 'case_stats_totals',
  township: 'case_stats_township',
  monthly: 'case_stats_monthly',
  facts: 'case_stats_facts',
};

class Sql {
  readonly where: string[] = [];
  /** Parameters may be shared by several statements joined into one. */
  constructor(readonly params: unknown[] = []) {}
  add(condition: (p: string) => string, value: unknown): void {
    this.params.push(value);
    this.where.push(condition(`$${this.params.length}`));
  }
  /** The path column inside the subtree at `path` (see `subtreeCondition`). */
  subtree(column: string, path: string): void {
    this.add((p) => `${column} >= ${p} COLLATE "C"`, path);
    this.add((p) => `${column} < ${p} COLLATE "C"`, subtreeEnd(path));
  }
}

/** Paths at or above a township can be answered from the township cube (its paths end there). */
export interface PathLevels {
  /** True when the path is a township or one of its ancestors. */
  coarse(path: string): boolean;
  /** True when the path is a county or one of its ancestors (the county cube's paths end there). */
  county(path: string): boolean;
}

export const DIMENSIONS = [
  'township',
  'village',
  'mediator',
  'court',
  'disputeType',
  'month',
  'dvFlag',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The group key of a dimension in each source, as text; null where the source lacks it. */
const GROUP_KEYS: Record<Dimension, Record<Source, string | null>> = {
  township: {
    county: null,
    totals: 'township_path',
    township: 'township_path',
    monthly: null,
    facts: 'township_path',
  },
  village: {
    county: null,
    totals: null,
    township: null,
    monthly: 'region_id::text',
    facts: 'region_id::text',
  },
  mediator: {
    county: null,
    totals: null,
    township: null,
    monthly: 'mediator_id::text',
    facts: 'mediator_id::text',
  },
  court: {
    county: 'court_id::text',
    totals: 'court_id::text',
    township: 'court_id::text',
    monthly: 'court_id::text',
    facts: 'court_id::text',
  },
  disputeType: {
    county: null,
    totals: null,
    township: 'dispute_type',
    monthly: 'dispute_type',
    facts: 'dispute_type',
  },
  month: {
    county: 'month::text',
    totals: 'month::text',
    township: 'month::text',
    monthly: 'month::text',
    facts: `date_trunc('month', day)::date::text`,
  },
  dvFlag: {
    county: null,
    totals: null,
    township: 'dv_flag::text',
    monthly: 'dv_flag::text',
    facts: 'dv_flag::text',
  },
};

/** The per-case facts keep `duration_days` alone: the histogram buckets are derived from it. */
const FACT_BUCKETS = new Map(DURATION_BUCKETS.map((b) => [b.name as Counter, bucketOfFact(b)]));
const summed = (source: Read, c: Counter): string =>
  `sum(${(source === 'facts' && FACT_BUCKETS.get(c)) || c})`;

/**
 * Sums for each basis, per group key ('' without a dimension; a null key is 'none'). Of the basis
 * other than the one asked for, only CROSS_BASIS_COUNTERS are summed (the rest stay 0).
 */
export type Sums = Map<string, Record<Basis, Counters>>;

/** The subtrees a question is confined to: its region filter and a supervisor's scope. */
const pathsOf = (user: AuthUser, filter: StatsFilter): string[] =>
  [filter.regionPath, user.role === 'supervisor' ? user.scopePath : null].filter(
    (p): p is string => !!p,
  );

/**
 * The county-level rollups (the county cubes, the open cases' deadlines) answer a question over
 * every dispute type and DV flag, at a county or above, that is not about mediators' own cases.
 */
export function countyAnswers(user: AuthUser, filter: StatsFilter, levels: PathLevels): boolean {
  return (
    user.role !== 'mediator' &&
    !filter.mediatorIds &&
    !filter.disputeType &&
    filter.dvFlag === undefined &&
    pathsOf(user, filter).every((p) => levels.county(p))
  );
}

export async function sumCounters(
  ds: DataSource,
  user: AuthUser,
  filter: StatsFilter,
  plan: PeriodPlan,
  levels: PathLevels,
  basis: Basis,
  by?: Dimension,
): Promise<Sums> {
  const paths = pathsOf(user, filter);
  const coarse =
    user.role !== 'mediator' &&
    !filter.mediatorIds &&
    paths.every((p) => levels.coarse(p)) &&
    (!by || GROUP_KEYS[by].township !== null);
  // Over every dispute type and DV flag, the smallest cube answers.
  const allKinds =
    coarse &&
    !filter.disputeType &&
    filter.dvFlag === undefined &&
    (!by || GROUP_KEYS[by].totals !== null);
  const county = countyAnswers(user, filter, levels) && (!by || GROUP_KEYS[by].county !== null);
  const cube: Source = county ? 'county' : allKinds ? 'totals' : coarse ? 'township' : 'monthly';
  // Whole years from the yearly cubes, unless the rows are months.
  const byYear = (cube === 'county' || cube === 'totals') && by !== 'month';
  const years = byYear && plan.months ? splitYears(plan.months, plan.today) : undefined;
  const parts: { source: Read; range: { from: string; to: string } }[] = [
    ...(years?.years ? [{ source: `${cube}_yearly` as Read, range: years.years }] : []),
    ...(years ? years.months : plan.months ? [plan.months] : []).map((range) => ({
      source: cube,
      range,
    })),
    ...plan.days.map((range) => ({ source: 'facts' as const, range })),
  ];
  const sums: Sums = new Map();
  // The figures read every counter of the basis asked for and three of the other: the other's
  // rows send only those (half the numbers PostgreSQL writes out and this process reads).
  const other: Basis = basis === 'received' ? 'closed' : 'received';
  const reads = parts.flatMap((part) => [
    { ...part, basis, counters: COUNTERS },
    { ...part, basis: other, counters: CROSS_BASIS_COUNTERS },
  ]);
  // One statement for every part: one round trip, and under load one parse and plan.
  const params: unknown[] = [];
  const statements = reads.map(({ source, range, basis: read, counters }) => {
    const sql = new Sql(params);
    sql.add((p) => `basis = ${p}`, read);
    const pathColumn = source.startsWith('county')
      ? 'county_path'
      : source === 'township' || source.startsWith('totals')
        ? 'township_path'
        : 'region_path';
    const periodColumn = source === 'facts' ? 'day' : source.endsWith('_yearly') ? 'year' : 'month';
    sql.add((p) => `${periodColumn} >= ${p}`, range.from);
    sql.add((p) => `${periodColumn} <= ${p}`, range.to);
    scopeConditions(sql, user, pathColumn);
    if (filter.regionPath) sql.subtree(pathColumn, filter.regionPath);
    if (filter.courtId) sql.add((p) => `court_id = ${p}`, filter.courtId);
    if (filter.disputeType) sql.add((p) => `dispute_type = ${p}`, filter.disputeType);
    if (filter.dvFlag !== undefined) sql.add((p) => `dv_flag = ${p}`, filter.dvFlag);
    if (filter.mediatorIds) sql.add((p) => `mediator_id = ANY(${p})`, filter.mediatorIds);
    const groupKey = by && GROUP_KEYS[by][source.replace('_yearly', '') as Source];
    const key = by ? `coalesce(${groupKey}, 'none')` : `''`;
    // A year or a month of the county and totals cubes is a row or two per township or county, so
    // those rows go out as they are and are added up here: summing 80 columns over groups of one
    // row cost PostgreSQL ~4 ms for a city's townships. Several months of them (the months around
    // whole years: up to eleven rows a township), and the finer sources, are summed by PostgreSQL:
    // sending and reading every month cost more (a city's rolling year by township at 8
    // connections, computed: p50 76 -> 53 ms with eleven months, 54 -> 38 ms with six).
    const grouped =
      (!source.startsWith('county') && !source.startsWith('totals')) ||
      (!source.endsWith('_yearly') && range.from !== range.to);
    const columns = grouped
      ? counters.map((c) => summed(source, c)).join(', ')
      : counters.join(', ');
    // One text column of comma-separated numbers parses far faster than 80 bigint columns (or
    // an array, which the driver parses character by character).
    return `(SELECT basis, ${key} AS key, concat_ws(',', ${columns}) AS counters
         FROM ${TABLES[source]} WHERE ${sql.where.join(' AND ')}
         ${grouped ? 'GROUP BY basis, 2' : ''})`;
  });
  const text = statements.join(' UNION ALL ');
  type Row = { basis: Basis; key: string; counters: string };
  // Over the county and totals cubes (small tables), the plan hardly depends on the values and
  // planning costs a fifth of the run, and their texts are few: prepared once per connection.
  // The finer sources and the facts keep a plan made for each request's values.
  const rows =
    (cube === 'county' || cube === 'totals') && plan.days.length === 0
      ? await preparedPoolQuery<Row>(ds, text, params)
      : ((await ds.query(text, params)) as Row[]);
  for (const row of rows) {
    let entry = sums.get(row.key);
    if (!entry) sums.set(row.key, (entry = { received: zeroCounters(), closed: zeroCounters() }));
    addCounterText(
      entry[row.basis],
      row.counters,
      row.basis === basis ? COUNTERS.length : CROSS_BASIS_COUNTERS.length,
    );
  }
  return sums;
}

/** The paths above `path` ("a.b.c." → "a.", "a.b."). */
const ancestorsOf = (path: string): string[] => {
  const ancestors: string[] = [];
  for (let at = path.indexOf('.'); at >= 0 && at < path.length - 1; at = path.indexOf('.', at + 1))
    ancestors.push(path.slice(0, at + 1));
  return ancestors;
};

/**
 * The version of the rollup cells (county × court, migration AddCaseStatsVersions) a question
 * reads, as one string: any committed change to a case in those cells changes it, and it never
 * comes back. An answer computed after reading it holds for as long as it reads the same. Null
 * for the questions that are not kept: a mediator's own cases (not bound to cells) and users who
 * see nothing.
 */
export async function versionStamp(
  ds: DataSource,
  user: AuthUser,
  filter: StatsFilter,
): Promise<string | null> {
  if (user.role === 'mediator' || user.role === 'admin' || filter.mediatorIds) return null;
  if (user.role === 'supervisor' && !user.scopePath) return null;
  const sql = new Sql();
  // The cells of the counties inside each path, or of the county a path lies in.
  for (const path of pathsOf(user, filter)) {
    const [from, to, above] = [path, subtreeEnd(path), ancestorsOf(path)].map((value) => {
      sql.params.push(value);
      return `$${sql.params.length}`;
    });
    sql.where.push(
      `((county_path >= ${from} AND county_path < ${to}) OR county_path = ANY(${above}::varchar[]))`,
    );
  }
  if (user.role === 'clerk') sql.add((p) => `court_id = ${p}`, user.courtId);
  if (filter.courtId) sql.add((p) => `court_id = ${p}`, filter.courtId);
  const where = sql.where.length ? `WHERE ${sql.where.join(' AND ')}` : '';
  const [row] = await preparedPoolQuery<{ stamp: string }>(
    ds,
    `SELECT count(*) || ':' || coalesce(sum(version), 0) AS stamp FROM case_stats_versions ${where}`,
    sql.params,
  );
  return row.stamp;
}

/** The user's scope: a clerk her court, a supervisor her subtree, a mediator her own cases. */
function scopeConditions(sql: Sql, user: AuthUser, pathColumn: string): void {
  switch (user.role) {
    case 'clerk':
      sql.add((p) => `court_id = ${p}`, user.courtId);
      return;
    case 'supervisor':
      if (!user.scopePath) sql.where.push('FALSE');
      else sql.subtree(pathColumn, user.scopePath);
      return;
    case 'mediator':
      sql.add((p) => `mediator_id = ${p}`, user.id);
      return;
    case 'admin':
      sql.where.push('FALSE');
  }
}
