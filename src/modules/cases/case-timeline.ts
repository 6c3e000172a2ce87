import type { DataSource } from 'typeorm';

/** What each audited action reads as in a case's timeline. */
const PHRASES: Record<string, string> = {
  'case.created': 'recorded the referral',
  'case.updated': 'edited the case details',
  'case.consent_recorded': "recorded a party's consent",
  'case.consent_refused': "recorded a party's refusal; the case closed for court filing",
  'case.screening_recorded': 'recorded a safety screening',
  'case.closed_unsuitable':
    'found the case not suitable for mediation; the case closed for court filing',
  'case.referred': 'referred the case for mediation',
  'case.withdrawn': 'recorded the withdrawal; the case closed',
  'case.assigned': 'assigned a mediator',
  'case.reassigned': 'assigned another mediator',
  'case.accepted': 'accepted the case; the mediation period started',
  'case.declined': 'declined the case',
  'case.recused': 'recused from the case',
  'case.extended': 'extended the mediation period with both parties’ consent',
  'case.expired': 'closed the case: the mediation period ended without an outcome',
  'session.scheduled': 'scheduled a mediation session',
  'session.rescheduled': 'rescheduled a mediation session',
  'session.recorded': 'recorded a mediation session (调解笔录)',
  'session.cancelled': 'cancelled a mediation session',
  'session.no_show': 'recorded that a party did not come to a session',
  'case.outcome_submitted': 'submitted the outcome for review',
  'case.outcome_returned': 'returned the outcome for correction',
  'case.closed': 'approved the outcome; the case closed',
  'case.court_filing_recorded': 'recorded the court filing',
  'case.judicial_confirmation_recorded': 'recorded the judicial confirmation',
  'case.registry_divorce_recorded': 'recorded the registry divorce',
  'case.follow_up_scheduled': 'scheduled a follow-up visit',
  'case.follow_up_recorded': 'recorded a follow-up visit',
  'party.revealed': "viewed a party's full contact or ID details",
  'access.denied': 'was refused access',
};

export interface TimelineEntry {
  at: string;
  actor: string | null;
  role: string | null;
  action: string;
  text: string;
}

const shanghaiMinute = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** `2026-11-03 09:12 张丽 (mediator) accepted the case`, oldest first, in Asia/Shanghai time. */
export async function caseTimeline(
  dataSource: DataSource,
  caseId: string,
): Promise<TimelineEntry[]> {
  const rows: {
    occurred_at: Date;
    action: string;
    actor_role: string | null;
    display_name: string | null;
    after: Record<string, unknown> | null;
  }[] = await dataSource.query(
    `SELECT a.occurred_at, a.action, a.actor_role, u.display_name, a.after
         FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.case_id = $1 ORDER BY a.id`,
    [caseId],
  );
  return rows.map((r) => {
    const who = r.display_name
      ? `${r.display_name}${r.actor_role ? ` (${r.actor_role})` : ''}`
      : 'the system';
    const what = PHRASES[r.action] ?? r.action.replace(/^[a-z]+\./, '').replace(/_/g, ' ');
    // A session held before its planned time took the held time: say what the plan was.
    const planned = r.after?.heldEarlierThanPlanned ? r.after.previousScheduledAt : undefined;
    const detail =
      typeof planned === 'string'
        ? `, held earlier than planned (planned ${shanghaiMinute(new Date(planned))})`
        : '';
    return {
      at: r.occurred_at.toISOString(),
      actor: r.display_name,
      role: r.actor_role,
      action: r.action,
      text: `${shanghaiMinute(r.occurred_at)} ${who} ${what}${detail}`,
    };
  });
}
