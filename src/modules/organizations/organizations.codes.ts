// By name, the codes whose texts are in organizations.messages.ts; why named: src/codes.ts.

/** The organizations' codes. */
export const OrganizationCode = {
  NotFound: 'ORGANIZATION.NOT_FOUND',
  NoSuchOrganization: 'ORGANIZATION.NO_SUCH_ORGANIZATION',
  WatchedVillageNotVillage: 'ORGANIZATION.WATCHED_VILLAGE_NOT_VILLAGE',
  WatchedVillageOutsideRegion: 'ORGANIZATION.WATCHED_VILLAGE_OUTSIDE_REGION',
  NotSentinelPoint: 'ORGANIZATION.NOT_SENTINEL_POINT',
} as const;
export type OrganizationCode = (typeof OrganizationCode)[keyof typeof OrganizationCode];
