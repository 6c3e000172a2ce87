// By name, the codes whose texts are in outcome.messages.ts; why named: src/codes.ts.

/** The outcome's codes: the law's routes and the agreement's terms. */
export const OutcomeCode = {
  ResultUnknown: 'OUTCOME.RESULT_UNKNOWN',
  RouteNotAllowed: 'OUTCOME.ROUTE_NOT_ALLOWED',
  AgreementRequired: 'OUTCOME.AGREEMENT_REQUIRED',
  AgreementNotAllowed: 'OUTCOME.AGREEMENT_NOT_ALLOWED',
  EffectiveDateInvalid: 'OUTCOME.EFFECTIVE_DATE_INVALID',
  ChildTermNotObject: 'OUTCOME.CHILD_TERM_NOT_OBJECT',
  ChildNotOfCase: 'OUTCOME.CHILD_NOT_OF_CASE',
  ChildTwice: 'OUTCOME.CHILD_TWICE',
  ChildNotHeard: 'OUTCOME.CHILD_NOT_HEARD',
  ChildCustodyMissing: 'OUTCOME.CHILD_CUSTODY_MISSING',
  ChildTermsMissing: 'OUTCOME.CHILD_TERMS_MISSING',
  AmountRequired: 'OUTCOME.AMOUNT_REQUIRED',
  AmountFormat: 'OUTCOME.AMOUNT_FORMAT',
  SupportEndFormat: 'OUTCOME.SUPPORT_END_FORMAT',
  SupportEndBeforeEffective: 'OUTCOME.SUPPORT_END_BEFORE_EFFECTIVE',
  AncillaryEmpty: 'OUTCOME.ANCILLARY_EMPTY',
  ReturnCommentRequired: 'OUTCOME.RETURN_COMMENT_REQUIRED',
} as const;
export type OutcomeCode = (typeof OutcomeCode)[keyof typeof OutcomeCode];
