// By name, the codes whose texts are in clock.messages.ts; why named: src/codes.ts.

/** The legal clock's codes: extensions, and dates checked against the case's clock. */
export const ClockCode = {
  CaseExtensionNeedsConsent: 'CASE.EXTENSION_NEEDS_CONSENT',
  CaseExtensionOverCap: 'CASE.EXTENSION_OVER_CAP',
  DateInvalid: 'DATE.INVALID',
  DateInFuture: 'DATE.IN_FUTURE',
  DateBeforeCase: 'DATE.BEFORE_CASE',
  DateAfterDeadline: 'DATE.AFTER_DEADLINE',
  DateEndNotAfterStart: 'DATE.END_NOT_AFTER_START',
} as const;
export type ClockCode = (typeof ClockCode)[keyof typeof ClockCode];
