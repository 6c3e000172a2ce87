/**
 * The summary's figures about now (overdue, at risk) beside the period's counts of stats-source.ts:
 * they read the open cases' deadlines, not the rollups of received and closed cases.
 */

import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/context/request-context.js';
import { subtreeCondition } from '../../common/scope/scope-rules.js';
import type { ScopeService } from '../../common/scope/scope.service.js';
import { preparedPoolQuery } from '../../common/sql/prepared.js';
import { shanghaiDate } from '../cases/clock/case-clock.js';
import { shanghaiMidnight } from './stats-links.js';
import { addDays, monthStart } from './stats-period.js';
import {
  STATS_CASE_SCOPE_COLUMNS,
  countyAnswers,
  type PathLevels,
  type StatsFilter,
} from './stats-source.js';

/** Open cases past their deadline now, and with at most 3 Asia/Shanghai days left. */
export interface OpenFigures {
  overdue: number;
  atRisk: number;
}

const AT_RISK_DAYS = 3;

/**
 * Overdue and at-risk are about now, not the period. Where the county rollups answer (at a county
 * or above, over every dispute type and DV flag), they come from the open cases' deadline rollup
 * (migration AddCaseStatsDeadlines): a few hundred rows, whatever the number of cases. Narrower
 * questions (a township, a village, a kind of dispute, a mediator's own cases) read the open
 * cases' deadline index, which holds few of their entries.
 */
export async function openFigures(
  ds: DataSource,
  scope: ScopeService,
  user: AuthUser,
  filter: StatsFilter,
  levels: PathLevels,
  now: Date,
): Promise<OpenFigures> {
  const today = shanghaiDate(now);
  const riskEnd = shanghaiMidnight(addDays(today, AT_RISK_DAYS + 1));
  return countyAnswers(user, filter, levels)
    ? openFromRollup(ds, scope, user, filter, now, shanghaiMidnight(monthStart(today)), riskEnd)
    : openFromCases(ds, scope, user, filter, now, riskEnd);
}

/**
 * Every deadline of a month before this one is past (grain `month`); this month's and later ones
 * are compared with now instant by instant (grain `at`).
 */
async function openFromRollup(
  ds: DataSource,
  scope: ScopeService,
  user: AuthUser,
  filter: StatsFilter,
  now: Date,
  monthStarted: string,
  riskEnd: string,
): Promise<OpenFigures> {
  const qb = ds
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
  const scoped = scope.caseCondition(user, {
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
  const [row] = await preparedPoolQuery<{ overdue: number; atRisk: number }>(ds, text, values);
  return { overdue: row?.overdue ?? 0, atRisk: row?.atRisk ?? 0 };
}

async function openFromCases(
  ds: DataSource,
  scope: ScopeService,
  user: AuthUser,
  filter: StatsFilter,
  now: Date,
  riskEnd: string,
): Promise<OpenFigures> {
  return ds.transaction(async (m) => {
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
    const row = await qb.getRawOne<{ overdue: number; atRisk: number }>();
    return { overdue: row?.overdue ?? 0, atRisk: row?.atRisk ?? 0 };
  });
}
