import { test as setup } from '@playwright/test';
import type { components } from '../src/api/schema';
import { adminApi, ok, PASSWORD, USERS } from './world';

/**
 * The shared world, made through the real API as the bootstrap admin: a city, a county with its
 * court, a township with two villages and a mediation committee, and one user per role.
 * Regions by code: 370200000000 青岛市 › 370281000000 胶州市 › 370281105000 胶西镇 ›
 * 370281105201 胶西村 / 370281105202 杜村. Court J37 胶州市人民法院.
 */
setup('world: regions, court, organisation, one user per role', async () => {
  const api = await adminApi();
  const region = async (
    code: string,
    name: string,
    level: 'city' | 'county' | 'township' | 'village',
    parentId: string | null,
  ) =>
    (
      await ok(
        `region ${name}`,
        api.POST('/api/v1/regions', { body: { code, name, level, parentId } }),
      )
    ).id;
  const city = await region('370200000000', '青岛市', 'city', null);
  const county = await region('370281000000', '胶州市', 'county', city);
  const town = await region('370281105000', '胶西镇', 'township', county);
  const village = await region('370281105201', '胶西村', 'village', town);
  await region('370281105202', '杜村', 'village', town);
  const court = await ok(
    'court',
    api.POST('/api/v1/courts', { body: { code: 'J37', name: '胶州市人民法院', regionId: county } }),
  );
  const org = await ok(
    'organisation',
    api.POST('/api/v1/organizations', {
      body: { name: '胶西镇婚姻家庭纠纷人民调解委员会', regionId: town, rooms: ['百合调解室'] },
    }),
  );
  const user = (body: components['schemas']['CreateUserDto']) =>
    ok(`user ${body.username}`, api.POST('/api/v1/users', { body }));
  await user({ ...USERS.clerk, password: PASSWORD, role: 'clerk', courtId: court.id });
  await user({
    ...USERS.mediator,
    password: PASSWORD,
    role: 'mediator',
    regionId: village,
    organizationId: org.id,
    phone: '13800000011',
  });
  await user({ ...USERS.supervisor, password: PASSWORD, role: 'supervisor', regionId: county });
});
