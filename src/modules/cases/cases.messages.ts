import { defineMessages } from '../../common/i18n/catalogue.js';

/** The cases module's codes: problems, then field codes (the case, dates, outcomes, follow-ups). */
export const CASES_MESSAGES = defineMessages({
  'CASE.NOT_FOUND': {
    zh: '案件不存在或不在您的管辖范围内',
    en: 'Case not found',
    title: { zh: '案件不存在', en: 'Not Found' },
  },
  'PARTY.NOT_FOUND': { zh: '当事人不存在或不在您的管辖范围内', en: 'Party not found' },
  'SESSION.NOT_FOUND': { zh: '调解安排不存在或不在您的管辖范围内', en: 'Session not found' },
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
  'CASE.EXTENSION_NEEDS_CONSENT': {
    zh: '延长调解期限须有双方当事人的同意记录（每方的同意时间和方式）',
    en: "An extension needs both parties' recorded consent (time and method for each)",
  },
  'CASE.EXTENSION_OVER_CAP': {
    zh: '调解期限累计最多延长 {{cap}} 日（已延长 {{used}} 日）',
    en: 'Extensions may add at most {{cap}} days in total (already {{used}})',
  },
  'CASE.REFERRAL_PRECONDITIONS': {
    zh: '尚不能委派调解：{{unconsented, list}}尚未同意调解；{{unscreened, list}}尚未完成风险筛查',
    en: 'The case cannot be referred yet: {{unconsented, list}} has not consented; {{unscreened, list}} has not been screened',
    variants: {
      consent: {
        zh: '尚不能委派调解：{{unconsented, list}}尚未同意调解',
        en: 'The case cannot be referred yet: {{unconsented, list}} has not consented',
      },
      screening: {
        zh: '尚不能委派调解：{{unscreened, list}}尚未完成风险筛查',
        en: 'The case cannot be referred yet: {{unscreened, list}} has not been screened',
      },
    },
  },
  'CASE.DUPLICATE_COURT_REFERENCE': {
    zh: '本院已有使用该法院案号的案件',
    en: 'Your court already has a case with this courtReference',
  },
  'CASE.WRONG_ROUTE': {
    zh: '本案以“{{route, route}}”结案，此项登记仅适用于：{{expected, route}}',
    en: 'This case closed with route "{{route}}", not {{expected, route}}',
  },
  'IDEMPOTENCY.KEY_REUSED': {
    zh: '该 Idempotency-Key 已用于另一个请求',
    en: 'This Idempotency-Key was used with another request body',
  },
  'ASSIGNMENT.ALREADY_ASSIGNED': {
    zh: '该调解员已被指派本案',
    en: 'This mediator is already assigned',
  },
  'ASSIGNMENT.MEDIATOR_NOT_ELIGIBLE': {
    zh: '没有该在册调解员',
    en: 'No active mediator with this id',
    variants: {
      paused: {
        zh: '不能指派：该调解员已暂停接案',
        en: 'Not eligible: she is paused in the roster',
      },
      conflict: {
        zh: '不能指派：该调解员已申报与本案或当事人存在利益冲突',
        en: 'Not eligible: she declared a conflict of interest with this case or a party',
      },
      not_dv_trained: {
        zh: '不能指派：本案涉家暴，该调解员未接受家庭暴力问题培训',
        en: 'Not eligible: the case is DV-flagged and she has no domestic-violence training',
      },
      at_capacity: {
        zh: '不能指派：该调解员在办案件已达上限',
        en: 'Not eligible: she has reached her maximum of active cases',
      },
      outside_area: {
        zh: '不能指派：该调解员不负责本案所在村（社区）或乡镇（街道）',
        en: "Not eligible: she serves neither the case's village nor its township",
      },
    },
  },
  'SESSION.NOT_SCHEDULED': {
    zh: '该调解安排的状态为“{{status, sessionStatus}}”，不能修改',
    en: 'The session is {{status}}',
  },
  'SESSION.CANCELLED': {
    zh: '已取消的调解不能记录笔录',
    en: 'A cancelled session cannot be recorded',
  },
  'SESSION.JOINT_NOT_ALLOWED': {
    zh: '风险筛查建议背对背调解，请安排背对背调解',
    en: 'A screening recommends shuttle mediation: schedule a shuttle session',
  },

  // Field codes: the case and its parties.
  'CASE.PARTY_ROLE_MISSING': {
    zh: '案件须有{{role, side}}',
    en: 'a case needs an {{role}}',
  },
  'PARTY.BIRTH_DATE_MISMATCH': {
    zh: '与身份证号码中的出生日期不一致',
    en: 'does not match the birth date in the ID number',
  },
  'PARTY.GENDER_MISMATCH': {
    zh: '与身份证号码中的性别不一致',
    en: 'does not match the gender in the ID number',
  },
  'PARTY.ID_NUMBER_TWICE': { zh: '同一身份证号码出现了两次', en: 'appears twice' },
  'CASE.ACCOUNT_WITHOUT_COURT': { zh: '您的账号未关联法院', en: 'your account has no court' },
  'CASE.VILLAGE_OUTSIDE_JURISDICTION': {
    zh: '应为本院辖区内的村（社区）',
    en: "must be a village inside your court's jurisdiction",
  },
  'CASE.SEARCH_ONE_OF': {
    zh: '身份证号码和手机号码须且只能填写一项',
    en: 'send exactly one of idNumber or phone',
  },
  'CASE.NOT_A_PARTY': { zh: '不是本案的当事人', en: 'not a party of this case' },
  'CASE.NOT_A_FOLLOW_UP': { zh: '不是本案的回访', en: 'not a follow-up of this case' },
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

  // Dates against the case's clock.
  'DATE.INVALID': { zh: '应为 ISO 8601 日期时间', en: 'must be an ISO date-time' },
  'DATE.IN_FUTURE': {
    zh: '不能晚于当前时间（现在是 {{now, datetime}}）',
    en: 'must not lie in the future (now {{now, datetime}})',
  },
  'DATE.BEFORE_CASE': {
    zh: '不能早于案件的相应时间（{{bound, datetime}}）',
    en: "must not be before the case's date ({{bound, datetime}})",
    variants: {
      acceptance: {
        zh: '不能早于调解员接受指派的时间（{{bound, datetime}}）',
        en: "must not be before the case's acceptance ({{bound, datetime}})",
      },
      receipt: {
        zh: '不能早于法院收案时间（{{bound, datetime}}）',
        en: "must not be before the case's receipt ({{bound, datetime}})",
      },
      closure: {
        zh: '不能早于结案时间（{{bound, datetime}}）',
        en: "must not be before the case's closure ({{bound, datetime}})",
      },
    },
  },
  'DATE.AFTER_DEADLINE': {
    zh: '不能晚于调解期限届满时间（{{deadline, datetime}}）',
    en: "must not be after the case's deadline ({{deadline, datetime}})",
  },
  'DATE.END_NOT_AFTER_START': {
    zh: '结束时间应晚于开始时间',
    en: 'must be after startedAt',
  },

  // Outcomes and what follows them.
  'OUTCOME.RESULT_UNKNOWN': {
    zh: '调解结果应为以下之一：{{results, list}}',
    en: 'result must be one of {{results, list}}',
  },
  'OUTCOME.ROUTE_NOT_ALLOWED': {
    zh: '“{{result, result}}”的后续程序不能是“{{route, route}}”，应为：{{allowed, list}}',
    en: 'route {{route}} is not allowed for a {{result}} outcome; use {{allowed, list}}',
    variants: {
      divorce_confirmation: {
        zh: '离婚协议不能申请司法确认，应由人民法院出具民事调解书或至婚姻登记机关办理协议离婚',
        en: 'a divorce cannot be judicially confirmed; use court_mediation_document or registry_divorce',
      },
    },
  },
  'OUTCOME.AGREEMENT_REQUIRED': {
    zh: '“{{result, result}}”须附结构化的调解协议内容',
    en: 'a {{result}} outcome needs a structured agreement',
  },
  'OUTCOME.AGREEMENT_NOT_ALLOWED': {
    zh: '“{{result, result}}”不应附调解协议，只有达成离婚协议或就抚养、探望或财产达成协议时才附',
    en: 'a {{result}} outcome must not carry an agreement; only divorce_agreed and ancillary_agreed do',
  },
  'OUTCOME.EFFECTIVE_DATE_INVALID': {
    zh: '协议生效时间应为 ISO 8601 日期时间',
    en: 'the effective date must be an ISO date-time',
  },
  'OUTCOME.CHILD_TERM_NOT_OBJECT': {
    zh: '每名子女的条款应为一个对象',
    en: 'each child term must be an object',
  },
  'OUTCOME.CHILD_NOT_OF_CASE': {
    zh: '该子女不是本案当事人的子女',
    en: 'this child is not a child of this case',
  },
  'OUTCOME.CHILD_TWICE': {
    zh: '子女{{child}}出现了不止一次，每名子女只列一组条款',
    en: 'child {{child}} appears more than once; give each child one set of terms',
  },
  'OUTCOME.CHILD_NOT_HEARD': {
    zh: '八周岁以上的子女，抚养和居住安排须听取其意见（民法典第一千零八十四条）；子女{{child}}已满 {{age}} 周岁',
    en: 'a child aged 8 or more must be heard on custody and residence (Civil Code art. 1084); child {{child}} is aged {{age}}',
    variants: {
      age_unknown: {
        zh: '八周岁以上的子女，抚养和居住安排须听取其意见（民法典第一千零八十四条）；子女{{child}}的年龄无法确定',
        en: 'a child aged 8 or more must be heard on custody and residence (Civil Code art. 1084); child {{child}} is of unknown age',
      },
    },
  },
  'OUTCOME.CHILD_CUSTODY_MISSING': {
    zh: '离婚协议须确定每名子女的抚养；子女{{child}}未确定抚养',
    en: 'a divorce agreement must decide the custody of every child; child {{child}} has none',
  },
  'OUTCOME.CHILD_TERMS_MISSING': {
    zh: '离婚协议须确定每名子女的抚养；子女{{child}}没有任何条款',
    en: 'a divorce agreement must decide the custody of every child; child {{child}} has no terms',
  },
  'OUTCOME.AMOUNT_REQUIRED': { zh: '请填写金额（元）', en: 'an amount in yuan is required' },
  'OUTCOME.AMOUNT_FORMAT': {
    zh: '金额应为正数（元），最多两位小数，如 "1500.00"',
    en: 'an amount must be positive yuan with at most two decimals, e.g. "1500.00"',
  },
  'OUTCOME.SUPPORT_END_FORMAT': {
    zh: '抚养费的终止日期应为日期（YYYY-MM-DD）',
    en: 'the end of support must be a date (YYYY-MM-DD)',
  },
  'OUTCOME.SUPPORT_END_BEFORE_EFFECTIVE': {
    zh: '抚养费的终止日期应晚于协议生效日期',
    en: 'support must end after the agreement takes effect',
  },
  'OUTCOME.ANCILLARY_EMPTY': {
    zh: '就抚养、探望或财产达成的协议至少应包含一项条款：子女、财产、债务、住房或金钱给付',
    en: 'an ancillary agreement must settle at least one term: children, property, debts, housing or money',
  },
  'OUTCOME.RETURN_COMMENT_REQUIRED': {
    zh: '退回调解结果时请说明需要修改的内容',
    en: 'say what to correct when returning an outcome',
  },
  'JUDICIAL_CONFIRMATION.DATES_ORDER': {
    zh: '申请、受理和裁定的时间应依次先后',
    en: 'applied, accepted and decided must be in that order',
  },
  'FOLLOW_UP.DUE_OR_VISITED': {
    zh: '安排回访请填写 dueOn，记录回访请填写 visitedAt',
    en: 'send dueOn to schedule, or visitedAt to record',
  },
  'FOLLOW_UP.PERFORMANCE_REQUIRED': {
    zh: '记录回访须填写履行情况和满意度',
    en: 'a visit records performance and satisfaction',
  },

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
