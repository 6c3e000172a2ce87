import { defineMessages } from '../../common/i18n/catalogue.js';
import { TimelineCode } from './case-timeline.codes.js';

/** The case timeline's lines (case-timeline.ts), in both languages. */
export const CASE_TIMELINE_MESSAGES = defineMessages(TimelineCode, {
  // The case timeline: one line per audited action (`TIMELINE.<ACTION>`, the action upper-cased),
  // `{{who}}` being the actor (张丽（调解员）, or 系统).
  [TimelineCode.System]: { zh: '系统', en: 'the system' },
  [TimelineCode.Other]: { zh: '{{who}}进行了操作：{{action}}', en: '{{who}} {{action}}' },
  [TimelineCode.HeldEarlier]: {
    zh: '，实际举行时间早于原定时间（原定 {{planned}}）',
    en: ', held earlier than planned (planned {{planned}})',
  },
  [TimelineCode.CaseCreated]: { zh: '{{who}}登记了案件', en: '{{who}} recorded the referral' },
  [TimelineCode.CaseUpdated]: {
    zh: '{{who}}修改了案件信息',
    en: '{{who}} edited the case details',
  },
  [TimelineCode.CaseConsentRecorded]: {
    zh: '{{who}}记录了一方当事人同意调解',
    en: "{{who}} recorded a party's consent",
  },
  [TimelineCode.CaseConsentRefused]: {
    zh: '{{who}}记录了一方当事人不同意调解，案件结案转人民法院立案',
    en: "{{who}} recorded a party's refusal; the case closed for court filing",
  },
  [TimelineCode.CaseScreeningRecorded]: {
    zh: '{{who}}记录了风险筛查',
    en: '{{who}} recorded a safety screening',
  },
  [TimelineCode.CaseClosedUnsuitable]: {
    zh: '{{who}}认定案件不宜调解，案件结案转人民法院立案',
    en: '{{who}} found the case not suitable for mediation; the case closed for court filing',
  },
  [TimelineCode.CaseReferred]: {
    zh: '{{who}}委派了调解',
    en: '{{who}} referred the case for mediation',
  },
  [TimelineCode.CaseWithdrawn]: {
    zh: '{{who}}记录了撤回调解申请，案件结案',
    en: '{{who}} recorded the withdrawal; the case closed',
  },
  [TimelineCode.CaseAssigned]: { zh: '{{who}}指派了调解员', en: '{{who}} assigned a mediator' },
  [TimelineCode.CaseReassigned]: {
    zh: '{{who}}改派了调解员',
    en: '{{who}} assigned another mediator',
  },
  [TimelineCode.CaseAccepted]: {
    zh: '{{who}}接收了案件，调解期限开始计算',
    en: '{{who}} accepted the case; the mediation period started',
  },
  [TimelineCode.CaseDeclined]: { zh: '{{who}}拒绝了指派', en: '{{who}} declined the case' },
  [TimelineCode.CaseRecused]: { zh: '{{who}}申请了回避', en: '{{who}} recused from the case' },
  [TimelineCode.CaseExtended]: {
    zh: '{{who}}经双方当事人同意，延长了调解期限',
    en: '{{who}} extended the mediation period with both parties’ consent',
  },
  [TimelineCode.CaseExpired]: {
    zh: '{{who}}结案：调解期限届满未达成协议',
    en: '{{who}} closed the case: the mediation period ended without an outcome',
  },
  [TimelineCode.SessionScheduled]: {
    zh: '{{who}}安排了一次调解',
    en: '{{who}} scheduled a mediation session',
  },
  [TimelineCode.SessionRescheduled]: {
    zh: '{{who}}调整了一次调解的时间',
    en: '{{who}} rescheduled a mediation session',
  },
  [TimelineCode.SessionRecorded]: {
    zh: '{{who}}记录了调解笔录',
    en: '{{who}} recorded a mediation session (调解笔录)',
  },
  [TimelineCode.SessionCancelled]: {
    zh: '{{who}}取消了一次调解',
    en: '{{who}} cancelled a mediation session',
  },
  [TimelineCode.SessionNoShow]: {
    zh: '{{who}}记录了当事人未到场',
    en: '{{who}} recorded that a party did not come to a session',
  },
  [TimelineCode.CaseOutcomeSubmitted]: {
    zh: '{{who}}提交了调解结果待审核',
    en: '{{who}} submitted the outcome for review',
  },
  [TimelineCode.CaseOutcomeReturned]: {
    zh: '{{who}}退回了调解结果，要求修改',
    en: '{{who}} returned the outcome for correction',
  },
  [TimelineCode.CaseClosed]: {
    zh: '{{who}}审核通过了调解结果，案件结案',
    en: '{{who}} approved the outcome; the case closed',
  },
  [TimelineCode.CaseCourtFilingRecorded]: {
    zh: '{{who}}登记了转立案',
    en: '{{who}} recorded the court filing',
  },
  [TimelineCode.CaseJudicialConfirmationRecorded]: {
    zh: '{{who}}登记了司法确认',
    en: '{{who}} recorded the judicial confirmation',
  },
  [TimelineCode.CaseRegistryDivorceRecorded]: {
    zh: '{{who}}登记了至婚姻登记机关办理协议离婚',
    en: '{{who}} recorded the registry divorce',
  },
  [TimelineCode.CaseFollowUpScheduled]: {
    zh: '{{who}}安排了回访',
    en: '{{who}} scheduled a follow-up visit',
  },
  [TimelineCode.CaseFollowUpRecorded]: {
    zh: '{{who}}记录了回访',
    en: '{{who}} recorded a follow-up visit',
  },
  [TimelineCode.PartyRevealed]: {
    zh: '{{who}}查看了当事人的完整联系方式或身份证件信息',
    en: "{{who}} viewed a party's full contact or ID details",
  },
  [TimelineCode.AccessDenied]: { zh: '{{who}}被拒绝访问', en: '{{who}} was refused access' },
  [TimelineCode.DocumentIssued]: { zh: '{{who}}出具了文书', en: '{{who}} issued a document' },
  [TimelineCode.DocumentDownloaded]: {
    zh: '{{who}}下载了文书',
    en: '{{who}} downloaded a document',
  },
  [TimelineCode.PartySmsPreferencesChanged]: {
    zh: '{{who}}修改了当事人的短信通知设置',
    en: "{{who}} changed a party's SMS preferences",
  },
  [TimelineCode.MediatorConflictDeclared]: {
    zh: '{{who}}申报了与本案的利益冲突（回避）',
    en: '{{who}} declared a conflict of interest in the case',
  },
});
