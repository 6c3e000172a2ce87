import { defineMessages } from '../../common/i18n/catalogue.js';

/** The case timeline's lines (case-timeline.ts), in both languages. */
export const CASE_TIMELINE_MESSAGES = defineMessages({
  // The case timeline: one line per audited action (`TIMELINE.<ACTION>`, the action upper-cased),
  // `{{who}}` being the actor (张丽（调解员）, or 系统).
  'TIMELINE.SYSTEM': { zh: '系统', en: 'the system' },
  'TIMELINE.OTHER': { zh: '{{who}}进行了操作：{{action}}', en: '{{who}} {{action}}' },
  'TIMELINE.HELD_EARLIER': {
    zh: '，实际举行时间早于原定时间（原定 {{planned}}）',
    en: ', held earlier than planned (planned {{planned}})',
  },
  'TIMELINE.CASE.CREATED': { zh: '{{who}}登记了案件', en: '{{who}} recorded the referral' },
  'TIMELINE.CASE.UPDATED': { zh: '{{who}}修改了案件信息', en: '{{who}} edited the case details' },
  'TIMELINE.CASE.CONSENT_RECORDED': {
    zh: '{{who}}记录了一方当事人同意调解',
    en: "{{who}} recorded a party's consent",
  },
  'TIMELINE.CASE.CONSENT_REFUSED': {
    zh: '{{who}}记录了一方当事人不同意调解，案件结案转人民法院立案',
    en: "{{who}} recorded a party's refusal; the case closed for court filing",
  },
  'TIMELINE.CASE.SCREENING_RECORDED': {
    zh: '{{who}}记录了风险筛查',
    en: '{{who}} recorded a safety screening',
  },
  'TIMELINE.CASE.CLOSED_UNSUITABLE': {
    zh: '{{who}}认定案件不宜调解，案件结案转人民法院立案',
    en: '{{who}} found the case not suitable for mediation; the case closed for court filing',
  },
  'TIMELINE.CASE.REFERRED': {
    zh: '{{who}}委派了调解',
    en: '{{who}} referred the case for mediation',
  },
  'TIMELINE.CASE.WITHDRAWN': {
    zh: '{{who}}记录了撤回调解申请，案件结案',
    en: '{{who}} recorded the withdrawal; the case closed',
  },
  'TIMELINE.CASE.ASSIGNED': { zh: '{{who}}指派了调解员', en: '{{who}} assigned a mediator' },
  'TIMELINE.CASE.REASSIGNED': {
    zh: '{{who}}改派了调解员',
    en: '{{who}} assigned another mediator',
  },
  'TIMELINE.CASE.ACCEPTED': {
    zh: '{{who}}接收了案件，调解期限开始计算',
    en: '{{who}} accepted the case; the mediation period started',
  },
  'TIMELINE.CASE.DECLINED': { zh: '{{who}}拒绝了指派', en: '{{who}} declined the case' },
  'TIMELINE.CASE.RECUSED': { zh: '{{who}}申请了回避', en: '{{who}} recused from the case' },
  'TIMELINE.CASE.EXTENDED': {
    zh: '{{who}}经双方当事人同意，延长了调解期限',
    en: '{{who}} extended the mediation period with both parties’ consent',
  },
  'TIMELINE.CASE.EXPIRED': {
    zh: '{{who}}结案：调解期限届满未达成协议',
    en: '{{who}} closed the case: the mediation period ended without an outcome',
  },
  'TIMELINE.SESSION.SCHEDULED': {
    zh: '{{who}}安排了一次调解',
    en: '{{who}} scheduled a mediation session',
  },
  'TIMELINE.SESSION.RESCHEDULED': {
    zh: '{{who}}调整了一次调解的时间',
    en: '{{who}} rescheduled a mediation session',
  },
  'TIMELINE.SESSION.RECORDED': {
    zh: '{{who}}记录了调解笔录',
    en: '{{who}} recorded a mediation session (调解笔录)',
  },
  'TIMELINE.SESSION.CANCELLED': {
    zh: '{{who}}取消了一次调解',
    en: '{{who}} cancelled a mediation session',
  },
  'TIMELINE.SESSION.NO_SHOW': {
    zh: '{{who}}记录了当事人未到场',
    en: '{{who}} recorded that a party did not come to a session',
  },
  'TIMELINE.CASE.OUTCOME_SUBMITTED': {
    zh: '{{who}}提交了调解结果待审核',
    en: '{{who}} submitted the outcome for review',
  },
  'TIMELINE.CASE.OUTCOME_RETURNED': {
    zh: '{{who}}退回了调解结果，要求修改',
    en: '{{who}} returned the outcome for correction',
  },
  'TIMELINE.CASE.CLOSED': {
    zh: '{{who}}审核通过了调解结果，案件结案',
    en: '{{who}} approved the outcome; the case closed',
  },
  'TIMELINE.CASE.COURT_FILING_RECORDED': {
    zh: '{{who}}登记了转立案',
    en: '{{who}} recorded the court filing',
  },
  'TIMELINE.CASE.JUDICIAL_CONFIRMATION_RECORDED': {
    zh: '{{who}}登记了司法确认',
    en: '{{who}} recorded the judicial confirmation',
  },
  'TIMELINE.CASE.REGISTRY_DIVORCE_RECORDED': {
    zh: '{{who}}登记了至婚姻登记机关办理协议离婚',
    en: '{{who}} recorded the registry divorce',
  },
  'TIMELINE.CASE.FOLLOW_UP_SCHEDULED': {
    zh: '{{who}}安排了回访',
    en: '{{who}} scheduled a follow-up visit',
  },
  'TIMELINE.CASE.FOLLOW_UP_RECORDED': {
    zh: '{{who}}记录了回访',
    en: '{{who}} recorded a follow-up visit',
  },
  'TIMELINE.PARTY.REVEALED': {
    zh: '{{who}}查看了当事人的完整联系方式或身份证件信息',
    en: "{{who}} viewed a party's full contact or ID details",
  },
  'TIMELINE.ACCESS.DENIED': { zh: '{{who}}被拒绝访问', en: '{{who}} was refused access' },
  'TIMELINE.DOCUMENT.ISSUED': { zh: '{{who}}出具了文书', en: '{{who}} issued a document' },
  'TIMELINE.DOCUMENT.DOWNLOADED': {
    zh: '{{who}}下载了文书',
    en: '{{who}} downloaded a document',
  },
  'TIMELINE.PARTY.SMS_PREFERENCES_CHANGED': {
    zh: '{{who}}修改了当事人的短信通知设置',
    en: "{{who}} changed a party's SMS preferences",
  },
  'TIMELINE.MEDIATOR.CONFLICT_DECLARED': {
    zh: '{{who}}申报了与本案的利益冲突（回避）',
    en: '{{who}} declared a conflict of interest in the case',
  },
});
