// npm run seed:demo — a realistic demo county to try the API with. Safe to run once per database;
// refuses when the demo court already exists. Passwords are random and printed once.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import { envOrExit, runMigrations } from '../boot.js';
import { systemContext } from '../common/context/request-context.js';
import { CourtsService } from '../modules/courts/courts.service.js';
import { Court } from '../modules/courts/court.entity.js';
import { OrganizationsService } from '../modules/organizations/organizations.service.js';
import { RegionsService } from '../modules/regions/regions.service.js';
import { UsersService } from '../modules/users/users.service.js';

const CSV = `code,name,level,parentCode
370200000000,青岛市,city,
370281000000,胶州市,county,370200000000
370281105000,胶西镇,township,370281000000
370281105201,胶西村,village,370281105000
370281105202,杜村,village,370281105000
370281105203,马店村,village,370281105000
370281106000,胶北街道,township,370281000000
370281106201,玉皇庙村,village,370281106000
370281106202,后屯村,village,370281106000
370281106203,张家屯村,village,370281106000
370281107000,九龙街道,township,370281000000
370281107201,九龙村,village,370281107000
370281107202,西庄村,village,370281107000
370281107203,小坦村,village,370281107000
`;

const env = envOrExit();
await runMigrations(env);
const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
const ctx = systemContext('seed-demo');
if (await app.get(DataSource).getRepository(Court).existsBy({ code: 'J37' })) {
  console.error('The demo county is already seeded (court J37 exists); nothing done.');
  await app.close();
  process.exit(1);
}

await app.get(RegionsService).importCsv(ctx, CSV);
const regions = app.get(DataSource).getRepository('regions');
const id = async (code: string): Promise<string> =>
  ((await regions.findOneByOrFail({ code })) as { id: string }).id;
const court = await app
  .get(CourtsService)
  .create(ctx, { code: 'J37', name: '胶州市人民法院', regionId: await id('370281000000') });
const org = await app.get(OrganizationsService).create(ctx, {
  name: '胶州市婚姻家庭纠纷人民调解委员会',
  regionId: await id('370281000000'),
  rooms: ['百合调解室', '胶西镇妇女之家'],
});

const people = [
  { username: 'admin.demo', displayName: '系统管理员', role: 'admin' as const },
  { username: 'clerk1', displayName: '王敏', role: 'clerk' as const, courtId: court.id },
  {
    username: 'supervisor.county',
    displayName: '刘芳',
    role: 'supervisor' as const,
    regionId: await id('370281000000'),
  },
  {
    username: 'supervisor.jiaoxi',
    displayName: '孙丽',
    role: 'supervisor' as const,
    regionId: await id('370281105000'),
  },
  {
    username: 'mediator1',
    displayName: '张丽',
    role: 'mediator' as const,
    regionId: await id('370281105201'),
    organizationId: org.id,
  },
  {
    username: 'mediator2',
    displayName: '李红',
    role: 'mediator' as const,
    regionId: await id('370281106201'),
    organizationId: org.id,
  },
];
const users = app.get(UsersService);
console.log('\nDemo county 胶州市 seeded. Users (passwords shown once):\n');
for (const person of people) {
  const password = randomBytes(9).toString('base64url');
  await users.create(ctx, { ...person, password });
  console.log(
    `  ${person.role.padEnd(10)} ${person.username.padEnd(18)} ${password}   ${person.displayName}`,
  );
}
console.log('\nLog in: POST /api/v1/auth/login {"username":"clerk1","password":"…"}\n');
await app.close();
