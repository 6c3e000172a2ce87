// By name, the codes whose texts are in documents.messages.ts; why named: src/codes.ts.

/** The documents' codes: who may issue which document, and when. */
export const DocumentCode = {
  NotFound: 'DOCUMENT.NOT_FOUND',
  NotIssuer: 'DOCUMENT.NOT_ISSUER',
  NotIssuable: 'DOCUMENT.NOT_ISSUABLE',
  OutcomeNotApproved: 'DOCUMENT.OUTCOME_NOT_APPROVED',
  NothingToBind: 'DOCUMENT.NOTHING_TO_BIND',
  NotDraftable: 'DOCUMENT.NOT_DRAFTABLE',
  SubjectRequired: 'DOCUMENT.SUBJECT_REQUIRED',
} as const;
export type DocumentCode = (typeof DocumentCode)[keyof typeof DocumentCode];
