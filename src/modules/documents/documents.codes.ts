// By name, the codes whose texts are in documents.messages.ts; why named: src/codes.ts.

/** The documents' codes: who may issue which document, and when; their scans'. */
export const DocumentCode = {
  NotFound: 'DOCUMENT.NOT_FOUND',
  NotIssuer: 'DOCUMENT.NOT_ISSUER',
  NotIssuable: 'DOCUMENT.NOT_ISSUABLE',
  OutcomeNotApproved: 'DOCUMENT.OUTCOME_NOT_APPROVED',
  NothingToBind: 'DOCUMENT.NOTHING_TO_BIND',
  NotDraftable: 'DOCUMENT.NOT_DRAFTABLE',
  SubjectRequired: 'DOCUMENT.SUBJECT_REQUIRED',
  IssueContended: 'DOCUMENT.ISSUE_CONTENDED',
  // Scans of the signed paper (scans/).
  ScanNotFound: 'SCAN.NOT_FOUND',
  ScanFileRequired: 'SCAN.FILE_REQUIRED',
  ScanFileTooLarge: 'SCAN.FILE_TOO_LARGE',
  ScanFileType: 'SCAN.FILE_TYPE',
  ScanFileUnreadable: 'SCAN.FILE_UNREADABLE',
  ScanQrMismatch: 'SCAN.QR_MISMATCH',
  ScanPageOutOfRange: 'SCAN.PAGE_OUT_OF_RANGE',
} as const;
export type DocumentCode = (typeof DocumentCode)[keyof typeof DocumentCode];
