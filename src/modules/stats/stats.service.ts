import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { AuthUser } from '../../common/context/request-context.js';
import { notFound, validationFailed, fieldError } from '../../common/errors/domain-error.js';
import { ValidationCode } from '../../common/i18n/common.codes.js';
import { subtreeCondition } from '../../common/scope/scope-rules.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { preparedPoolQuery } from '../../common/sql/prepared.js';
import { SHANGHAI_TIME_ZONE, shanghaiInstant } from '../../common/time/shanghai.js';
import { shanghaiDate } from '../cases/clock/case-clock.js';
import { Region } from '../regions/region.entity.js';
import type { BreakdownQuery, StatsQuery } from './dto/stats.query.js';
import {
  type Basis,
  type Counters,
  definitionsOf,
  type Figures,
  figuresOf,
  INDEX,
  type RowFigures,
  rowFiguresOf,
  zeroCounters,
} from './stats-figures.js';
import { labelsOf } from './stats-labels.js';
import {
  drillDownLinks,
  drillDownTemplates,
  drillDownValues,
  type LinkFilter,
  overdueLink,
  shanghaiMidnight,
} from './stats-links.js';
import { addDays, monthEnd, monthStart, type PeriodPlan, planPeriod } from './stats-period.js';
import {
  type Dimension,
  STATS_CASE_SCOPE_COLUMNS,
  countyAnswers,
  type StatsFilter,
  type Sums,
  sumCounters,
  versionStamp,
} from './stats-source.js';
import { StatsCache } from './stats-cache.js';
import { breakdownBytes } from './stats-schema.js';
import { StatsCode } from './stats.codes.js';

interface Period {
  from: string;
  to: string;
  basis: Basis;
  timeZone: 'Asia/Shanghai';
}

export interface StatsSummary extends Figures {
  period: Period;
  /** Open cases past their deadline now, and with at most 3 Asia/Shanghai days left. */
  overdue: number;
  atRisk: number;
  /** For each count, the case list query that shows the cases behind it. */
  drillDown: Record<string, string>;
}

export type BreakdownRow = RowFigures & {
  key: string;
  label: string;
  /** The values that expand the breakdown's `drillDown` templates into this row's links. */
  drillDown: Record<string, string>;
};

export interface StatsBreakdown {
  period: Period;
  by: Dimension;
  /**
   * For each count, an RFC 6570 URI template of the case list query that shows the cases behind
   * it; a row's (or the totals') `drillDown` values expand it (one set of templates rather than
   * eleven links on each of hundreds of rows).
   */
  drillDown: Record<string, string>;
  rows: BreakdownRow[];
  /** The same figures over every row (equal to the summary's). */
  totals: RowFigures & { drillDown: Record<string, string> };
  /** What each rate means, stated once for the rows and the totals. */
  definitions: Record<string, string>;
}

const AT_RISK_DAYS = 3;

/** A request's period, filters and the way to read them, checked against the user's scope. */
export interface Prepared {
  period: Period;
  plan: PeriodPlan;
  filter: StatsFilter;
  links: LinkFilter;
  coarse: (path: string) => boolean;
  county: (path: string) => boolean;
}

@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly cache: StatsCache,
  ) {}

  async summary(user: AuthUser, query: StatsQuery): Promise<StatsSummary> {
    const p = await this.prepare(user, query);
    const [sums, live] = await Promise.all([
      sumCounters(this.dataSource, user, p.filter, p.plan, p, p.period.basis),
      this.openFigures(user, p),
    ]);
    const all = sums.get('') ?? { received: zeroCounters(), closed: zeroCounters() };
    return {
      period: p.period,
      ...figuresOf(all.received, all.closed, p.period.basis),
      ...live,
      drillDown: {
        ...drillDownLinks(p.links, p.period.basis, p.period.from, p.period.to),
        overdue: overdueLink(p.links),
      },
    };
  }

  async breakdown(user: AuthUser, query: BreakdownQuery): Promise<StatsBreakdown> {
    return this.breakdownOf(user, query, await this.prepare(user, query));
  }

  /**
   * The breakdown as the JSON the route sends, kept in this process while the cases it counts are
   * unchanged (StatsCache): a supervisor reopening her dashboard costs one small read. Rows by
   * mediator are not kept (a mediator's name can change without any case changing).
   */
  async breakdownBody(user: AuthUser, query: BreakdownQuery): Promise<Buffer> {
    const p = await this.prepare(user, query);
    const key = JSON.stringify([
      user.role,
      user.scopePath,
      user.courtId,
      query.by,
      p.period,
      p.filter,
      p.links,
      p.plan.today,
    ]);
    return this.cache.answer(
      'breakdown',
      key,
      async () => (query.by === 'mediator' ? null : versionStamp(this.dataSource, user, p.filter)),
      async () => breakdownBytes(await this.breakdownOf(user, query, p)),
    );
  }

  private async breakdownOf(
    user: AuthUser,
    query: BreakdownQuery,
    p: Prepared,
  ): Promise<StatsBreakdown> {
    const sums = await sumCounters(
      this.dataSource,
      user,
      p.filter,
      p.plan,
      p,
      p.period.basis,
      query.by,
    );
    const labels = await labelsOf(this.dataSource, query.by, [...sums.keys()]);
    const { from, to, basis } = p.period;
    const rows = [...sums.entries()].map(([key, s]) => {
      const label = labels.get(key) ?? { label: key, order: key, filter: {} };
      // A month row lists the days of that month inside the period.
      const days =
        query.by === 'month'
          ? { from: key > from ? key : from, to: monthEnd(key) < to ? monthEnd(key) : to }
          : { from, to };
      return {
        order: label.order,
        received: s.received[INDEX.cases],
        row: {
          key,
          label: label.label,
          ...rowFiguresOf(s.received, s.closed, basis),
          drillDown: drillDownValues({ ...p.links, ...label.filter }, days.from, days.to),
        },
      };
    });
    const byVolume = !['township', 'village', 'month'].includes(query.by);
    rows.sort((a, b) =>
      byVolume && a.received !== b.received
        ? b.received - a.received
        : a.order < b.order
          ? -1
          : a.order > b.order
            ? 1
            : 0,
    );
    const all = total(sums);
    return {
      period: p.period,
      by: query.by,
      drillDown: drillDownTemplates(basis),
      rows: rows.map((r) => r.row),
      totals: {
        ...rowFiguresOf(all.received, all.closed, basis),
        drillDown: drillDownValues(p.links, from, to),
      },
      definitions: definitionsOf(basis),
    };
  }

  /** Reads and checks a request's period and filters (400 naming the field, 404 out of scope). */
  async prepare(user: AuthUser, query: StatsQuery): Promise<Prepared> {
    const today = shanghaiDate(this.clock.now());
    const from = query.from ?? `${today.slice(0, 4)}-01-01`;
    const to = query.to ?? today;
    for (const [field, day] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (shanghaiDate(shanghaiInstant(day, '12:00:00')) !== day)
        throw validationFailed([fieldError(field, ValidationCode.NotACalendarDate)]);
    }
    if (from > to) throw validationFailed([fieldError('to', StatsCode.PeriodReversed)]);
    const filter: StatsFilter = {
      courtId: query.courtId,
      disputeType: query.disputeType,
      dvFlag: query.dvFlag,
    };
    // The levels of the paths the question is confined to (which cube answers it).
    const levels = new Map<string, string>();
    // What she may not see does not exist (404).
    if (query.regionId) {
      const region = await this.dataSource.getRepository(Region).findOneBy({ id: query.regionId });
      if (!region || !this.scope.canSeePath(user, region.path)) throw notFound('region');
      filter.regionPath = region.path;
      levels.set(region.path, region.level);
    }
    if (query.courtId && user.role === 'clerk' && query.courtId !== user.courtId)
      throw notFound('court');
    // A supervisor's subtree bounds the question too (a clerk's court and a mediator's cases do not
    // depend on a level).
    if (user.role === 'supervisor' && user.scopePath && !levels.has(user.scopePath)) {
      const [scopeRoot] = await preparedPoolQuery<{ level: string }>(
        this.dataSource,
        'SELECT level FROM regions WHERE path = $1',
        [user.scopePath],
      );
      if (scopeRoot) levels.set(user.scopePath, scopeRoot.level);
    }
    return {
      period: { from, to, basis: query.basis, timeZone: SHANGHAI_TIME_ZONE },
      plan: planPeriod(from, to, today),
      filter,
      // A mediator's figures are the cases she holds now; her list also shows those she held before.
      links: {
        regionId: query.regionId,
        courtId: query.courtId,
        disputeType: query.disputeType,
        dvFlag: query.dvFlag,
        mediatorId: user.role === 'mediator' ? user.id : undefined,
      },
      coarse: (path) => levels.get(path) !== undefined && levels.get(path) !== 'village',
      county: (path) => levels.get(path) === 'county' || levels.get(path) === 'city',
    };
  }

  /**
   * Overdue and at-risk are about now, not the period. Where the county rollups answer (at a county
   * or above, over every dispute type and DV flag), they come from the open cases' deadline rollup
   * (migration AddCaseStatsDeadlines): a few hundred rows, whatever the number of cases. Narrower
   * questions (a township, a village, a kind of dispute, a mediator's own cases) read the open
   * cases' deadline index, which holds few of their entries.
   */
  private async openFigures(
    user: AuthUser,
    p: Prepared,
  ): Promise<{ overdue: number; atRisk: number }> {
    const { filter } = p;
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const riskEnd = shanghaiMidnight(addDays(today, AT_RISK_DAYS + 1));
    return countyAnswers(user, filter, p)
      ? this.openFromRollup(user, filter, now, shanghaiMidnight(monthStart(today)), riskEnd)
      : this.openFromCases(user, filter, now, riskEnd);
  }

  /**
   * Every deadline of a month before this one is past (grain `month`); this month's and later ones
   * are compared with now instant by instant (grain `at`).
   */
  private async openFromRollup(
    user: AuthUser,
    filter: StatsFilter,
    now: Date,
    monthStarted: string,
    riskEnd: string,
  ): Promise<{ overdue: number; atRisk: number }> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(`coalesce(sum(d.open) FILTER (WHERE d.due < :now), 0)::int`, 'overdue')
      .addSelect(`coalesce(sum(d.open) FILTER (WHERE d.due >= :now), 0)::int`, 'atRisk')
      .from('case_stats_deadlines', 'd')
      .where(
        `((d.grain = 'month' AND d.due < :monthStarted) OR ` +
          `(d.grain = 'at' AND d.due >= :monthStarted AND d.due < :riskEnd))`,
        { now, monthStarted, riskEnd },
      );
    // Only clerks and supervisors at a county or above come here: the county path answers.
    const scoped = this.scope.caseCondition(user, {
      courtId: 'd.court_id',
      regionPath: 'd.county_path',
      everAssigned: 'FALSE',
    });
    qb.andWhere(scoped.sql, scoped.params);
    if (filter.regionPath) {
      const inside = subtreeCondition('d.county_path', filter.regionPath, 'regionPath');
      qb.andWhere(inside.sql, inside.params);
    }
    if (filter.courtId) qb.andWhere('d.court_id = :courtId', { courtId: filter.courtId });
    // A few rows whatever the values: planned once per connection.
    const [text, values] = qb.getQueryAndParameters();
    const [row] = await preparedPoolQuery<{ overdue: number; atRisk: number }>(
      this.dataSource,
      text,
      values,
    );
    return { overdue: row?.overdue ?? 0, atRisk: row?.atRisk ?? 0 };
  }

  private async openFromCases(
    user: AuthUser,
    filter: StatsFilter,
    now: Date,
    riskEnd: string,
  ): Promise<{ overdue: number; atRisk: number }> {
    return this.dataSource.transaction(async (m) => {
      // A few thousand entries of the open cases' deadline index: launching parallel workers for
      // them (the planner expects far more) costs more than reading them.
      await m.query('SET LOCAL max_parallel_workers_per_gather = 0');
      const qb = m
        .createQueryBuilder()
        .select(`count(*) FILTER (WHERE c.deadline_at < :now)::int`, 'overdue')
        .addSelect(
          `count(*) FILTER (WHERE c.deadline_at >= :now AND c.deadline_at < :riskEnd)::int`,
          'atRisk',
        )
        .from('cases', 'c')
        .where(`c.status <> 'closed' AND c.deadline_at < :riskEnd`, { now, riskEnd });
      const scoped = this.scope.caseCondition(user, STATS_CASE_SCOPE_COLUMNS);
      qb.andWhere(scoped.sql, scoped.params);
      if (filter.regionPath) {
        const inside = subtreeCondition('c.region_path', filter.regionPath, 'regionPath');
        qb.andWhere(inside.sql, inside.params);
      }
      if (filter.courtId) qb.andWhere('c.court_id = :courtId', { courtId: filter.courtId });
      if (filter.disputeType)
        qb.andWhere('c.dispute_type = :disputeType', { disputeType: filter.disputeType });
      if (filter.dvFlag !== undefined)
        qb.andWhere('c.dv_flag = :dvFlag', { dvFlag: filter.dvFlag });
      const row = await qb.getRawOne<{ overdue: number; atRisk: number }>();
      return { overdue: row?.overdue ?? 0, atRisk: row?.atRisk ?? 0 };
    });
  }
}

function total(sums: Sums): Record<Basis, Counters> {
  const received = zeroCounters();
  const closed = zeroCounters();
  // Plain loops over the counters: indexing them by a basis held in a variable is what made
  // this slow (~0.4 ms for a city's townships).
  for (const s of sums.values()) {
    const r = s.received;
    const c = s.closed;
    for (let i = 0; i < received.length; i++) {
      received[i] += r[i];
      closed[i] += c[i];
    }
  }
  return { received, closed };
}
