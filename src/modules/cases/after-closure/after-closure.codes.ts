// By name, the codes whose texts are in after-closure.messages.ts; why named: src/codes.ts.

/** After closure's codes: tracks that need a route, judicial confirmation, follow-ups. */
export const AfterClosureCode = {
  CaseWrongRoute: 'CASE.WRONG_ROUTE',
  CaseNotAFollowUp: 'CASE.NOT_A_FOLLOW_UP',
  JudicialConfirmationDatesOrder: 'JUDICIAL_CONFIRMATION.DATES_ORDER',
  RegistryInCoolingOff: 'REGISTRY.IN_COOLING_OFF',
  RegistryAfterDue: 'REGISTRY.AFTER_DUE',
  FollowUpDueOrVisited: 'FOLLOW_UP.DUE_OR_VISITED',
  FollowUpPerformanceRequired: 'FOLLOW_UP.PERFORMANCE_REQUIRED',
} as const;
export type AfterClosureCode = (typeof AfterClosureCode)[keyof typeof AfterClosureCode];
