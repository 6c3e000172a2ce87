// By name, the codes whose texts are in intake.messages.ts; why named: src/codes.ts.

/** Intake's codes: the referral's parties and villages, and referral's preconditions. */
export const IntakeCode = {
  PartyNotFound: 'PARTY.NOT_FOUND',
  CaseReferralPreconditions: 'CASE.REFERRAL_PRECONDITIONS',
  CasePartyRoleMissing: 'CASE.PARTY_ROLE_MISSING',
  PartyBirthDateMismatch: 'PARTY.BIRTH_DATE_MISMATCH',
  PartyGenderMismatch: 'PARTY.GENDER_MISMATCH',
  PartyIdNumberTwice: 'PARTY.ID_NUMBER_TWICE',
  CaseAccountWithoutCourt: 'CASE.ACCOUNT_WITHOUT_COURT',
  CaseVillageOutsideJurisdiction: 'CASE.VILLAGE_OUTSIDE_JURISDICTION',
  CaseNotAParty: 'CASE.NOT_A_PARTY',
} as const;
export type IntakeCode = (typeof IntakeCode)[keyof typeof IntakeCode];
