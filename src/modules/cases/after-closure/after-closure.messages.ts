import { defineMessages } from '../../../common/i18n/catalogue.js';
import { AfterClosureCode } from './after-closure.codes.js';

/** After closure's codes: tracks that need a route, judicial confirmation, follow-ups. */
export const AFTER_CLOSURE_MESSAGES = defineMessages(AfterClosureCode, {
  [AfterClosureCode.CaseWrongRoute]: {
    zh: '本案以“{{route, route}}”结案，此项登记仅适用于：{{expected, route}}',
    en: 'This case closed with route "{{route}}", not {{expected, route}}',
  },
  [AfterClosureCode.CaseNotAFollowUp]: { zh: '不是本案的回访', en: 'not a follow-up of this case' },
  [AfterClosureCode.JudicialConfirmationDatesOrder]: {
    zh: '申请、受理和裁定的时间应依次先后',
    en: 'applied, accepted and decided must be in that order',
  },
  [AfterClosureCode.RegistryInCoolingOff]: {
    zh: '离婚冷静期内不能领取离婚证（冷静期至{{until, datetime}}）',
    en: 'no certificate within the cooling-off period (until {{until, datetime}})',
  },
  [AfterClosureCode.RegistryAfterDue]: {
    zh: '已超过申领离婚证的期限（{{due, datetime}}），离婚登记申请视为撤回',
    en: 'past the period for the certificate ({{due, datetime}}): the application counts as withdrawn',
  },
  [AfterClosureCode.FollowUpDueOrVisited]: {
    zh: '安排回访请填写 dueOn，记录回访请填写 visitedAt',
    en: 'send dueOn to schedule, or visitedAt to record',
  },
  [AfterClosureCode.FollowUpPerformanceRequired]: {
    zh: '记录回访须填写履行情况和满意度',
    en: 'a visit records performance and satisfaction',
  },
});
