// By name, the codes whose texts are in courts.messages.ts; why named: src/codes.ts.

/** The courts' codes. */
export const CourtCode = {
  NotFound: 'COURT.NOT_FOUND',
  NoSuchCourt: 'COURT.NO_SUCH_COURT',
  CodeTaken: 'COURT.CODE_TAKEN',
  DesignatorTaken: 'COURT.DESIGNATOR_TAKEN',
  JurisdictionLevel: 'COURT.JURISDICTION_LEVEL',
  DesignatorRequired: 'COURT.DESIGNATOR_REQUIRED',
  CodeFormat: 'COURT.CODE_FORMAT',
  DesignatorFormat: 'COURT.DESIGNATOR_FORMAT',
} as const;
export type CourtCode = (typeof CourtCode)[keyof typeof CourtCode];
