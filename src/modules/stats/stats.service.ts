import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { AuthUser } from '../../common/context/request-context.js';
import { notFound, validationFailed, fieldError } from '../../common/errors/domain-error.js';
import { ValidationCode } from '../../common/i18n/common.codes.js';
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
} from './stats-links.js';
import { openFigures } from './stats-overdue.js';
import { type ReentryRate, reentryFigures } from './stats-reentry.js';
import { monthEnd, type PeriodPlan, planPeriod } from './stats-period.js';
import {
  type Dimension,
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
  /** The 12-month re-entry rate of the cases closed in the period (whatever the basis). */
  reentryRate: ReentryRate;
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
    const now = this.clock.now();
    const [sums, live, reentry] = await Promise.all([
      sumCounters(this.dataSource, user, p.filter, p.plan, p, p.period.basis),
      openFigures(this.dataSource, this.scope, user, p.filter, p, now),
      reentryFigures(this.dataSource, this.scope, user, p, p.plan.today),
    ]);
    const all = sums.get('') ?? { received: zeroCounters(), closed: zeroCounters() };
    return {
      period: p.period,
      ...figuresOf(all.received, all.closed, p.period.basis),
      ...live,
      reentryRate: reentry.rate,
      drillDown: {
        ...drillDownLinks(p.links, p.period.basis, p.period.from, p.period.to),
        overdue: overdueLink(p.links),
        ...reentry.drillDown,
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
