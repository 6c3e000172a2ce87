/**
 * Every role a user can have; the order is the one the API documents. `sentinel`: a reporter at a
 * sentinel point (哨点: 妇女微家, 执委工作室, 个人调解室) who files dispute reports and sees only
 * her own; no case, stats or admin route admits her.
 */
export const ROLES = ['admin', 'clerk', 'mediator', 'supervisor', 'sentinel'] as const;
export type Role = (typeof ROLES)[number];
