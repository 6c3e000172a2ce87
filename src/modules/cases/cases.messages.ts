import { defineMessages } from '../../common/i18n/catalogue.js';
import { AFTER_CLOSURE_MESSAGES } from './after-closure/after-closure.messages.js';
import { ASSIGNMENT_MESSAGES } from './assignment/assignment.messages.js';
import { CASE_TIMELINE_MESSAGES } from './case-timeline.messages.js';
import { CLOCK_MESSAGES } from './clock/clock.messages.js';
import { INTAKE_MESSAGES } from './intake/intake.messages.js';
import { OUTCOME_MESSAGES } from './outcome/outcome.messages.js';
import { SESSIONS_MESSAGES } from './sessions/sessions.messages.js';

/** The case core's codes: finding a case, its version and transitions, idempotency, search. */
const CASE_MESSAGES = defineMessages({
  'CASE.NOT_FOUND': {
    zh: '案件不存在或不在您的管辖范围内',
    en: 'Case not found',
    title: { zh: '案件不存在', en: 'Not Found' },
  },
  'FOLLOW-UP.NOT_FOUND': { zh: '回访不存在或不在您的管辖范围内', en: 'Follow-up not found' },
  'CASE.NOT_ASSIGNED_TO_YOU': {
    zh: '该案件目前未指派给您',
    en: 'This case is not currently assigned to you',
  },
  'CASE.VERSION_CONFLICT': {
    zh: '案件已被他人修改（当前版本 {{current}}），请刷新后重试',
    en: 'The case changed meanwhile (now version {{current}}); reload it and try again',
    title: { zh: '案件已被修改', en: 'Conflict' },
  },
  'CASE.INVALID_TRANSITION': {
    zh: '案件状态为“{{status, caseStatus}}”，不能{{action, caseAction}}',
    en: 'A case in status "{{status}}" cannot {{action, caseAction}}',
    title: { zh: '案件状态不允许此操作', en: 'Conflict' },
  },
  'CASE.DUPLICATE_COURT_REFERENCE': {
    zh: '本院已有使用该法院案号的案件',
    en: 'Your court already has a case with this courtReference',
  },
  'IDEMPOTENCY.KEY_REUSED': {
    zh: '该 Idempotency-Key 已用于另一个请求',
    en: 'This Idempotency-Key was used with another request body',
  },
  'CASE.SEARCH_ONE_OF': {
    zh: '身份证号码和手机号码须且只能填写一项',
    en: 'send exactly one of idNumber or phone',
  },
  'CASE.IF_MATCH_FORMAT': {
    zh: 'If-Match 应为案件版本号，如 "7"',
    en: 'If-Match must be the case version, e.g. "7"',
  },
  'CASE.VERSION_MISMATCH': {
    zh: '请求体中的 version 与 If-Match 不一致',
    en: 'version and If-Match disagree',
  },
  'CASE.VERSION_REQUIRED': {
    zh: '请提供案件版本号（请求体 version 或 If-Match）',
    en: 'send the case version (body "version" or If-Match)',
  },
  'IDEMPOTENCY.KEY_FORMAT': {
    zh: '应为 8–128 个字母、数字或 ._:- 字符',
    en: 'must be 8–128 letters, digits or ._:-',
  },
  'REMINDER.SMS_DETAILS_MEDIATOR_ONLY': {
    zh: '只有承办调解员可以修改此项',
    en: 'only the assigned mediator may change this',
  },
});

/** The cases module's catalogue: the core's codes, each stage's, then the timeline's lines. */
export const CASES_MESSAGES = defineMessages({
  ...CASE_MESSAGES,
  ...INTAKE_MESSAGES,
  ...ASSIGNMENT_MESSAGES,
  ...CLOCK_MESSAGES,
  ...SESSIONS_MESSAGES,
  ...OUTCOME_MESSAGES,
  ...AFTER_CLOSURE_MESSAGES,
  ...CASE_TIMELINE_MESSAGES,
});
