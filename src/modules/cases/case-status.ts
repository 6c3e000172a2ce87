// received → referred → assigned → in_mediation → pending_review → closed
// (see docs/design/domain.md).
export const CASE_STATUSES = [
  'received',
  'referred',
  'assigned',
  'in_mediation',
  'pending_review',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'update_details',
  'record_consent',
  'record_screening',
  'refuse_consent',
  'mark_unsuitable',
  'refer',
  'assign',
  'reassign',
  'accept',
  'decline',
  'recuse',
  'extend',
  'schedule_session',
  'record_session',
  'submit_outcome',
  'approve',
  'return',
  'withdraw',
  'expire',
  'record_court_filing',
  'record_judicial_confirmation',
  'record_follow_up',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

type Transitions = Partial<Record<CaseStatus, CaseStatus>>;

// The one place that says which action may happen in which status, and where it leads.
const TRANSITIONS: Record<CaseAction, Transitions> = {
  // Details are frozen once a mediator holds the case: she signed for what she received.
  update_details: { received: 'received', referred: 'referred' },
  record_consent: { received: 'received' },
  record_screening: { received: 'received' },
  // Mediation is voluntary: one refusal ends it and the case goes to court filing.
  refuse_consent: { received: 'closed' },
  mark_unsuitable: { received: 'closed' },
  refer: { received: 'referred' },
  assign: { referred: 'assigned' },
  // The new mediator must accept afresh, so an accepted case drops back to assigned.
  reassign: { assigned: 'assigned', in_mediation: 'assigned' },
  // Acceptance starts the legal clock.
  accept: { assigned: 'in_mediation' },
  decline: { assigned: 'referred' },
  recuse: { assigned: 'referred', in_mediation: 'referred' },
  extend: { in_mediation: 'in_mediation' },
  schedule_session: { in_mediation: 'in_mediation' },
  record_session: { in_mediation: 'in_mediation' },
  submit_outcome: { in_mediation: 'pending_review' },
  approve: { pending_review: 'closed' },
  return: { pending_review: 'in_mediation' },
  withdraw: {
    received: 'closed',
    referred: 'closed',
    assigned: 'closed',
    in_mediation: 'closed',
    pending_review: 'closed',
  },
  // Only a case still in mediation expires: an outcome under review was submitted in time.
  expire: { in_mediation: 'closed' },
  // What happens after closure is tracked without reopening the case.
  record_court_filing: { closed: 'closed' },
  record_judicial_confirmation: { closed: 'closed' },
  record_follow_up: { closed: 'closed' },
};

export class InvalidTransitionError extends Error {
  constructor(
    readonly status: CaseStatus,
    readonly action: CaseAction,
  ) {
    super(`cannot ${action} a case that is ${status}`);
    this.name = 'InvalidTransitionError';
  }
}

// Own properties only: a stray 'constructor' or 'toString' from an untyped caller must not match.
function targetOf(status: CaseStatus, action: CaseAction): CaseStatus | undefined {
  if (!Object.hasOwn(TRANSITIONS, action)) return undefined;
  const row = TRANSITIONS[action];
  return Object.hasOwn(row, status) ? row[status] : undefined;
}

export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus {
  const to = targetOf(status, action);
  if (to === undefined) throw new InvalidTransitionError(status, action);
  return to;
}

export function canDo(status: CaseStatus, action: CaseAction): boolean {
  return targetOf(status, action) !== undefined;
}

/** In CASE_ACTIONS order, so menus and messages are stable. */
export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((action) => canDo(status, action));
}

export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed');
