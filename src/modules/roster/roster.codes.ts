// By name, the codes whose texts are in roster.messages.ts; why named: src/codes.ts.

/** The roster's codes. */
export const RosterCode = {
  MediatorNotFound: 'MEDIATOR.NOT_FOUND',
  VillagesOutsideRegion: 'ROSTER.VILLAGES_OUTSIDE_REGION',
  ConflictSubjectRequired: 'ROSTER.CONFLICT_SUBJECT_REQUIRED',
} as const;
export type RosterCode = (typeof RosterCode)[keyof typeof RosterCode];

/** Why a mediator is suggested for a case (or not): the reasons of a suggestion, never an error. */
export const SuggestionCode = {
  ServesVillage: 'SUGGESTION.SERVES_VILLAGE',
  ServesTownship: 'SUGGESTION.SERVES_TOWNSHIP',
  Speciality: 'SUGGESTION.SPECIALITY',
  DvTrained: 'SUGGESTION.DV_TRAINED',
  Load: 'SUGGESTION.LOAD',
  Ineligible: 'SUGGESTION.INELIGIBLE',
} as const;
export type SuggestionCode = (typeof SuggestionCode)[keyof typeof SuggestionCode];
