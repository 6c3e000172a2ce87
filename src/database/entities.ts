import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Case } from '../modules/cases/case.entity.js';
import { CaseAssignment } from '../modules/cases/assignment/case-assignment.entity.js';
import { CaseExtension } from '../modules/cases/clock/case-extension.entity.js';
import { CaseFollowUp } from '../modules/cases/after-closure/case-follow-up.entity.js';
import { CaseOutcome } from '../modules/cases/outcome/case-outcome.entity.js';
import { CaseSession } from '../modules/cases/sessions/case-session.entity.js';
import { CaseTracking } from '../modules/cases/after-closure/case-tracking.entity.js';
import { MediatorConflict } from '../modules/roster/mediator-conflict.entity.js';
import { MediatorProfile } from '../modules/roster/mediator-profile.entity.js';
import { MediatorTraining } from '../modules/roster/mediator-training.entity.js';
import { MediatorVillage } from '../modules/roster/mediator-village.entity.js';
import { CaseChild } from '../modules/cases/intake/case-child.entity.js';
import { CaseConsent } from '../modules/cases/intake/case-consent.entity.js';
import { CaseNumberCounter } from '../modules/cases/intake/case-number-counter.entity.js';
import { CaseScreening } from '../modules/cases/intake/case-screening.entity.js';
import { IdempotencyKey } from '../modules/cases/idempotency-key.entity.js';
import { Party } from '../modules/cases/intake/party.entity.js';
import { AuthSession } from '../modules/auth/auth-session.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { Court } from '../modules/courts/court.entity.js';
import {
  Organization,
  OrganizationWatchedVillage,
} from '../modules/organizations/organization.entity.js';
import { Region } from '../modules/regions/region.entity.js';
import { User } from '../modules/users/user.entity.js';
import { Deployment } from '../queue/deployment.entity.js';
import { OutboxMessage } from '../queue/outbox.entity.js';
import { Document, DocumentContent } from '../modules/documents/document.entity.js';
import {
  DocumentScan,
  DocumentScanContent,
} from '../modules/documents/scans/document-scan.entity.js';
import { Notification } from '../modules/reminders/notification.entity.js';
import { ReminderDelivery } from '../modules/reminders/reminder-delivery.entity.js';
import { Reminder } from '../modules/reminders/reminder.entity.js';
import { SentinelReport, SentinelReportParty } from '../modules/sentinel/sentinel-report.entity.js';

/** Every entity, listed explicitly (globs break between ts-jest and the compiled build). */
export const ENTITIES = [
  Region,
  Court,
  Organization,
  OrganizationWatchedVillage,
  User,
  AuthSession,
  RefreshToken,
  AuditEvent,
  OutboxMessage,
  Deployment,
  Case,
  Party,
  CaseChild,
  CaseConsent,
  CaseScreening,
  CaseNumberCounter,
  IdempotencyKey,
  CaseAssignment,
  CaseExtension,
  MediatorProfile,
  MediatorVillage,
  MediatorTraining,
  MediatorConflict,
  CaseSession,
  Document,
  DocumentContent,
  DocumentScan,
  DocumentScanContent,
  CaseOutcome,
  CaseTracking,
  CaseFollowUp,
  Reminder,
  ReminderDelivery,
  Notification,
  SentinelReport,
  SentinelReportParty,
];
