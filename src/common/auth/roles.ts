/** Every role a user can have; the order is the one the API documents. */
export const ROLES = ['admin', 'clerk', 'mediator', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];
