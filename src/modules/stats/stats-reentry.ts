/**
 * The 12-month re-entry rate (docs/design/domain.md "Statistics"): of the cases closed in the
 * period whose 12-month window has ended by now, the share whose family (a party's ID number, any
 * role) came back with a case received within 365 days after the closure. The rule itself is
 * cases/case-reentry.ts, shared with the case list's `reentered` filter.
 */

import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/context/request-context.js';
import { subtreeCondition } from '../../common/scope/scope-rules.js';
import type { ScopeService } from '../../common/scope/scope.service.js';
import { REENTRY_DAYS, reenteredSql } from '../cases/case-reentry.js';
import { INDEX, type Rate } from './stats-figures.js';
import { reentryLinks, shanghaiMidnight } from './stats-links.js';
import { addDays, planPeriod } from './stats-period.js';
import { STATS_CASE_SCOPE_COLUMNS, type StatsFilter, sumCounters } from './stats-source.js';
import type { Prepared } from './stats.service.js';

export interface ReentryRate extends Rate {
  /** Cases closed in the period whose 12-month window is still open now (not in the rate). */
  stillInWindow: number;
  /** Cases closed before this instant (an Asia/Shanghai midnight) count: their window has ended. */
  knownBefore: string;
}

export const REENTRY_DEFINITION =
  `当期结案的案件中，结案日（北京时间）早于今天前第 ${REENTRY_DAYS} 天、且结案后 ${REENTRY_DAYS} 天内` +
  '同一家庭（本案任一当事人的身份证号，任一方）又有新案件收案的案件 ÷ 当期结案且结案日早于今天前第 ' +
  `${REENTRY_DAYS} 天的案件（12 个月再次进入率）；其余当期结案的案件仍在 ${REENTRY_DAYS} 天观察期内，` +
  '尚无定论，不计入分子分母，另列件数；新案件不限辖区';

type Days = { from: string; to: string } | null;

/**
 * The period's days (Asia/Shanghai) split at the first day whose closures may still re-enter:
 * cases closed before `knownDay` (365 days before today) have their whole window behind them
 * (closed before its midnight, the window ends before today's), those closed on it or later are
 * still in it. Whole days, so both counts come from the rollup like every `closed` figure. Pure.
 */
export function reentrySplit(
  from: string,
  to: string,
  today: string,
): { known: Days; inWindow: Days; knownDay: string } {
  const knownDay = addDays(today, -REENTRY_DAYS);
  const lastKnown = addDays(knownDay, -1);
  return {
    known: from <= lastKnown ? { from, to: to < lastKnown ? to : lastKnown } : null,
    inWindow: to >= knownDay ? { from: from > knownDay ? from : knownDay, to } : null,
    knownDay,
  };
}

/** The rate from its counts. Pure. */
export function reentryRateOf(
  reentered: number,
  known: number,
  stillInWindow: number,
  knownBefore: string,
): ReentryRate {
  return {
    value: known === 0 ? null : Math.round((reentered / known) * 10_000) / 10_000,
    numerator: reentered,
    denominator: known,
    definition: REENTRY_DEFINITION,
    stillInWindow,
    knownBefore,
  };
}

/**
 * The rate of the period's closed cases in the caller's scope and filters. The denominator and the
 * cases still in their window are closed-case counts of the rollup (stats-source.ts); only the
 * numerator reads cases: those closed in the known days, through the closure index, each checked
 * through the parties' ID-number index (cases/case-reentry.ts). Its work grows with the cases
 * closed in those days, not with the parties or cases kept; a period within the last year reads
 * none.
 */
export async function reentryFigures(
  ds: DataSource,
  scope: ScopeService,
  user: AuthUser,
  p: Prepared,
  today: string,
): Promise<{ rate: ReentryRate; drillDown: Record<string, string> }> {
  const { known, inWindow, knownDay } = reentrySplit(p.period.from, p.period.to, today);
  const closedIn = async (days: Days): Promise<number> => {
    if (!days) return 0;
    const plan = planPeriod(days.from, days.to, today);
    const sums = await sumCounters(ds, user, p.filter, plan, p, 'closed');
    return sums.get('')?.closed[INDEX.cases] ?? 0;
  };
  const [denominator, stillInWindow, numerator] = await Promise.all([
    closedIn(known),
    closedIn(inWindow),
    known ? reenteredCount(ds, scope, user, p.filter, known) : Promise.resolve(0),
  ]);
  const start = shanghaiMidnight(p.period.from);
  const knownBefore = shanghaiMidnight(known ? addDays(known.to, 1) : p.period.from);
  return {
    rate: reentryRateOf(numerator, denominator, stillInWindow, shanghaiMidnight(knownDay)),
    drillDown: reentryLinks(p.links, start, knownBefore, shanghaiMidnight(addDays(p.period.to, 1))),
  };
}

/** The cases closed in `days` in scope and filters that re-entered. */
async function reenteredCount(
  ds: DataSource,
  scope: ScopeService,
  user: AuthUser,
  filter: StatsFilter,
  days: { from: string; to: string },
): Promise<number> {
  const qb = ds
    .createQueryBuilder()
    .select(`count(*)::int`, 'reentered')
    .from('cases', 'c')
    .where(`c.status = 'closed' AND c.closed_at >= :start AND c.closed_at < :end`, {
      start: shanghaiMidnight(days.from),
      end: shanghaiMidnight(addDays(days.to, 1)),
    })
    .andWhere(reenteredSql('c'));
  const scoped = scope.caseCondition(user, STATS_CASE_SCOPE_COLUMNS);
  qb.andWhere(scoped.sql, scoped.params);
  if (filter.regionPath) {
    const inside = subtreeCondition('c.region_path', filter.regionPath, 'regionPath');
    qb.andWhere(inside.sql, inside.params);
  }
  if (filter.courtId) qb.andWhere('c.court_id = :courtId', { courtId: filter.courtId });
  if (filter.disputeType)
    qb.andWhere('c.dispute_type = :disputeType', { disputeType: filter.disputeType });
  if (filter.dvFlag !== undefined) qb.andWhere('c.dv_flag = :dvFlag', { dvFlag: filter.dvFlag });
  const row = await qb.getRawOne<{ reentered: number }>();
  return row?.reentered ?? 0;
}
