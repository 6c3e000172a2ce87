import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock.js';
import type { AuthUser } from '../../../common/context/request-context.js';
import {
  shanghaiDateOf,
  shanghaiDayNumber,
  startOfShanghaiDay,
} from '../../../common/time/shanghai.js';
import { partyNamesOf, SUMMARY_COLUMNS } from '../case-list.js';
import type { AgendaView } from './dto/agenda.view.js';
import { type CaseSummaryRow, CaseSummaryView } from '../dto/case.view.js';

/** How far ahead 今日 lists follow-up visits (overdue ones always). */
export const FOLLOW_UP_HORIZON_DAYS = 7;

/** The case columns of a summary, read as "c.<alias>", and its parties' names. */
const CASE_COLUMNS = [
  ...Object.entries(SUMMARY_COLUMNS).map(([alias, column]) => `c.${column} AS "c.${alias}"`),
  `${partyNamesOf('c.id')} AS "c.partyNames"`,
].join(',\n       ');

type Row = Record<string, unknown>;

function caseOf(row: Row, now: Date): CaseSummaryView {
  const summary = Object.fromEntries(
    Object.keys(SUMMARY_COLUMNS).map((alias) => [alias, row[`c.${alias}`]]),
  ) as unknown as CaseSummaryRow;
  return CaseSummaryView.of(summary, now, (row['c.partyNames'] as string[] | null) ?? []);
}

/**
 * The mediator's day in two statements: today's sessions (Asia/Shanghai) and the follow-up
 * visits due within a week or overdue, each with its case, on the cases she is assigned now.
 * 今日 had read every case's sessions and every closed case's detail, one request each.
 */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async today(user: AuthUser): Promise<AgendaView> {
    const now = this.clock.now();
    const today = shanghaiDayNumber(now);
    const date = shanghaiDateOf(now);
    const dayStart = startOfShanghaiDay(today);
    const dayEnd = startOfShanghaiDay(today + 1);
    const horizon = shanghaiDateOf(startOfShanghaiDay(today + FOLLOW_UP_HORIZON_DAYS));
    const [sessions, followUps] = await Promise.all([
      this.dataSource.query(
        `SELECT s.id, s.case_id AS "caseId", s.scheduled_at AS "scheduledAt",
           s.duration_minutes AS "durationMinutes", s.location, s.mode, s.format, s.status,
           s.cancel_reason AS "cancelReason", s.record IS NOT NULL AS recorded,
           ${CASE_COLUMNS}
         FROM case_sessions s JOIN cases c ON c.id = s.case_id
         WHERE s.mediator_id = $1 AND c.mediator_id = $1
           AND s.scheduled_at >= $2 AND s.scheduled_at < $3
         ORDER BY s.scheduled_at, s.id`,
        [user.id, dayStart, dayEnd],
      ) as Promise<Row[]>,
      this.dataSource.query(
        `SELECT f.id, f.kind, to_char(f.due_on, 'YYYY-MM-DD') AS "dueOn", f.visited_at AS "visitedAt",
           f.performance, f.satisfaction,
           ${CASE_COLUMNS}
         FROM case_follow_ups f JOIN cases c ON c.id = f.case_id
         WHERE c.mediator_id = $1 AND f.visited_at IS NULL AND f.due_on <= $2
         ORDER BY f.due_on, f.id`,
        [user.id, horizon],
      ) as Promise<Row[]>,
    ]);
    return {
      date,
      sessions: sessions.map((row) => ({
        session: {
          id: row.id as string,
          caseId: row.caseId as string,
          scheduledAt: (row.scheduledAt as Date).toISOString(),
          durationMinutes: row.durationMinutes as number,
          location: row.location as string,
          mode: row.mode as string,
          format: row.format as string,
          status: row.status as string,
          cancelReason: row.cancelReason as string | null,
          recorded: row.recorded as boolean,
        },
        case: caseOf(row, now),
      })),
      followUps: followUps.map((row) => ({
        followUp: {
          id: row.id as string,
          kind: row.kind as string,
          dueOn: row.dueOn as string,
          visitedAt: null,
          performance: row.performance as string | null,
          satisfaction: row.satisfaction as number | null,
        },
        case: caseOf(row, now),
      })),
    };
  }
}
