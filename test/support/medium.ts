import type { INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { Clock } from '../../src/common/clock.js';
import { type Actor, systemContext } from '../../src/common/context/request-context.js';
import { FieldCipher } from '../../src/common/crypto/field-cipher.js';
import { DEFAULT_LANG } from '../../src/common/i18n/catalogue.js';
import type { JsonObject } from '../../src/common/json.js';
import { createPino, PinoLoggerService } from '../../src/common/logging/logger.js';
import { loadEnv, resetEnvCache } from '../../src/config/config.module.js';
import { Env } from '../../src/config/env.js';
import { installServiceMessages } from '../../src/messages.js';
import { AuthSession } from '../../src/modules/auth/auth-session.entity.js';
import { loadSessionUser } from '../../src/modules/auth/session-lookup.js';
import { CaseAssignment } from '../../src/modules/cases/assignment/case-assignment.entity.js';
import { Case, type MediationKindValue } from '../../src/modules/cases/case.entity.js';
import type { CaseStatus } from '../../src/modules/cases/case-status.js';
import { deadline } from '../../src/modules/cases/clock/case-clock.js';
import { CaseChild } from '../../src/modules/cases/intake/case-child.entity.js';
import {
  CASE_TYPE_DESIGNATORS,
  formatCaseNumber,
} from '../../src/modules/cases/intake/case-numbering.js';
import {
  CaseScreening,
  type Recommendation,
} from '../../src/modules/cases/intake/case-screening.entity.js';
import { partyColumns } from '../../src/modules/cases/intake/party-columns.js';
import { Party, type PartyRole } from '../../src/modules/cases/intake/party.entity.js';
import { CaseOutcome } from '../../src/modules/cases/outcome/case-outcome.entity.js';
import { CaseSession } from '../../src/modules/cases/sessions/case-session.entity.js';
import { Court } from '../../src/modules/courts/court.entity.js';
import { Region } from '../../src/modules/regions/region.entity.js';
import { ReminderScheduler } from '../../src/modules/reminders/reminder-scheduler.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { seedWorld, type World } from './world.js';
import { APPLICANT_ID, APPLICANT_PHONE, NO_DV, RESPONDENT_ID } from './cases.js';
import { resetDatabase } from './database.js';
import { PASSWORD } from './fixtures.js';

/**
 * The medium test layer (test/medium/*.medium-spec.ts): the application's services in a Nest
 * application context (no HTTP listener) on the real test database and Redis, with small helpers
 * that insert the rows a test starts from and return them. A service is called as a controller
 * would call it, with an Actor built the way the access guard builds one.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** What seedWorld writes: kept by `resetCases`. */
const WORLD_TABLES = ['regions', 'courts', 'organizations', 'users'];

/** The app's clock, which a test may pin (`set`) and move (`advance`); real time until then. */
export class TestClock extends Clock {
  private pinned: Date | null = null;

  now(): Date {
    return this.pinned ? new Date(this.pinned) : new Date();
  }

  set(at: Date | string): void {
    this.pinned = new Date(at);
  }

  advance(ms: number): void {
    this.pinned = new Date(this.now().getTime() + ms);
  }

  /** Back to real time. */
  release(): void {
    this.pinned = null;
  }
}

export interface Medium {
  app: INestApplicationContext;
  ds: DataSource;
  clock: TestClock;
  env: Env;
  get<T>(type: Type<T>): T;
  /** Empties the database and lets the clock run again. */
  reset(): Promise<void>;
  /**
   * Empties every table but the world's (regions, courts, organisations, users: seed them once
   * per file with `seedWorld`) and lets the clock run again.
   */
  resetCases(): Promise<void>;
  close(): Promise<void>;
}

/**
 * AppModule (the feature modules the API and the worker share) on the test database and Redis, as
 * an application context (Nest's testing module is one: it lets the clock be replaced). Redis is
 * real: the queue module claims the deployment's prefix there; writes only add outbox rows.
 */
export async function createMedium(): Promise<Medium> {
  resetEnvCache();
  const env = loadEnv();
  installServiceMessages();
  const clock = new TestClock();
  const app = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger(new PinoLoggerService(createPino(env).child({ process: 'medium' })))
    .compile();
  await app.init();
  const ds = app.get(DataSource);
  return {
    app,
    ds,
    clock,
    env: app.get(Env),
    get: (type) => app.get(type),
    reset: async () => {
      clock.release();
      await resetDatabase(ds);
    },
    resetCases: async () => {
      clock.release();
      await emptyAllBut(ds, WORLD_TABLES);
    },
    close: () => app.close(),
  };
}

/**
 * One medium spec file's lifetime, registered as its first hooks: the context and the world
 * seeded before all, every case emptied before each test, the context closed after all. A spec's
 * own hooks run after these (`suite.m` and `suite.world` are set by then).
 */
export function mediumSuite(): { m: Medium; world: World } {
  const suite = {} as { m: Medium; world: World };
  beforeAll(async () => {
    suite.m = await createMedium();
    await suite.m.reset();
    suite.world = await seedWorld(suite.m.app);
  });
  beforeEach(() => suite.m.resetCases());
  afterAll(() => suite.m.close());
  return suite;
}

/**
 * DELETE, not TRUNCATE: the tables hold a few rows between two tests, and truncating forty tables
 * (a new file each, flushed to disk) took over a second per test. `replica` skips the triggers
 * for this transaction: the audit trail's refusal, the foreign keys' checks, the statistics.
 */
async function emptyAllBut(ds: DataSource, keep: string[]): Promise<void> {
  const tables: { tablename: string }[] = await ds.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
        AND tablename NOT IN ('typeorm_migrations', 'deployment') AND NOT tablename = ANY($1)`,
    [keep],
  );
  await ds.transaction(async (manager) => {
    await manager.query(`SET LOCAL session_replication_role = replica`);
    await manager.query(tables.map((t) => `DELETE FROM "${t.tablename}";`).join(' '));
  });
}

/**
 * The user as the access guard loads her for a request (role, court, scope root), through a
 * session row and the guard's own query.
 */
export async function actorOf(m: Medium, userId: string): Promise<Actor> {
  const session = await m.ds
    .getRepository(AuthSession)
    .save({ userId, expiresAt: new Date(Date.now() + HOUR), revokedAt: null });
  const user = await loadSessionUser(m.ds, userId, session.id);
  if (!user) throw new Error(`actorOf: no active user ${userId}`);
  return { user, requestId: `medium-${user.username}`, ip: null, lang: DEFAULT_LANG };
}

/** One more mediator living in `villageId` (by the users service, as seedWorld makes them). */
export async function seedMediator(
  m: Medium,
  username: string,
  villageId: string,
  organizationId: string,
): Promise<string> {
  const created = await m.get(UsersService).create(systemContext('medium-seed'), {
    username,
    password: PASSWORD,
    displayName: username,
    role: 'mediator',
    regionId: villageId,
    organizationId,
  });
  return created.id;
}

const ASSIGNED: readonly CaseStatus[] = ['assigned', 'in_mediation', 'pending_review'];
const ACCEPTED: readonly CaseStatus[] = ['in_mediation', 'pending_review'];
let sequence = 0;

export interface CaseSeed {
  /** The court the case came from; default the world's court A. */
  courtId?: string;
  /** Its village; default X1. */
  regionId?: string;
  /** Default `received`; `assigned` and later need `mediatorId`. */
  status?: CaseStatus;
  mediatorId?: string | null;
  mediationKind?: MediationKindValue;
  dvFlag?: boolean;
  /** Default version 1. */
  version?: number;
  /** For a closed case: default `withdrawn` / `none`. */
  result?: string | null;
  route?: string | null;
}

/**
 * A case row in the given status, inserted directly (no intake, no reminders: `syncReminders`
 * adds those). With `mediatorId` (which `assigned` and later need) it has her assignment, made by
 * the world's supervisor X a day ago: open, or ended `closed` for a closed case. A case in
 * mediation or after was accepted now, with the deadline its kind's clock gives; a closed one was
 * closed now.
 */
export async function seedCase(m: Medium, world: World, seed: CaseSeed = {}): Promise<Case> {
  const status = seed.status ?? 'received';
  const mediatorId = seed.mediatorId ?? null;
  if (ASSIGNED.includes(status) && !mediatorId)
    throw new Error(`seedCase: a case ${status} needs a mediatorId`);
  const now = m.clock.now();
  const closed = status === 'closed';
  const accepted = ACCEPTED.includes(status) || (closed && mediatorId) ? now : null;
  const kind = seed.mediationKind ?? 'pre_filing';
  const court = await m.ds
    .getRepository(Court)
    .findOneByOrFail({ id: seed.courtId ?? world.courts.a });
  const region = await m.ds
    .getRepository(Region)
    .findOneByOrFail({ id: seed.regionId ?? world.regions.x1 });
  const year = now.getUTCFullYear();
  sequence += 1;
  const row = await m.ds.getRepository(Case).save(
    m.ds.getRepository(Case).create({
      caseNumber: formatCaseNumber(year, court.designator, CASE_TYPE_DESIGNATORS[kind], sequence),
      courtId: court.id,
      year,
      sequence,
      courtReference: null,
      mediationKind: kind,
      disputeType: 'divorce',
      source: 'court_referral',
      summary: '双方因家庭琐事产生矛盾，女方起诉离婚。',
      claims: '请求判令离婚。',
      receivedAt: new Date(now.getTime() - 2 * DAY),
      regionId: region.id,
      regionPath: region.path,
      status,
      dvFlag: seed.dvFlag ?? false,
      mediatorId,
      acceptedAt: accepted,
      deadlineAt: accepted ? deadline(kind, accepted, m.env) : null,
      closedAt: closed ? now : null,
      result: seed.result ?? (closed ? 'withdrawn' : null),
      route: seed.route ?? (closed ? 'none' : null),
      version: seed.version ?? 1,
      createdBy: world.users.clerkA,
    }),
  );
  if (mediatorId)
    await seedAssignment(m, world, row, mediatorId, {
      assignedAt: new Date(now.getTime() - DAY),
      acceptedAt: accepted,
      ...(closed ? { endReason: 'closed' as const } : {}),
    });
  return row;
}

/**
 * An assignment of the case to a mediator; with `endReason` a past one (ended an hour after it
 * began): she still sees the case, but may not act on it.
 */
export async function seedAssignment(
  m: Medium,
  world: World,
  c: Case,
  mediatorId: string,
  over: Partial<Pick<CaseAssignment, 'assignedAt' | 'acceptedAt' | 'endReason'>> = {},
): Promise<CaseAssignment> {
  const assignedAt = over.assignedAt ?? new Date(m.clock.now().getTime() - 2 * DAY);
  return m.ds.getRepository(CaseAssignment).save({
    caseId: c.id,
    mediatorId,
    assignedBy: world.users.supervisorX,
    assignedAt,
    acceptedAt: over.acceptedAt ?? null,
    endedAt: over.endReason ? new Date(assignedAt.getTime() + HOUR) : null,
    endReason: over.endReason ?? null,
    note: null,
  });
}

export interface PartySeed {
  role?: PartyRole;
  name?: string;
  /** Default: the applicant's or the respondent's of test/support/cases.ts. */
  idNumber?: string;
  /** Null: no phone (no SMS). Default: a phone for the applicant, none for the respondent. */
  phone?: string | null;
  smsOptOut?: boolean;
}

/** A party of the case, written as intake writes one (encrypted, blind-indexed, masked). */
export async function seedParty(m: Medium, c: Case, seed: PartySeed = {}): Promise<Party> {
  const role = seed.role ?? 'applicant';
  const applicant = role === 'applicant';
  const idNumber = seed.idNumber ?? (applicant ? APPLICANT_ID : RESPONDENT_ID);
  const phone = seed.phone === undefined ? (applicant ? APPLICANT_PHONE : null) : seed.phone;
  const columns = partyColumns(m.get(FieldCipher), c.id, {
    role,
    name: seed.name ?? (applicant ? '张某某' : '李某某'),
    gender: applicant ? 'female' : 'male',
    idNumber,
    ...(phone ? { phone } : {}),
  });
  const repo = m.ds.getRepository(Party);
  return repo.save(repo.create({ ...columns, smsOptOut: seed.smsOptOut ?? false }));
}

/**
 * A party's screening, as intake records one (answers encrypted); `shuttle` keeps the parties in
 * separate rooms, and any DV indicator should come with the case's `dvFlag`.
 */
export async function seedScreening(
  m: Medium,
  world: World,
  party: Party,
  over: { recommendation?: Recommendation; threats?: boolean } = {},
): Promise<CaseScreening> {
  const answers = { ...NO_DV, threats: over.threats ?? false };
  return m.ds.getRepository(CaseScreening).save({
    caseId: party.caseId,
    partyId: party.id,
    answersEncrypted: m.get(FieldCipher).encrypt(JSON.stringify({ answers, notes: null })),
    dvIndicator: answers.threats,
    recommendation: over.recommendation ?? 'joint',
    screenedAt: m.clock.now(),
    recordedBy: world.users.clerkA,
  });
}

/** A child of the case. */
export async function seedChild(
  m: Medium,
  c: Case,
  over: { name?: string; birthDate?: string } = {},
): Promise<CaseChild> {
  return m.ds.getRepository(CaseChild).save({
    caseId: c.id,
    name: over.name ?? '李小某',
    gender: 'male',
    birthDate: over.birthDate ?? '2016-05-01',
    residence: 'with_applicant',
  } as Partial<CaseChild>);
}

/** A session of the case with its mediator; default scheduled three days from the clock's now. */
export async function seedSession(
  m: Medium,
  c: Case,
  over: Partial<Pick<CaseSession, 'scheduledAt' | 'status' | 'format' | 'mediatorId'>> = {},
): Promise<CaseSession> {
  const mediatorId = over.mediatorId ?? c.mediatorId;
  if (!mediatorId) throw new Error('seedSession: the case has no mediator');
  return m.ds.getRepository(CaseSession).save({
    caseId: c.id,
    mediatorId,
    scheduledAt: over.scheduledAt ?? new Date(m.clock.now().getTime() + 3 * DAY),
    durationMinutes: 60,
    location: '百合调解室',
    mode: 'in_person',
    format: over.format ?? 'joint',
    status: over.status ?? 'scheduled',
  });
}

/** An outcome submitted by the case's mediator; `reviewDecision` null is one awaiting review. */
export async function seedOutcome(
  m: Medium,
  world: World,
  c: Case,
  over: Partial<
    Pick<CaseOutcome, 'result' | 'route' | 'submittedAt' | 'reviewDecision' | 'agreement'>
  > = {},
): Promise<CaseOutcome> {
  const submittedAt = over.submittedAt ?? m.clock.now();
  const reviewed = over.reviewDecision ?? null;
  return m.ds.getRepository(CaseOutcome).save({
    caseId: c.id,
    result: over.result ?? 'divorce_agreed',
    route: over.route ?? 'judicial_confirmation',
    agreement: over.agreement ?? ({ effectiveAt: submittedAt.toISOString() } as JsonObject),
    notes: null,
    undisputedFacts: null,
    submittedBy: c.mediatorId ?? world.users.mediatorX1,
    submittedAt,
    reviewDecision: reviewed,
    reviewComment: reviewed === 'returned' ? '请补充财产分割' : null,
    reviewedBy: reviewed ? world.users.supervisorX : null,
    reviewedAt: reviewed ? new Date(submittedAt.getTime() + HOUR) : null,
  });
}

/** The seeded case's reminders as a write would leave them (the scheduler, in a transaction). */
export async function syncReminders(m: Medium, caseId: string): Promise<void> {
  await m.ds.transaction((manager: EntityManager) =>
    m.get(ReminderScheduler).sync(manager, caseId, m.clock.now()),
  );
}

/** The case row as it is in the database now. */
export const caseRow = (m: Medium, id: string): Promise<Case> =>
  m.ds.getRepository(Case).findOneByOrFail({ id });

export interface AuditRow {
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  entity_type: string;
  entity_id: string | null;
  case_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Audit rows about an entity (a case: by case or entity id), oldest first. */
export const auditRows = (m: Medium, entityId: string): Promise<AuditRow[]> =>
  m.ds.query(
    `SELECT action, actor_id, actor_role, entity_type, entity_id, case_id, before, after
       FROM audit_events WHERE case_id::text = $1 OR entity_id = $1 ORDER BY id`,
    [entityId],
  );

export interface ReminderRow {
  id: string;
  kind: string;
  recipient_type: string;
  recipient_id: string;
  channel: string;
  due_at: Date;
  status: string;
  version: number;
}

/** The case's reminder rows, in id order. */
export const reminderRows = (m: Medium, caseId: string): Promise<ReminderRow[]> =>
  m.ds.query(
    `SELECT id, kind, recipient_type, recipient_id, channel, due_at, status, version
       FROM reminders WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );

/** The rejection of `promise`, to assert on its code, kind and params. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}
