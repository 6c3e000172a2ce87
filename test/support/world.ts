import type { INestApplicationContext } from '@nestjs/common';
import { systemContext } from '../../src/common/context/request-context.js';
import { CourtsService } from '../../src/modules/courts/courts.service.js';
import { OrganizationsService } from '../../src/modules/organizations/organizations.service.js';
import { RegionsService } from '../../src/modules/regions/regions.service.js';
import type { RegionLevel } from '../../src/modules/regions/region.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import type { Role } from '../../src/common/auth/roles.js';
import type { TestApp } from './app.js';
import { PASSWORD, PHONE } from './fixtures.js';

/**
 * Two counties of one city, each with a court; township X (villages X1, X2) and Y (Y1) in
 * county A, township Z (Z1) in county B; users of every role placed in them.
 */
export interface World {
  regions: Record<
    'city' | 'countyA' | 'townX' | 'x1' | 'x2' | 'townY' | 'y1' | 'countyB' | 'townZ' | 'z1',
    string
  >;
  courts: { a: string; b: string };
  orgs: { x: string; z: string };
  users: Record<
    'admin' | 'clerkA' | 'clerkB' | 'supervisorX' | 'supervisorCity' | 'mediatorX1' | 'mediatorZ1',
    string
  >;
}

export async function seedWorld(app: INestApplicationContext): Promise<World> {
  const ctx = systemContext('test-seed');
  const regionsService = app.get(RegionsService);
  const region = async (
    code: string,
    name: string,
    level: RegionLevel,
    parentId: string | null,
  ): Promise<string> => (await regionsService.create(ctx, { code, name, level, parentId })).id;
  const city = await region('370200000000', '青岛市', 'city', null);
  const countyA = await region('370281000000', '胶州市', 'county', city);
  const townX = await region('370281105000', '胶西镇', 'township', countyA);
  const x1 = await region('370281105201', '胶西村', 'village', townX);
  const x2 = await region('370281105202', '杜村', 'village', townX);
  const townY = await region('370281106000', '胶北街道', 'township', countyA);
  const y1 = await region('370281106201', '玉皇庙村', 'village', townY);
  const countyB = await region('370282000000', '即墨区', 'county', city);
  const townZ = await region('370282101000', '通济街道', 'township', countyB);
  const z1 = await region('370282101201', '东关村', 'village', townZ);

  const courts = app.get(CourtsService);
  const a = (await courts.create(ctx, { code: 'J37', name: '胶州市人民法院', regionId: countyA }))
    .id;
  const b = (await courts.create(ctx, { code: 'J38', name: '即墨区人民法院', regionId: countyB }))
    .id;
  const orgsService = app.get(OrganizationsService);
  const orgX = (
    await orgsService.create(ctx, {
      name: '胶西镇婚姻家庭纠纷人民调解委员会',
      regionId: townX,
      rooms: ['百合调解室'],
    })
  ).id;
  const orgZ = (await orgsService.create(ctx, { name: '通济街道人民调解委员会', regionId: townZ }))
    .id;

  const usersService = app.get(UsersService);
  const user = async (
    username: string,
    role: Role,
    extra: Record<string, string> = {},
  ): Promise<string> =>
    (
      await usersService.create(ctx, {
        username,
        password: PASSWORD,
        displayName: username,
        role,
        ...extra,
      })
    ).id;
  return {
    regions: { city, countyA, townX, x1, x2, townY, y1, countyB, townZ, z1 },
    courts: { a, b },
    orgs: { x: orgX, z: orgZ },
    users: {
      admin: await user('admin1', 'admin'),
      clerkA: await user('clerka', 'clerk', { courtId: a, phone: PHONE }),
      clerkB: await user('clerkb', 'clerk', { courtId: b }),
      supervisorX: await user('supervisorx', 'supervisor', { regionId: townX }),
      supervisorCity: await user('supervisorcity', 'supervisor', { regionId: city }),
      mediatorX1: await user('mediatorx1', 'mediator', { regionId: x1, organizationId: orgX }),
      mediatorZ1: await user('mediatorz1', 'mediator', { regionId: z1, organizationId: orgZ }),
    },
  };
}

export async function login(
  t: TestApp,
  username: string,
  password = PASSWORD,
): Promise<{ access: string; refresh: string }> {
  const res = await t.http().post('/api/v1/auth/login').send({ username, password }).expect(200);
  return { access: res.body.accessToken, refresh: res.body.refreshToken };
}

export const bearer = (token: string): { Authorization: string } => ({
  Authorization: `Bearer ${token}`,
});
