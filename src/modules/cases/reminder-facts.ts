import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../common/sql/prepared.js';
import type { CaseSnapshot } from '../reminders/reminder-plan.js';
import type { Case } from './case.entity.js';

type Json = Record<string, unknown>;
const date = (v: unknown): Date | null => (v ? new Date(v as string) : null);

/**
 * What the reminder planner needs about one case besides the case row, in one statement (it runs
 * in every case transaction and at every reminder's fire time): the current assignment, scheduled
 * sessions, latest outcome, tracking, follow-ups, parties, and the supervisors and clerks to tell.
 * `c` is either the cases table (by id) or the case row the writer holds, given as values, so a
 * write does not read its locked row a second time.
 */
const factsSql = (from: string): string => `
SELECT c.id, c.status, c.result, c.route, c.closed_at, c.deadline_at, c.mediator_id, c.court_id,
       (SELECT u.phone_encrypted IS NOT NULL FROM users u WHERE u.id = c.mediator_id) AS mediator_has_phone,
       (SELECT json_build_object('assigned_at', a.assigned_at, 'accepted_at', a.accepted_at)
          FROM case_assignments a WHERE a.case_id = c.id AND a.ended_at IS NULL
         ORDER BY a.assigned_at DESC LIMIT 1) AS assignment,
       (SELECT coalesce(json_agg(json_build_object('id', s.id, 'scheduled_at', s.scheduled_at, 'status', s.status)), '[]')
          FROM case_sessions s WHERE s.case_id = c.id AND s.status = 'scheduled') AS sessions,
       (SELECT json_build_object('submitted_at', o.submitted_at, 'review_decision', o.review_decision,
                                 'effective_at', o.agreement->>'effectiveAt')
          FROM case_outcomes o WHERE o.case_id = c.id ORDER BY o.submitted_at DESC LIMIT 1) AS outcome,
       (SELECT json_build_object('jc_applied_at', t.jc_applied_at, 'registry_applied_at', t.registry_applied_at,
                                 'registry_certificate_at', t.registry_certificate_at)
          FROM case_tracking t WHERE t.case_id = c.id) AS tracking,
       (SELECT coalesce(json_agg(json_build_object('id', f.id, 'due_on', f.due_on, 'visited_at', f.visited_at)), '[]')
          FROM case_follow_ups f WHERE f.case_id = c.id) AS follow_ups,
       (SELECT coalesce(json_agg(json_build_object('id', p.id, 'has_phone', p.phone_encrypted IS NOT NULL,
                                                   'sms_opt_out', p.sms_opt_out) ORDER BY p.id), '[]')
          FROM parties p WHERE p.case_id = c.id) AS parties,
       -- The supervisors nearest the case's village (a township's before the city's).
       (SELECT coalesce(json_agg(s.id ORDER BY s.id), '[]') FROM (
          SELECT su.id, length(r.path) AS depth, max(length(r.path)) OVER () AS deepest
            FROM users su JOIN regions r ON r.id = su.region_id
           WHERE su.role = 'supervisor' AND su.active AND c.region_path LIKE r.path || '%') s
         WHERE s.depth = s.deepest) AS supervisor_ids,
       (SELECT coalesce(json_agg(k.id ORDER BY k.id), '[]') FROM users k
         WHERE k.role = 'clerk' AND k.active AND k.court_id = c.court_id) AS clerk_ids
  FROM ${from}`;

const BY_ID_SQL = factsSql('cases c WHERE c.id = $1');
const OF_ROW_SQL = factsSql(
  `(VALUES ($1::uuid, $2::varchar, $3::varchar, $4::varchar, $5::timestamptz, $6::timestamptz,
            $7::uuid, $8::uuid, $9::varchar))
     AS c(id, status, result, route, closed_at, deadline_at, mediator_id, court_id, region_path)`,
);

/**
 * The planner's facts about a case: read with the case row by id (the sender at a reminder's
 * fire time), or around the row a case transaction holds (after its change). Null when the case
 * is gone.
 */
export async function loadReminderFacts(
  manager: EntityManager,
  c: string | Case,
): Promise<CaseSnapshot | null> {
  const [row] =
    typeof c === 'string'
      ? await preparedQuery<Json>(manager, 'reminder-facts-by-id', BY_ID_SQL, [c])
      : await preparedQuery<Json>(manager, 'reminder-facts-of-row', OF_ROW_SQL, [
          c.id,
          c.status,
          c.result,
          c.route,
          c.closedAt,
          c.deadlineAt,
          c.mediatorId,
          c.courtId,
          c.regionPath,
        ]);
  return row ? factsOf(row) : null;
}

function factsOf(c: Json): CaseSnapshot {
  const assignment = c.assignment as Json | null;
  const outcome = c.outcome as Json | null;
  const tracking = c.tracking as Json | null;
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
    assignment: assignment
      ? {
          assignedAt: new Date(assignment.assigned_at as string),
          acceptedAt: date(assignment.accepted_at),
        }
      : null,
    sessions: (c.sessions as Json[]).map((s) => ({
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
    tracking: tracking
      ? {
          jcAppliedAt: date(tracking.jc_applied_at),
          registryAppliedAt: date(tracking.registry_applied_at),
          registryCertificateAt: date(tracking.registry_certificate_at),
        }
      : null,
    followUps: (c.follow_ups as Json[]).map((f) => ({
      id: f.id as string,
      dueOn: f.due_on as string,
      visitedAt: date(f.visited_at),
    })),
    parties: (c.parties as Json[]).map((p) => ({
      id: p.id as string,
      hasPhone: Boolean(p.has_phone),
      smsOptOut: Boolean(p.sms_opt_out),
    })),
    supervisorIds: c.supervisor_ids as string[],
    clerkIds: c.clerk_ids as string[],
  };
}

/** What a reminder's text says about its case, read when it fires (so a moved session shows its new time). */
export interface ReminderMessageFacts {
  caseNumber: string;
  courtReference: string | null;
  result: string | null;
  route: string | null;
  closedAt: Date | null;
  deadlineAt: Date | null;
  mediatorName: string | null;
  mediatorPhoneEncrypted: string | null;
  /** The session the reminder is about, if any. */
  session: { scheduledAt: Date; location: string } | null;
  /** The party it goes to, if any; `dv`: her screening shows domestic-violence indicators. */
  party: {
    name: string;
    phoneEncrypted: string | null;
    smsOptOut: boolean;
    smsDetailsAllowed: boolean;
    dv: boolean;
  } | null;
  /** The staff member it goes to, if any: her phone, encrypted. */
  userPhoneEncrypted: string | null;
}

const MESSAGE_FACTS_SQL = `
SELECT c.case_number, c.court_reference, c.result, c.route, c.closed_at, c.deadline_at,
       u.display_name AS mediator_name, u.phone_encrypted AS mediator_phone,
       (SELECT json_build_object('scheduled_at', s.scheduled_at, 'location', s.location)
          FROM case_sessions s WHERE s.id = $2 AND s.case_id = c.id) AS session,
       (SELECT json_build_object('name', p.name, 'phone', p.phone_encrypted, 'opt_out', p.sms_opt_out,
                                 'details', p.sms_details_allowed,
                                 'dv', EXISTS (SELECT 1 FROM case_screenings cs
                                                WHERE cs.party_id = p.id AND cs.dv_indicator))
          FROM parties p WHERE p.id = $3 AND p.case_id = c.id) AS party,
       (SELECT r.phone_encrypted FROM users r WHERE r.id = $4) AS user_phone
  FROM cases c LEFT JOIN users u ON u.id = c.mediator_id
 WHERE c.id = $1`;

/** One statement: the case, its mediator, and the reminder's session and recipient. Null when the case is gone. */
export async function loadReminderMessageFacts(
  manager: EntityManager,
  caseId: string,
  about: { sessionId: string | null; partyId: string | null; userId: string | null },
): Promise<ReminderMessageFacts | null> {
  const [c] = await manager.query<Json[]>(MESSAGE_FACTS_SQL, [
    caseId,
    about.sessionId,
    about.partyId,
    about.userId,
  ]);
  if (!c) return null;
  const session = c.session as Json | null;
  const party = c.party as Json | null;
  return {
    caseNumber: c.case_number as string,
    courtReference: (c.court_reference as string | null) ?? null,
    result: (c.result as string | null) ?? null,
    route: (c.route as string | null) ?? null,
    closedAt: date(c.closed_at),
    deadlineAt: date(c.deadline_at),
    mediatorName: (c.mediator_name as string | null) ?? null,
    mediatorPhoneEncrypted: (c.mediator_phone as string | null) ?? null,
    session: session
      ? {
          scheduledAt: new Date(session.scheduled_at as string),
          location: session.location as string,
        }
      : null,
    party: party
      ? {
          name: party.name as string,
          phoneEncrypted: (party.phone as string | null) ?? null,
          smsOptOut: Boolean(party.opt_out),
          smsDetailsAllowed: Boolean(party.details),
          dv: Boolean(party.dv),
        }
      : null,
    userPhoneEncrypted: (c.user_phone as string | null) ?? null,
  };
}
