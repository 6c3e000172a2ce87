// By name, the codes whose texts are in organizations.messages.ts; why named: src/codes.ts.

/** The organizations' codes. */
export const OrganizationCode = {
  NotFound: 'ORGANIZATION.NOT_FOUND',
  NoSuchOrganization: 'ORGANIZATION.NO_SUCH_ORGANIZATION',
} as const;
export type OrganizationCode = (typeof OrganizationCode)[keyof typeof OrganizationCode];
