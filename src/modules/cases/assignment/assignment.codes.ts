// By name, the codes whose texts are in assignment.messages.ts; why named: src/codes.ts.

/** Assignment's codes. */
export const AssignmentCode = {
  AlreadyAssigned: 'ASSIGNMENT.ALREADY_ASSIGNED',
  MediatorNotEligible: 'ASSIGNMENT.MEDIATOR_NOT_ELIGIBLE',
} as const;
export type AssignmentCode = (typeof AssignmentCode)[keyof typeof AssignmentCode];
