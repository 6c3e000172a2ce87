// By name, the codes whose texts are in users.messages.ts; why named: src/codes.ts.

/** The user accounts' codes. */
export const UserCode = {
  NotFound: 'USER.NOT_FOUND',
  UsernameTaken: 'USER.USERNAME_TAKEN',
  LastAdmin: 'USER.LAST_ADMIN',
  UsernameFormat: 'USER.USERNAME_FORMAT',
  PlacementRequired: 'USER.PLACEMENT_REQUIRED',
  MediatorRegionNotVillage: 'USER.MEDIATOR_REGION_NOT_VILLAGE',
  SentinelRegionOutsidePoint: 'USER.SENTINEL_REGION_OUTSIDE_POINT',
} as const;
export type UserCode = (typeof UserCode)[keyof typeof UserCode];
