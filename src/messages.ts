// Every module's message catalogue: installed once by each process (API, worker, scripts) and
// walked by the catalogue spec.
import type { Catalogue } from './common/i18n/catalogue.js';
import { HTTP_MESSAGES, VALIDATION_MESSAGES } from './common/i18n/common.messages.js';
import { installMessages, type Translator } from './common/i18n/translator.js';
import { AUTH_MESSAGES } from './modules/auth/auth.messages.js';
import { CASES_MESSAGES } from './modules/cases/cases.messages.js';
import { COURTS_MESSAGES } from './modules/courts/courts.messages.js';
import { DOCUMENTS_MESSAGES } from './modules/documents/documents.messages.js';
import { ORGANIZATIONS_MESSAGES } from './modules/organizations/organizations.messages.js';
import { REGIONS_MESSAGES } from './modules/regions/regions.messages.js';
import { REMINDERS_MESSAGES } from './modules/reminders/reminders.messages.js';
import { ROSTER_MESSAGES } from './modules/roster/roster.messages.js';
import { SENTINEL_MESSAGES } from './modules/sentinel/sentinel.messages.js';
import { STATS_MESSAGES } from './modules/stats/stats.messages.js';
import { USERS_MESSAGES } from './modules/users/users.messages.js';

export const CATALOGUES: readonly Catalogue[] = [
  HTTP_MESSAGES,
  VALIDATION_MESSAGES,
  AUTH_MESSAGES,
  USERS_MESSAGES,
  REGIONS_MESSAGES,
  COURTS_MESSAGES,
  ORGANIZATIONS_MESSAGES,
  ROSTER_MESSAGES,
  CASES_MESSAGES,
  DOCUMENTS_MESSAGES,
  REMINDERS_MESSAGES,
  STATS_MESSAGES,
  SENTINEL_MESSAGES,
];

/** Installs the service's messages (both languages); safe to call more than once. */
export const installServiceMessages = (): Translator => installMessages(CATALOGUES);
