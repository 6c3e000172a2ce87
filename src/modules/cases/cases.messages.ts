import { type Catalogue, defineMessages } from '../../common/i18n/catalogue.js';
import { AFTER_CLOSURE_MESSAGES } from './after-closure/after-closure.messages.js';
import { ASSIGNMENT_MESSAGES } from './assignment/assignment.messages.js';
import { CASE_TIMELINE_MESSAGES } from './case-timeline.messages.js';
import { CaseCode } from './cases.codes.js';
import { CLOCK_MESSAGES } from './clock/clock.messages.js';
import { INTAKE_MESSAGES } from './intake/intake.messages.js';
import { OUTCOME_MESSAGES } from './outcome/outcome.messages.js';
import { SESSIONS_MESSAGES } from './sessions/sessions.messages.js';

/** The case core's codes: finding a case, its version and transitions, idempotency, search. */
const CASE_MESSAGES = defineMessages(CaseCode, {
  [CaseCode.NotFound]: {
    zh: '案件不存在或不在您的管辖范围内',
    en: 'Case not found',
    title: { zh: '案件不存在', en: 'Not Found' },
  },
  [CaseCode.FollowUpNotFound]: { zh: '回访不存在或不在您的管辖范围内', en: 'Follow-up not found' },
  [CaseCode.NotAssignedToYou]: {
    zh: '该案件目前未指派给您',
    en: 'This case is not currently assigned to you',
  },
  [CaseCode.VersionConflict]: {
    zh: '案件已被他人修改（当前版本 {{current}}），请刷新后重试',
    en: 'The case changed meanwhile (now version {{current}}); reload it and try again',
    title: { zh: '案件已被修改', en: 'Conflict' },
  },
  [CaseCode.InvalidTransition]: {
    zh: '案件状态为“{{status, caseStatus}}”，不能{{action, caseAction}}',
    en: 'A case in status "{{status}}" cannot {{action, caseAction}}',
    title: { zh: '案件状态不允许此操作', en: 'Conflict' },
  },
  [CaseCode.DuplicateCourtReference]: {
    zh: '本院已有使用该法院案号的案件',
    en: 'Your court already has a case with this courtReference',
  },
  [CaseCode.IdempotencyKeyReused]: {
    zh: '该 Idempotency-Key 已用于另一个请求',
    en: 'This Idempotency-Key was used with another request',
  },
  [CaseCode.SearchOneOf]: {
    zh: '身份证号码和手机号码须且只能填写一项',
    en: 'send exactly one of idNumber or phone',
  },
  [CaseCode.IfMatchFormat]: {
    zh: 'If-Match 应为案件版本号，如 "7"',
    en: 'If-Match must be the case version, e.g. "7"',
  },
  [CaseCode.VersionMismatch]: {
    zh: '请求体中的 version 与 If-Match 不一致',
    en: 'version and If-Match disagree',
  },
  [CaseCode.VersionRequired]: {
    zh: '请提供案件版本号（请求体 version 或 If-Match）',
    en: 'send the case version (body "version" or If-Match)',
  },
  [CaseCode.IdempotencyKeyFormat]: {
    zh: '应为 8–128 个字母、数字或 ._:- 字符',
    en: 'must be 8–128 letters, digits or ._:-',
  },
  [CaseCode.ReminderSmsDetailsMediatorOnly]: {
    zh: '只有承办调解员可以修改此项',
    en: 'only the assigned mediator may change this',
  },
});

/** The cases module's catalogue: the core's codes, each stage's, then the timeline's lines. */
export const CASES_MESSAGES: Catalogue = {
  ...CASE_MESSAGES,
  ...INTAKE_MESSAGES,
  ...ASSIGNMENT_MESSAGES,
  ...CLOCK_MESSAGES,
  ...SESSIONS_MESSAGES,
  ...OUTCOME_MESSAGES,
  ...AFTER_CLOSURE_MESSAGES,
  ...CASE_TIMELINE_MESSAGES,
};
