import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { AuthSession } from '../modules/auth/auth-session.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { Court } from '../modules/courts/court.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { Region } from '../modules/regions/region.entity.js';
import { User } from '../modules/users/user.entity.js';
import { OutboxMessage } from '../queue/outbox.entity.js';

/** Every entity, listed explicitly (globs break between ts-jest and the compiled build). */
export const ENTITIES = [
  Region,
  Court,
  Organization,
  User,
  AuthSession,
  RefreshToken,
  AuditEvent,
  OutboxMessage,
];
