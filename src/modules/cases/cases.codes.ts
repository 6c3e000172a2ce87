// By name, the codes whose texts are in cases.messages.ts; why named: src/codes.ts.

/** The case core's codes: finding a case, its version and transitions, idempotency, search. */
export const CaseCode = {
  NotFound: 'CASE.NOT_FOUND',
  FollowUpNotFound: 'FOLLOW-UP.NOT_FOUND',
  NotAssignedToYou: 'CASE.NOT_ASSIGNED_TO_YOU',
  VersionConflict: 'CASE.VERSION_CONFLICT',
  InvalidTransition: 'CASE.INVALID_TRANSITION',
  DuplicateCourtReference: 'CASE.DUPLICATE_COURT_REFERENCE',
  IdempotencyKeyReused: 'IDEMPOTENCY.KEY_REUSED',
  SearchOneOf: 'CASE.SEARCH_ONE_OF',
  IfMatchFormat: 'CASE.IF_MATCH_FORMAT',
  VersionMismatch: 'CASE.VERSION_MISMATCH',
  VersionRequired: 'CASE.VERSION_REQUIRED',
  IdempotencyKeyFormat: 'IDEMPOTENCY.KEY_FORMAT',
  ReminderSmsDetailsMediatorOnly: 'REMINDER.SMS_DETAILS_MEDIATOR_ONLY',
} as const;
export type CaseCode = (typeof CaseCode)[keyof typeof CaseCode];
