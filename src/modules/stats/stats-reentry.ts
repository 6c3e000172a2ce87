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
import { REENTRY_DAYS, reenteredSql, reentryKnownBefore } from '../cases/case-reentry.js';
import type { Rate } from './stats-figures.js';
import { type LinkFilter, reentryLinks, shanghaiMidnight } from './stats-links.js';
import { addDays } from './stats-period.js';
import { STATS_CASE_SCOPE_COLUMNS, type StatsFilter } from './stats-source.js';

export interface ReentryRate extends Rate {
  /** Cases closed in the period whose 12-month window is still open now (not in the rate). */
  stillInWindow: number;
  /** Cases closed before this instant count (their window has ended). */
  knownBefore: string;
}

export const REENTRY_DEFINITION =
  `当期结案的案件中，结案已满 ${REENTRY_DAYS} 天、且结案后 ${REENTRY_DAYS} 天内同一家庭` +
  '（本案任一当事人的身份证号）又有新案件收案的案件 ÷ 当期结案且结案已满 ' +
  `${REENTRY_DAYS} 天的案件（12 个月再次进入率；结案未满 ${REENTRY_DAYS} 天的案件尚无定论，` +
  '不计入分子分母，另列件数；新案件不限辖区）';

/**
 * The closure instants that split the period's closed cases (Asia/Shanghai days `from`..`to`):
 * [start, known) have their window behind them, [known, end) are still in it. Pure.
 */
export function reentrySplit(
  from: string,
  to: string,
  now: Date,
): { start: string; end: string; known: string } {
  const start = shanghaiMidnight(from);
  const end = shanghaiMidnight(addDays(to, 1));
  const cutoff = reentryKnownBefore(now).toISOString();
  // ISO instants in UTC compare as text.
  const known = cutoff < start ? start : cutoff > end ? end : cutoff;
  return { start, end, known };
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
 * The period's closed cases in the caller's scope and filters, read through the closure index,
 * each checked for a re-entry through the parties' ID-number index: the work grows with the cases
 * closed in the period, not with the parties or cases kept.
 */
export async function reentryFigures(
  ds: DataSource,
  scope: ScopeService,
  user: AuthUser,
  filter: StatsFilter,
  links: LinkFilter,
  period: { from: string; to: string },
  now: Date,
): Promise<{ rate: ReentryRate; drillDown: Record<string, string> }> {
  const { start, end, known } = reentrySplit(period.from, period.to, now);
  const qb = ds
    .createQueryBuilder()
    .select(`count(*) FILTER (WHERE c.closed_at < :known)::int`, 'known')
    .addSelect(
      `count(*) FILTER (WHERE c.closed_at < :known AND ${reenteredSql('c')})::int`,
      'reentered',
    )
    .addSelect(`count(*) FILTER (WHERE c.closed_at >= :known)::int`, 'open')
    .from('cases', 'c')
    .where(`c.status = 'closed' AND c.closed_at >= :start AND c.closed_at < :end`, {
      start,
      end,
      known,
    });
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
  const row = await qb.getRawOne<{ known: number; reentered: number; open: number }>();
  return {
    rate: reentryRateOf(row?.reentered ?? 0, row?.known ?? 0, row?.open ?? 0, known),
    drillDown: reentryLinks(links, start, known, end),
  };
}
