// The world: a city, its counties (each with a court, a clerk and a supervisor), townships (an
// organisation, a supervisor, mediators serving three villages each) and villages.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { childPath } from '../../modules/regions/region-rules.js';
import { COUNTY_NAMES, FEMALE_GIVEN, MALE_GIVEN, PLACE_SYLLABLES, SURNAMES } from './names.js';
import { between, intBetween, pick, type Rand } from './random.js';
import { insert, Rows, T } from './tables.js';

export const BULK_CITY_CODE = '379900000000';
const CITY_NAME = '滨海市';

export interface Village {
  id: string;
  path: string;
  name: string;
  /** Index of the township mediator who serves it. */
  mediator: number;
}
export interface Township {
  id: string;
  path: string;
  name: string;
  supervisorId: string;
  villages: Village[];
  mediatorIds: string[];
}
export interface County {
  id: string;
  code: string;
  path: string;
  courtId: string;
  courtCode: string;
  /** The court's 代字: 鲁 and the county's digits of its region code, as the API defaults it. */
  courtDesignator: string;
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
export const bulkCourtDesignator = (county: number): string => `鲁99${pad(county + 1)}`;

function placeName(rand: Rand, suffix: string): string {
  return pick(rand, PLACE_SYLLABLES) + pick(rand, PLACE_SYLLABLES) + suffix;
}

export async function seedWorld(
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
    const courtDesignator = bulkCourtDesignator(c);
    courtRows.push(courtId, courtCode, courtDesignator, `${name}人民法院`, id);
    const clerkId = user(bulkUsernames.clerk(c), `${name}法院立案庭`, 'clerk', { court: courtId });
    user(bulkUsernames.countySupervisor(c), `${name}妇联`, 'supervisor', { region: id });
    const county: County = {
      id,
      code,
      path,
      courtId,
      courtCode,
      courtDesignator,
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
