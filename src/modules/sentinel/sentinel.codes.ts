// By name, the codes whose texts are in sentinel.messages.ts; why named: src/codes.ts.

/** The sentinel reports' codes (矛盾纠纷线索). */
export const SentinelCode = {
  NotFound: 'SENTINEL-REPORT.NOT_FOUND',
  FieldRequiredByOutcome: 'SENTINEL-REPORT.FIELD_REQUIRED_BY_OUTCOME',
  FieldNotForOutcome: 'SENTINEL-REPORT.FIELD_NOT_FOR_OUTCOME',
  FollowUpOutOfRange: 'SENTINEL-REPORT.FOLLOW_UP_OUT_OF_RANGE',
  VillageOutsidePoint: 'SENTINEL-REPORT.VILLAGE_OUTSIDE_POINT',
  PartyGenderMismatch: 'SENTINEL-REPORT.PARTY_GENDER_MISMATCH',
  AlreadyReviewed: 'SENTINEL-REPORT.ALREADY_REVIEWED',
  VersionConflict: 'SENTINEL-REPORT.VERSION_CONFLICT',
} as const;
export type SentinelCode = (typeof SentinelCode)[keyof typeof SentinelCode];
