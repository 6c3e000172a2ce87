import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES, type Role } from './roles.js';

export const ACCESS_KEY = 'access';

/** Who may call a route. Every route declares one; a route without it is refused (deny by default). */
export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/** Open to anyone (login, refresh, health, docs). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/**
 * Authenticated, limited to `roles`; documents the route in OpenAPI at the same time.
 * `@Access('clerk', 'supervisor')`; `@Access('any')` for every signed-in role.
 */
export function Access(...roles: (Role | 'any')[]): MethodDecorator & ClassDecorator {
  const allowed = roles.includes('any') ? [...ROLES] : (roles as Role[]);
  return applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'roles', roles: allowed } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or invalid access token' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${allowed.join(', ')}` }),
  );
}
