// npm run seed:demo — a realistic demo county to try the API with, in the database `npm start`
// uses (the same configuration and defaults: .env, DATABASE_URL or the local/embedded
// `mediation`). Safe to run once per database; refuses when the demo court already exists.
// Logs at warn while seeding (LOG_LEVEL overrides); the users and their passwords, random and
// shown once, come last.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import { createApiApp } from '../http/create-api-app.js';
import { idChecksum } from '../common/validation/chinese.js';
import { envOrExit, runMigrations } from '../boot.js';
import { databaseFor, describeDatabase } from '../database/database-url.js';
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

// Only the log level differs from `npm start`: one request log line per seeding call would bury
// the passwords.
process.env.LOG_LEVEL ??= 'warn';
const env = envOrExit();
await runMigrations(env);
const database = describeDatabase(await databaseFor(env), env);
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
const court = await app.get(CourtsService).create(ctx, {
  code: 'J37',
  designator: '鲁0281',
  name: '胶州市人民法院',
  regionId: await id('370281000000'),
});
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
const created: string[] = [];
for (const person of people) {
  const password = randomBytes(9).toString('base64url');
  created.push(password);
  await users.create(ctx, { ...person, password });
}
await app.close();
const passwords = Object.fromEntries(people.map((p, i) => [p.username, created[i]]));
const cases = await seedCases(passwords);

// Last, after every log line: what was made, where, and how to log in.
const table = [
  ['role', 'username', 'password (shown once)', 'name'],
  ...people.map((p, i) => [p.role, p.username, created[i], p.displayName]),
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
console.log(
  [
    '',
    `Demo county 胶州市 seeded: ${cases}.`,
    `${database}: the one \`npm start\` uses with this configuration.`,
    '',
    ...table.map((row) => `  ${row.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd()),
    '',
    `Log in: curl -s localhost:${env.PORT}/api/v1/auth/login -H 'content-type: application/json' \\`,
    `          -d '{"username":"clerk1","password":"${passwords.clerk1}"}'`,
    'First steps per role: README.md, "First steps".',
    '',
  ].join('\n'),
);
process.exit(0);

/**
 * Cases in every state, made through the HTTP API (in-process) as each role would: a clerk refers,
 * a supervisor assigns, a mediator accepts, holds sessions and submits outcomes.
 */
async function seedCases(passwords: Record<string, string>): Promise<string> {
  const api = await createApiApp();
  await api.init();
  await api.getHttpAdapter().getInstance().ready();
  const call = async (
    token: string | null,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ): Promise<Record<string, unknown>> => {
    const res = await api.inject({
      method,
      url: `/api/v1${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
  };
  const token = async (username: string): Promise<string> =>
    (await call(null, 'POST', '/auth/login', { username, password: passwords[username] }))
      .accessToken as string;
  const clerk = await token('clerk1');
  const supervisor = await token('supervisor.jiaoxi');
  const mediator = await token('mediator1');
  const mediatorId = (await call(mediator, 'GET', '/auth/me')).id as string;
  const village = (
    (await call(clerk, 'GET', '/regions?q=370281105201')).items as { id: string }[]
  )[0].id;
  await call(supervisor, 'PATCH', `/mediators/${mediatorId}`, {
    title: '村妇代会主任',
    villageIds: [village],
    specialities: ['divorce', 'custody', 'child_support'],
    maxActiveCases: 10,
  });
  await call(supervisor, 'POST', `/mediators/${mediatorId}/trainings`, {
    title: '反家庭暴力法专题培训',
    heldOn: '2026-09-12',
    hours: 6,
    topics: ['domestic_violence', 'family_law'],
  });

  const id = (birth: string, male: boolean, n: number): string => {
    const first17 = `370281${birth.replace(/-/g, '')}${String(n * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
    return first17 + idChecksum(first17);
  };
  const NO_DV = {
    physicalViolence: false,
    threats: false,
    coerciveControl: false,
    fearOfOtherParty: false,
    childrenAtRisk: false,
    protectionOrderInForce: false,
  };
  let n = 0;
  const newCase = async (summary: string) => {
    n += 1;
    const c = (await call(clerk, 'POST', '/cases', {
      mediationKind: 'pre_filing',
      disputeType: 'divorce',
      source: 'court_referral',
      summary,
      claims: '请求离婚，子女由原告抚养，依法分割共同财产。',
      receivedAt: `2026-11-${String(2 + n).padStart(2, '0')}T09:00:00+08:00`,
      regionId: village,
      parties: [
        {
          role: 'applicant',
          name: [
            '张丽华',
            '王秀英',
            '刘桂兰',
            '陈美玲',
            '杨淑芬',
            '赵晓燕',
            '孙丽娟',
            '周红梅',
            '吴雪梅',
          ][n % 9],
          gender: 'female',
          idNumber: id('1990-03-15', false, n),
          phone: `1380000${String(1000 + n)}`,
        },
        {
          role: 'respondent',
          name: ['李建国', '张伟', '王强', '刘洋', '陈刚', '杨军', '赵磊', '孙涛', '周鹏'][n % 9],
          gender: 'male',
          idNumber: id('1988-06-12', true, n),
          phone: `1390000${String(1000 + n)}`,
        },
      ],
      children: [
        { name: '小宝', gender: 'male', birthDate: '2016-05-01', residence: 'with_applicant' },
      ],
    })) as { id: string; version: number; parties: { id: string }[]; children: { id: string }[] };
    let version = c.version;
    const step = async (tok: string, path: string, body: object = {}) => {
      await call(tok, 'POST', `/cases/${c.id}${path}`, { ...body, version });
      version += 1;
    };
    return { c, step, version: () => version, bump: () => (version += 1) };
  };
  const toReferred = async (summary: string) => {
    const k = await newCase(summary);
    for (const party of k.c.parties) {
      await k.step(clerk, '/consents', {
        partyId: party.id,
        decision: 'consented',
        method: 'signed_form',
        recordedAt: new Date().toISOString(),
      });
      await k.step(clerk, '/screenings', {
        partyId: party.id,
        answers: NO_DV,
        recommendation: 'joint',
      });
    }
    await k.step(clerk, '/refer');
    return k;
  };
  const toInMediation = async (summary: string) => {
    const k = await toReferred(summary);
    await k.step(supervisor, '/assignment', { mediatorId });
    await k.step(mediator, '/accept');
    return k;
  };
  const agreementFor = (childId: string) => ({
    // The case's clock: an agreement takes effect after the acceptance (now), e.g. tomorrow.
    effectiveAt: new Date(Date.now() + 86_400_000).toISOString(),
    form: 'written',
    children: [
      {
        childId,
        custody: 'applicant',
        heard: true,
        support: {
          amount: '1500.00',
          frequency: 'monthly',
          method: 'bank_transfer',
          until: '2034-05-01',
        },
        visitation: '每月第一、三个周末',
      },
    ],
  });

  await newCase('received：法院刚委派，待征询当事人意愿。');
  const refused = await newCase('closed/refused：被申请人拒绝调解。');
  await refused.step(clerk, '/consents', {
    partyId: refused.c.parties[1].id,
    decision: 'refused',
    method: 'phone',
    recordedAt: new Date().toISOString(),
  });
  await toReferred('referred：双方同意调解，待指派调解员。');
  const assigned = await toReferred('assigned：已指派，待调解员接收。');
  await assigned.step(supervisor, '/assignment', { mediatorId });
  const active = await toInMediation('in_mediation：调解中，已安排调解。');
  await call(mediator, 'POST', `/cases/${active.c.id}/sessions`, {
    // Within the mediation period that the acceptance just started.
    scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    location: '百合调解室',
    mode: 'in_person',
    format: 'joint',
    version: active.version(),
  });
  const pending = await toInMediation('pending_review：已达成离婚协议，待督导审核。');
  await pending.step(mediator, '/outcome', {
    result: 'divorce_agreed',
    route: 'court_mediation_document',
    agreement: agreementFor(pending.c.children[0].id),
  });
  const closed = await toInMediation('closed/divorce_agreed：已审核结案，法院出具调解书。');
  await closed.step(mediator, '/outcome', {
    result: 'divorce_agreed',
    route: 'court_mediation_document',
    agreement: agreementFor(closed.c.children[0].id),
  });
  await closed.step(supervisor, '/review', { decision: 'approve' });
  await closed.step(clerk, '/court-filing', {
    courtCaseNumber: '(2026)鲁0281民初1234号',
    filedAt: '2026-11-21T09:00:00+08:00',
  });
  const failed = await toInMediation('closed/no_agreement：调解不成，转立案。');
  await failed.step(mediator, '/outcome', {
    result: 'no_agreement',
    route: 'court_filing',
    undisputedFacts: '双方均同意离婚，争议在于财产分割。',
  });
  await failed.step(supervisor, '/review', { decision: 'approve' });
  await api.close();
  return `${n} cases (received, referred, assigned, in_mediation, pending_review, closed: refused, divorce_agreed, no_agreement)`;
}
