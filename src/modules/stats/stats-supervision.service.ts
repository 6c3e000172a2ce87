import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { AuthUser } from '../../common/context/request-context.js';
import { subtreeCondition } from '../../common/scope/scope-rules.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { daysLeft, shanghaiDate } from '../cases/clock/case-clock.js';
import { ACTIVE_CASE_STATUSES } from '../roster/roster.service.js';
import type { StatsQuery } from './dto/stats.query.js';
import { figuresOf, type Median, type Rate, zeroCounters } from './stats-figures.js';
import { shanghaiMidnight } from './stats-links.js';
import { addDays } from './stats-period.js';
import { STATS_CASE_SCOPE_COLUMNS, sumCounters } from './stats-source.js';
import { StatsService } from './stats.service.js';

/** How long is too long (docs/design/domain.md; the reminders use the same limits). */
export const WAITING_LIMITS = { acceptanceHours: 48, reviewDays: 3, followUpDays: 0 };
const LIST_LIMIT = 100;

export interface WaitingCase {
  id: string;
  caseNumber: string;
  status: string;
  mediatorId: string | null;
  /** Since when it waits (assignment, outcome submission, follow-up due day); or its deadline. */
  since: string;
  /** Whole Asia/Shanghai days waited, or days left to the deadline (negative when past). */
  days: number;
}

export interface OverdueQueue {
  /** Open cases by Asia/Shanghai days left to the deadline ("none": not accepted yet). */
  byDaysLeft: { bucket: string; cases: number }[];
  /** Past the deadline or ≤ 3 days left, soonest first. */
  atRisk: { total: number; cases: WaitingCase[] };
  waitingForAcceptance: { total: number; cases: WaitingCase[] };
  waitingForReview: { total: number; cases: WaitingCase[] };
  followUpsLate: { total: number; cases: WaitingCase[] };
  limits: typeof WAITING_LIMITS;
}

export interface MediatorWorkload {
  mediatorId: string;
  name: string;
  activeCases: number;
  maxActiveCases: number;
  closed: number;
  successRate: Rate;
  onTimeRate: Rate;
  averageDurationDays: Rate;
  medianDurationDays: Median;
  followUpsDone: number;
}

const LEFT = `((c.deadline_at AT TIME ZONE 'Asia/Shanghai')::date - CAST(:today AS date))`;
const BUCKETS = `CASE WHEN c.deadline_at IS NULL THEN 'none'
  WHEN ${LEFT} < 0 THEN 'overdue' WHEN ${LEFT} <= 3 THEN '0-3' WHEN ${LEFT} <= 7 THEN '4-7'
  WHEN ${LEFT} <= 15 THEN '8-15' ELSE '16+' END`;
const BUCKET_ORDER = ['overdue', '0-3', '4-7', '8-15', '16+', 'none'];

/** The supervisor's queues and her roster's workload, within her scope like every figure. */
@Injectable()
export class StatsSupervisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly stats: StatsService,
    private readonly clock: Clock,
  ) {}

  /** `regionPath`: only cases under it (a report for one region). */
  async overdue(user: AuthUser, regionPath?: string): Promise<OverdueQueue> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const scoped = this.scope.caseCondition(user, STATS_CASE_SCOPE_COLUMNS);
    const region = regionPath
      ? subtreeCondition('c.region_path', regionPath, 'reportRegion')
      : { sql: 'TRUE', params: {} };
    const open = () =>
      this.dataSource
        .createQueryBuilder()
        .from('cases', 'c')
        .where(`c.status <> 'closed'`)
        .andWhere(scoped.sql, scoped.params)
        .andWhere(region.sql, region.params);
    const buckets = await open()
      .select(BUCKETS, 'bucket')
      .addSelect('count(*)::int', 'cases')
      .setParameter('today', today)
      .groupBy('1')
      .getRawMany<{ bucket: string; cases: number }>();
    const riskEnd = shanghaiMidnight(addDays(today, 4));
    const list = async (
      qb: ReturnType<typeof open>,
      since: string,
      days: (at: Date) => number,
    ): Promise<{ total: number; cases: WaitingCase[] }> => {
      const rows = await qb
        .select(['c.id AS id', 'c.case_number AS "caseNumber"', 'c.status AS status'])
        .addSelect('c.mediator_id', 'mediatorId')
        .addSelect(since, 'since')
        .addSelect('count(*) OVER ()::int', 'total')
        .orderBy('since', 'ASC')
        .limit(LIST_LIMIT)
        .getRawMany<Omit<WaitingCase, 'days' | 'since'> & { since: Date; total: number }>();
      return {
        total: rows[0]?.total ?? 0,
        cases: rows.map(({ total: _t, since: at, ...r }) => ({
          ...r,
          since: at.toISOString(),
          days: days(at),
        })),
      };
    };
    const waited = (at: Date): number => -daysLeft(at, now);
    const acceptanceSince = `(SELECT max(a.assigned_at) FROM case_assignments a WHERE a.case_id = c.id AND a.ended_at IS NULL)`;
    const reviewSince = `(SELECT max(o.submitted_at) FROM case_outcomes o WHERE o.case_id = c.id)`;
    const followUpSince = `(SELECT min(f.due_on) FROM case_follow_ups f WHERE f.case_id = c.id AND f.visited_at IS NULL AND f.due_on < :today)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
    return {
      byDaysLeft: BUCKET_ORDER.map((bucket) => ({
        bucket,
        cases: buckets.find((b) => b.bucket === bucket)?.cases ?? 0,
      })),
      atRisk: await list(
        open().andWhere('c.deadline_at < :riskEnd', { riskEnd }),
        'c.deadline_at',
        (at) => daysLeft(at, now),
      ),
      waitingForAcceptance: await list(
        open()
          .andWhere(`c.status = 'assigned'`)
          .andWhere(`${acceptanceSince} < :acceptBy`, {
            acceptBy: new Date(now.getTime() - WAITING_LIMITS.acceptanceHours * 3_600_000),
          }),
        acceptanceSince,
        waited,
      ),
      waitingForReview: await list(
        open()
          .andWhere(`c.status = 'pending_review'`)
          .andWhere(`${reviewSince} < :reviewBy`, {
            reviewBy: new Date(now.getTime() - WAITING_LIMITS.reviewDays * 86_400_000),
          }),
        reviewSince,
        waited,
      ),
      followUpsLate: await list(
        this.dataSource
          .createQueryBuilder()
          .from('cases', 'c')
          .where(scoped.sql, scoped.params)
          .andWhere(`${followUpSince} IS NOT NULL`, { today }),
        followUpSince,
        waited,
      ),
      limits: WAITING_LIMITS,
    };
  }

  /** Her roster (mediators living in her subtree; a mediator herself) with their figures. */
  async workload(user: AuthUser, query: StatsQuery): Promise<MediatorWorkload[]> {
    const p = await this.stats.prepare(user, query);
    const home =
      user.role === 'mediator'
        ? { sql: 'u.id = $1', params: [user.id] }
        : { sql: 'hr.path LIKE $1', params: [`${user.scopePath ?? '-'}%`] };
    const mediators: { id: string; name: string; max: number; active: number }[] =
      await this.dataSource.query(
        `SELECT u.id, u.display_name AS name, COALESCE(p.max_active_cases, 5) AS max,
           (SELECT count(*)::int FROM cases c WHERE c.mediator_id = u.id AND c.status IN ${ACTIVE_CASE_STATUSES}) AS active
         FROM users u LEFT JOIN regions hr ON hr.id = u.region_id
         LEFT JOIN mediator_profiles p ON p.user_id = u.id
         WHERE u.role = 'mediator' AND u.active AND ${home.sql}
         ORDER BY u.display_name, u.id`,
        home.params,
      );
    if (mediators.length === 0) return [];
    const ids = mediators.map((m) => m.id);
    const [sums, visits] = await Promise.all([
      sumCounters(
        this.dataSource,
        user,
        { ...p.filter, mediatorIds: ids },
        p.plan,
        p,
        'closed',
        'mediator',
      ),
      this.dataSource.query(
        `SELECT visited_by AS id, count(*)::int AS n FROM case_follow_ups
         WHERE visited_by = ANY($1) AND visited_at >= $2 AND visited_at < $3 GROUP BY visited_by`,
        [ids, shanghaiMidnight(p.period.from), shanghaiMidnight(addDays(p.period.to, 1))],
      ) as Promise<{ id: string; n: number }[]>,
    ]);
    return mediators.map((m) => {
      const s = sums.get(m.id) ?? { received: zeroCounters(), closed: zeroCounters() };
      // Performance is over the cases she closed in the period.
      const f = figuresOf(s.received, s.closed, 'closed');
      return {
        mediatorId: m.id,
        name: m.name,
        activeCases: m.active,
        maxActiveCases: m.max,
        closed: f.closed,
        successRate: f.rates.successRate,
        onTimeRate: f.rates.onTimeRate,
        averageDurationDays: f.averageDurationDays,
        medianDurationDays: f.medianDurationDays,
        followUpsDone: visits.find((v) => v.id === m.id)?.n ?? 0,
      };
    });
  }
}
