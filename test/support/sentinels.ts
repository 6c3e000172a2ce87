import type { INestApplicationContext } from '@nestjs/common';
import { systemContext } from '../../src/common/context/request-context.js';
import { OrganizationsService } from '../../src/modules/organizations/organizations.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { PASSWORD } from './fixtures.js';
import type { World } from './world.js';

/**
 * Two sentinel points beside the world: 胶西村妇女微家 in township X watching village X1, and
 * 秀丽个人调解室 in township Z watching Z1; a sentinel reporter at each.
 */
export interface Sentinels {
  points: { homeX: string; roomZ: string };
  users: { sentinelX1: string; sentinelZ1: string };
}

export const SENTINEL_USERNAMES = { sentinelX1: 'sentinelx1', sentinelZ1: 'sentinelz1' } as const;

export async function seedSentinels(
  app: INestApplicationContext,
  world: World,
): Promise<Sentinels> {
  const ctx = systemContext('test-seed');
  const orgs = app.get(OrganizationsService);
  const homeX = (
    await orgs.create(ctx, {
      name: '胶西村妇女微家',
      regionId: world.regions.townX,
      kind: 'women_micro_home',
      responsiblePerson: '王秀英',
      watchedVillageIds: [world.regions.x1],
    })
  ).id;
  const roomZ = (
    await orgs.create(ctx, {
      name: '秀丽个人调解室',
      regionId: world.regions.townZ,
      kind: 'personal_room',
      responsiblePerson: '李秀丽',
      watchedVillageIds: [world.regions.z1],
    })
  ).id;
  const users = app.get(UsersService);
  const sentinel = async (username: string, regionId: string, organizationId: string) =>
    (
      await users.create(ctx, {
        username,
        password: PASSWORD,
        displayName: username,
        role: 'sentinel',
        regionId,
        organizationId,
      })
    ).id;
  return {
    points: { homeX, roomZ },
    users: {
      sentinelX1: await sentinel(SENTINEL_USERNAMES.sentinelX1, world.regions.x1, homeX),
      sentinelZ1: await sentinel(SENTINEL_USERNAMES.sentinelZ1, world.regions.z1, roomZ),
    },
  };
}
