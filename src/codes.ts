// Every module's codes (`<module>.codes.ts`, beside its catalogue): the union the errors take and
// the list the OpenAPI document gives clients.
//
// Why codes are named and not written: a code is a contract (clients branch on it, the catalogue
// holds its texts). A throw site, a field error and an ApiDoc list name a member
// (`CaseCode.VersionConflict`), so a typo is a compile error, not a code without texts found by a
// test or by a user; the catalogue is keyed by the same members and must give each its texts. The
// strings are what the wire carries and never change. Members are the code in PascalCase without
// the object's own prefix (`CASE.` in CaseCode, `SESSION.` in SessionCode): `CASE.VERSION_CONFLICT`
// is `CaseCode.VersionConflict`, `PARTY.NOT_FOUND` in intake's is `IntakeCode.PartyNotFound`.
import { RequestCode, ValidationCode } from './common/i18n/common.codes.js';
import { AuthCode } from './modules/auth/auth.codes.js';
import { AfterClosureCode } from './modules/cases/after-closure/after-closure.codes.js';
import { AssignmentCode } from './modules/cases/assignment/assignment.codes.js';
import { CaseCode } from './modules/cases/cases.codes.js';
import { ClockCode } from './modules/cases/clock/clock.codes.js';
import { IntakeCode } from './modules/cases/intake/intake.codes.js';
import { OutcomeCode } from './modules/cases/outcome/outcome.codes.js';
import { SessionCode } from './modules/cases/sessions/sessions.codes.js';
import { CourtCode } from './modules/courts/courts.codes.js';
import { DocumentCode } from './modules/documents/documents.codes.js';
import { OrganizationCode } from './modules/organizations/organizations.codes.js';
import { RegionCode } from './modules/regions/regions.codes.js';
import { ReminderCode } from './modules/reminders/reminders.codes.js';
import { RosterCode } from './modules/roster/roster.codes.js';
import { SentinelCode } from './modules/sentinel/sentinel.codes.js';
import { StatsCode } from './modules/stats/stats.codes.js';
import { UserCode } from './modules/users/users.codes.js';

/** The codes a problem or one of its field errors can carry, by module. */
const ERROR_CODE_OBJECTS = {
  RequestCode,
  ValidationCode,
  AuthCode,
  UserCode,
  RegionCode,
  CourtCode,
  OrganizationCode,
  RosterCode,
  CaseCode,
  IntakeCode,
  AssignmentCode,
  ClockCode,
  SessionCode,
  OutcomeCode,
  AfterClosureCode,
  DocumentCode,
  ReminderCode,
  StatsCode,
  SentinelCode,
} as const;

type ValueOf<T> = T[keyof T];

/**
 * A code of a problem or a field error: what `DomainError`, `conflict`, `fieldError` and the
 * ApiDoc lists take and the problem filter writes. The timeline's lines and the suggestions'
 * reasons are texts, never errors, and are not among them.
 */
export type ErrorCode = ValueOf<{
  [K in keyof typeof ERROR_CODE_OBJECTS]: ValueOf<(typeof ERROR_CODE_OBJECTS)[K]>;
}>;

/** Every ErrorCode, sorted: the `enum` of the OpenAPI document's Problem and FieldError codes. */
export const ERROR_CODES: readonly ErrorCode[] = Object.values(ERROR_CODE_OBJECTS)
  .flatMap((codes): ErrorCode[] => Object.values(codes))
  .sort();
