import { defineMessages } from '../../../common/i18n/catalogue.js';
import { OutcomeCode } from './outcome.codes.js';

/** The outcome's codes: the law's routes and the agreement's terms. */
export const OUTCOME_MESSAGES = defineMessages(OutcomeCode, {
  [OutcomeCode.ResultUnknown]: {
    zh: '调解结果应为以下之一：{{results, list}}',
    en: 'result must be one of {{results, list}}',
  },
  [OutcomeCode.RouteNotAllowed]: {
    zh: '“{{result, result}}”的后续程序不能是“{{route, route}}”，应为：{{allowed, list}}',
    en: 'route {{route}} is not allowed for a {{result}} outcome; use {{allowed, list}}',
    variants: {
      divorce_confirmation: {
        zh: '离婚协议不能申请司法确认，应由人民法院出具民事调解书或至婚姻登记机关办理协议离婚',
        en: 'a divorce cannot be judicially confirmed; use court_mediation_document or registry_divorce',
      },
    },
  },
  [OutcomeCode.AgreementRequired]: {
    zh: '“{{result, result}}”须附结构化的调解协议内容',
    en: 'a {{result}} outcome needs a structured agreement',
  },
  [OutcomeCode.AgreementNotAllowed]: {
    zh: '“{{result, result}}”不应附调解协议，只有达成离婚协议或就抚养、探望或财产达成协议时才附',
    en: 'a {{result}} outcome must not carry an agreement; only divorce_agreed and ancillary_agreed do',
  },
  [OutcomeCode.EffectiveDateInvalid]: {
    zh: '协议生效时间应为 ISO 8601 日期时间',
    en: 'the effective date must be an ISO date-time',
  },
  [OutcomeCode.ChildTermNotObject]: {
    zh: '每名子女的条款应为一个对象',
    en: 'each child term must be an object',
  },
  [OutcomeCode.ChildNotOfCase]: {
    zh: '该子女不是本案当事人的子女',
    en: 'this child is not a child of this case',
  },
  [OutcomeCode.ChildTwice]: {
    zh: '子女{{child}}出现了不止一次，每名子女只列一组条款',
    en: 'child {{child}} appears more than once; give each child one set of terms',
  },
  [OutcomeCode.ChildNotHeard]: {
    zh: '八周岁以上的子女，抚养和居住安排须听取其意见（民法典第一千零八十四条）；子女{{child}}已满 {{age}} 周岁',
    en: 'a child aged 8 or more must be heard on custody and residence (Civil Code art. 1084); child {{child}} is aged {{age}}',
    variants: {
      age_unknown: {
        zh: '八周岁以上的子女，抚养和居住安排须听取其意见（民法典第一千零八十四条）；子女{{child}}的年龄无法确定',
        en: 'a child aged 8 or more must be heard on custody and residence (Civil Code art. 1084); child {{child}} is of unknown age',
      },
    },
  },
  [OutcomeCode.ChildCustodyMissing]: {
    zh: '离婚协议须确定每名子女的抚养；子女{{child}}未确定抚养',
    en: 'a divorce agreement must decide the custody of every child; child {{child}} has none',
  },
  [OutcomeCode.ChildTermsMissing]: {
    zh: '离婚协议须确定每名子女的抚养；子女{{child}}没有任何条款',
    en: 'a divorce agreement must decide the custody of every child; child {{child}} has no terms',
  },
  [OutcomeCode.AmountRequired]: { zh: '请填写金额（元）', en: 'an amount in yuan is required' },
  [OutcomeCode.AmountFormat]: {
    zh: '金额应为正数（元），最多两位小数，如 "1500.00"',
    en: 'an amount must be positive yuan with at most two decimals, e.g. "1500.00"',
  },
  [OutcomeCode.SupportEndFormat]: {
    zh: '抚养费的终止日期应为日期（YYYY-MM-DD）',
    en: 'the end of support must be a date (YYYY-MM-DD)',
  },
  [OutcomeCode.SupportEndBeforeEffective]: {
    zh: '抚养费的终止日期应晚于协议生效日期',
    en: 'support must end after the agreement takes effect',
  },
  [OutcomeCode.AncillaryEmpty]: {
    zh: '就抚养、探望或财产达成的协议至少应包含一项条款：子女、财产、债务、住房或金钱给付',
    en: 'an ancillary agreement must settle at least one term: children, property, debts, housing or money',
  },
  [OutcomeCode.ReturnCommentRequired]: {
    zh: '退回调解结果时请说明需要修改的内容',
    en: 'say what to correct when returning an outcome',
  },
});
