// The family timeline (issue #21): the other cases that share a party with a case, found through
// the parties' blind index of the ID number, each under the same scope rule as the case list.
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/context/request-context.js';
import type { ScopeService } from '../../common/scope/scope.service.js';
import type { FamilyItemView, FamilyView } from './dto/family.view.js';

/** The scope rule's columns on the family's case `fc` (a mediator: cases she was ever assigned). */
export const FAMILY_SCOPE_COLUMNS = {
  courtId: 'fc.court_id',
  regionPath: 'fc.region_path',
  everAssigned:
    'EXISTS (SELECT 1 FROM case_assignments fa WHERE fa.case_id = fc.id AND fa.mediator_id = :scopeUserId)',
};

/**
 * The party rows of the case `caseExpr` joined to every other case's rows of the same person
 * (same ID number's blind index, any role), and those cases `fc`, in the caller's scope.
 */
const familyJoin = (caseExpr: string, scopeSql: string): string =>
  `FROM parties fp
     JOIN parties fq ON fq.id_number_index = fp.id_number_index AND fq.case_id <> fp.case_id
     JOIN cases fc ON fc.id = fq.case_id
    WHERE fp.case_id = ${caseExpr} AND ${scopeSql}`;

/**
 * A subquery on the case row `c`: how many visible cases of the same people were received before
 * it. Read in the same statement as the case itself (CaseRepository.findVisibleWithFamily), so the
 * detail costs no statement more.
 */
export function earlierRecordsSelect(
  scope: ScopeService,
  user: AuthUser,
): { sql: string; params: Record<string, unknown> } {
  const scoped = scope.caseCondition(user, FAMILY_SCOPE_COLUMNS);
  return {
    sql: `(SELECT count(DISTINCT fc.id)::int ${familyJoin('c.id', scoped.sql)}
            AND fc.received_at < c.received_at)`,
    params: scoped.params,
  };
}

/** At most this many related cases are listed (a family comes back a few times, not hundreds). */
export const FAMILY_LIMIT = 100;

interface FamilyRow {
  id: string;
  caseNumber: string;
  status: string;
  disputeType: string;
  receivedAt: Date;
  closedAt: Date | null;
  result: string | null;
  shared: { partyId: string; role: string; name: string; idNumber: string; roleThere: string }[];
}

/** The visible cases sharing a party with `c`, newest first (one statement). */
export async function familyOf(
  dataSource: DataSource,
  scope: ScopeService,
  user: AuthUser,
  c: { id: string; receivedAt: Date },
): Promise<FamilyView> {
  const scoped = scope.caseCondition(user, FAMILY_SCOPE_COLUMNS);
  const named = `SELECT fc.id, fc.case_number AS "caseNumber", fc.status,
        fc.dispute_type AS "disputeType", fc.received_at AS "receivedAt",
        fc.closed_at AS "closedAt", fc.result,
        json_agg(DISTINCT jsonb_build_object('partyId', fp.id, 'role', fp.role, 'name', fp.name,
          'idNumber', fp.id_number_masked, 'roleThere', fq.role)) AS shared
      ${familyJoin(':caseId', scoped.sql)}
      GROUP BY fc.id
      ORDER BY fc.received_at DESC, fc.id DESC
      LIMIT ${FAMILY_LIMIT}`;
  const [sql, params] = dataSource.driver.escapeQueryWithParameters(named, {
    ...scoped.params,
    caseId: c.id,
  });
  const rows: FamilyRow[] = await dataSource.query(sql, params);
  const items = rows.map((r): FamilyItemView => ({
    kind: 'case',
    at: r.receivedAt.toISOString(),
    earlier: r.receivedAt < c.receivedAt,
    caseId: r.id,
    caseNumber: r.caseNumber,
    status: r.status,
    disputeType: r.disputeType,
    receivedAt: r.receivedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    result: r.result,
    shared: [...r.shared].sort(
      (a, b) => Number(a.role !== 'applicant') - Number(b.role !== 'applicant'),
    ),
  }));
  return { earlierRecords: items.filter((i) => i.earlier).length, items };
}
