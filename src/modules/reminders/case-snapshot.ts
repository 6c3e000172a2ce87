import type { EntityManager } from 'typeorm';
import type { CaseSnapshot } from './reminder-plan.js';

type Row = Record<string, unknown>;
const date = (v: unknown): Date | null => (v ? new Date(v as string) : null);

/**
 * Loads what the planner needs about one case, through `manager` (the transaction that changed it,
 * or the worker's re-check at fire time). Null when the case is gone.
 */
export async function loadCaseSnapshot(
  manager: EntityManager,
  caseId: string,
): Promise<CaseSnapshot | null> {
  const [c]: Row[] = await manager.query(
    `SELECT c.id, c.status, c.result, c.route, c.closed_at, c.deadline_at, c.mediator_id,
            c.court_id, c.region_path, (u.phone_encrypted IS NOT NULL) AS mediator_has_phone
       FROM cases c LEFT JOIN users u ON u.id = c.mediator_id
      WHERE c.id = $1`,
    [caseId],
  );
  if (!c) return null;
  // One transaction is one connection: these run one after the other.
  const assignment: Row[] = await manager.query(
    `SELECT assigned_at, accepted_at FROM case_assignments
      WHERE case_id = $1 AND ended_at IS NULL ORDER BY assigned_at DESC LIMIT 1`,
    [caseId],
  );
  const sessions: Row[] = await manager.query(
    `SELECT id, scheduled_at, status FROM case_sessions WHERE case_id = $1 AND status = 'scheduled'`,
    [caseId],
  );
  const outcomes: Row[] = await manager.query(
    `SELECT submitted_at, review_decision, agreement->>'effectiveAt' AS effective_at
       FROM case_outcomes WHERE case_id = $1 ORDER BY submitted_at DESC LIMIT 1`,
    [caseId],
  );
  const tracking: Row[] = await manager.query(
    `SELECT jc_applied_at, registry_applied_at, registry_certificate_at FROM case_tracking WHERE case_id = $1`,
    [caseId],
  );
  const followUps: Row[] = await manager.query(
    `SELECT id, to_char(due_on, 'YYYY-MM-DD') AS due_on, visited_at FROM case_follow_ups WHERE case_id = $1`,
    [caseId],
  );
  const parties: Row[] = await manager.query(
    `SELECT id, (phone_encrypted IS NOT NULL) AS has_phone, sms_opt_out FROM parties WHERE case_id = $1`,
    [caseId],
  );
  // The supervisors nearest the case's village (a township's before the city's).
  const supervisors: Row[] = await manager.query(
    `WITH s AS (
       SELECT u.id, length(r.path) AS depth FROM users u JOIN regions r ON r.id = u.region_id
        WHERE u.role = 'supervisor' AND u.active AND $1 LIKE r.path || '%')
     SELECT id FROM s WHERE depth = (SELECT max(depth) FROM s) ORDER BY id`,
    [c.region_path],
  );
  const clerks: Row[] = await manager.query(
    `SELECT id FROM users WHERE role = 'clerk' AND active AND court_id = $1 ORDER BY id`,
    [c.court_id],
  );
  const outcome = outcomes[0];
  const track = tracking[0];
  return {
    id: c.id as string,
    status: c.status as string,
    result: (c.result as string | null) ?? null,
    route: (c.route as string | null) ?? null,
    closedAt: date(c.closed_at),
    deadlineAt: date(c.deadline_at),
    mediatorId: (c.mediator_id as string | null) ?? null,
    mediatorHasPhone: Boolean(c.mediator_has_phone),
    courtId: c.court_id as string,
    assignment: assignment[0]
      ? {
          assignedAt: new Date(assignment[0].assigned_at as string),
          acceptedAt: date(assignment[0].accepted_at),
        }
      : null,
    sessions: sessions.map((s) => ({
      id: s.id as string,
      scheduledAt: new Date(s.scheduled_at as string),
      status: s.status as string,
    })),
    pendingOutcome:
      outcome && outcome.review_decision === null
        ? { submittedAt: new Date(outcome.submitted_at as string) }
        : null,
    agreementEffectiveAt:
      outcome?.review_decision === 'approved' ? date(outcome.effective_at) : null,
    tracking: track
      ? {
          jcAppliedAt: date(track.jc_applied_at),
          registryAppliedAt: date(track.registry_applied_at),
          registryCertificateAt: date(track.registry_certificate_at),
        }
      : null,
    followUps: followUps.map((f) => ({
      id: f.id as string,
      dueOn: f.due_on as string,
      visitedAt: date(f.visited_at),
    })),
    parties: parties.map((p) => ({
      id: p.id as string,
      hasPhone: Boolean(p.has_phone),
      smsOptOut: Boolean(p.sms_opt_out),
    })),
    supervisorIds: supervisors.map((s) => s.id as string),
    clerkIds: clerks.map((s) => s.id as string),
  };
}
