import { shanghaiInstant } from '../../common/time/shanghai.js';
import { sendTimeOutsideQuietHours, shanghaiMorning, type QuietHours } from './quiet-hours.js';
import {
  durationLabel,
  type RecipientType,
  type ReminderChannel,
  type ReminderKind,
} from './reminder-catalogue.js';

const DAY = 86_400_000;

/** What the planner needs to know about a case; loaded in the transaction that changed it. */
export interface CaseSnapshot {
  id: string;
  status: string;
  result: string | null;
  route: string | null;
  closedAt: Date | null;
  deadlineAt: Date | null;
  mediatorId: string | null;
  mediatorHasPhone: boolean;
  /** The current assignment, if any. */
  assignment: { assignedAt: Date; acceptedAt: Date | null } | null;
  sessions: { id: string; scheduledAt: Date; status: string }[];
  /** The outcome waiting for review. */
  pendingOutcome: { submittedAt: Date } | null;
  /** When the approved agreement takes effect (judicial confirmation window). */
  agreementEffectiveAt: Date | null;
  tracking: {
    jcAppliedAt: Date | null;
    registryAppliedAt: Date | null;
    registryCertificateAt: Date | null;
  } | null;
  followUps: { id: string; dueOn: string; visitedAt: Date | null }[];
  parties: { id: string; hasPhone: boolean; smsOptOut: boolean }[];
  supervisorIds: string[];
  clerkIds: string[];
  courtId: string;
}

export interface Timings {
  sessionLeads: number[];
  deadlineLeads: number[];
  assignmentEscalation: number;
  reviewRepeat: number;
  judicialConfirmationAfter: number;
  registryAfter: number[];
  followUpEscalation: number;
  quietHours: QuietHours | null;
  webhook: boolean;
}

/** One reminder the case should have now: one recipient, one channel, one due time. */
export interface PlannedReminder {
  /** Stable identity across re-plans: a moved reminder keeps its key and changes its due time. */
  key: string;
  kind: ReminderKind;
  recipientType: RecipientType;
  recipientId: string;
  channel: ReminderChannel;
  dueAt: Date;
  /** The session or follow-up it is about, if any. */
  subjectId: string | null;
}

type Recipient = { type: RecipientType; id: string; channel: ReminderChannel };

/**
 * The reminders a case should have, given its state: the single source of the catalogue's rules.
 * Pure: the scheduler diffs this against the rows (create, move, cancel) and the worker asks it
 * again at fire time, so a reminder that is no longer in the plan does nothing.
 */
export function planReminders(c: CaseSnapshot, t: Timings): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  const add = (
    kind: ReminderKind,
    subject: string,
    label: string,
    recipients: Recipient[],
    dueAt: Date,
    subjectId: string | null = null,
  ): void => {
    for (const r of recipients) {
      out.push({
        key: `${kind}|${subject}|${label}|${r.type}:${r.id}|${r.channel}`,
        kind,
        recipientType: r.type,
        recipientId: r.id,
        channel: r.channel,
        dueAt,
        subjectId,
      });
    }
  };
  const users = (ids: (string | null)[], channel: ReminderChannel = 'in_app'): Recipient[] =>
    [...new Set(ids.filter((id): id is string => Boolean(id)))].map((id) => ({
      type: 'user',
      id,
      channel,
    }));
  const mediator = c.mediatorId ? [c.mediatorId] : [];
  const court: Recipient[] = t.webhook
    ? [{ type: 'court', id: c.courtId, channel: 'webhook' }]
    : [];
  const open = c.status !== 'closed';

  if (c.status === 'assigned' && c.assignment && !c.assignment.acceptedAt) {
    const at = c.assignment.assignedAt;
    add('assignment_pending', 'case', `a${at.getTime()}`, users(mediator), at);
    const late = new Date(at.getTime() + t.assignmentEscalation);
    add(
      'assignment_pending',
      'case',
      `a${at.getTime()}+${durationLabel(t.assignmentEscalation)}`,
      users(c.supervisorIds),
      late,
    );
  }

  if (open) {
    for (const s of c.sessions.filter((x) => x.status === 'scheduled')) {
      for (const lead of t.sessionLeads) {
        const due = new Date(s.scheduledAt.getTime() - lead);
        const label = durationLabel(lead);
        const staff = [...users(mediator), ...(c.mediatorHasPhone ? users(mediator, 'sms') : [])];
        add('session_upcoming', s.id, label, staff, due, s.id);
        const partyDue = sendTimeOutsideQuietHours(due, s.scheduledAt, t.quietHours);
        const parties: Recipient[] = c.parties
          .filter((p) => p.hasPhone && !p.smsOptOut)
          .map((p) => ({ type: 'party', id: p.id, channel: 'sms' }));
        add('session_upcoming', s.id, label, parties, partyDue, s.id);
      }
    }
  }

  if (c.status === 'in_mediation' && c.deadlineAt) {
    for (const lead of t.deadlineLeads) {
      // Whole days: in the morning of that day, not at 23:59 the night before the deadline.
      const due =
        lead % DAY === 0
          ? shanghaiMorning(c.deadlineAt, -lead / DAY)
          : new Date(c.deadlineAt.getTime() - lead);
      add(
        'deadline_approaching',
        'case',
        durationLabel(lead),
        users([...mediator, ...c.supervisorIds]),
        due,
      );
    }
  }

  if (c.status === 'pending_review' && c.pendingOutcome) {
    const at = c.pendingOutcome.submittedAt;
    add('review_pending', 'case', `s${at.getTime()}`, users(c.supervisorIds), at);
    add(
      'review_pending',
      'case',
      `s${at.getTime()}+${durationLabel(t.reviewRepeat)}`,
      users(c.supervisorIds),
      new Date(at.getTime() + t.reviewRepeat),
    );
  }

  if (!open && c.closedAt) {
    const at = c.closedAt;
    const label = `c${at.getTime()}`;
    add('case_closed', 'case', label, court, at);
    if (c.result === 'expired') {
      add(
        'case_expired',
        'case',
        label,
        [...users([...c.clerkIds, ...mediator, ...c.supervisorIds]), ...court],
        at,
      );
    }
    if (c.route === 'court_filing') {
      add('case_returned_to_court', 'case', label, [...users(c.clerkIds), ...court], at);
    }
    if (c.route === 'judicial_confirmation' && !c.tracking?.jcAppliedAt) {
      const from = c.agreementEffectiveAt ?? at;
      add(
        'judicial_confirmation_window',
        'case',
        durationLabel(t.judicialConfirmationAfter),
        users([...mediator, ...c.clerkIds]),
        new Date(from.getTime() + t.judicialConfirmationAfter),
      );
    }
    if (c.route === 'registry_divorce' && !c.tracking?.registryCertificateAt) {
      const from = c.tracking?.registryAppliedAt ?? at;
      for (const after of t.registryAfter) {
        add(
          'registry_cooling_off',
          'case',
          durationLabel(after),
          users(mediator),
          new Date(from.getTime() + after),
        );
      }
    }
  }

  for (const f of c.followUps.filter((x) => !x.visitedAt)) {
    const due = shanghaiInstant(f.dueOn, '09:00:00');
    add('follow_up_due', f.id, 'due', users(mediator), due, f.id);
    add(
      'follow_up_due',
      f.id,
      durationLabel(t.followUpEscalation),
      users(c.supervisorIds),
      new Date(due.getTime() + t.followUpEscalation),
      f.id,
    );
  }
  return out;
}
