// By name, the codes whose texts are in sessions.messages.ts; why named: src/codes.ts.

/** Sessions' codes. */
export const SessionCode = {
  NotFound: 'SESSION.NOT_FOUND',
  NotScheduled: 'SESSION.NOT_SCHEDULED',
  Cancelled: 'SESSION.CANCELLED',
  JointNotAllowed: 'SESSION.JOINT_NOT_ALLOWED',
} as const;
export type SessionCode = (typeof SessionCode)[keyof typeof SessionCode];
