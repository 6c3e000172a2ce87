import { defineMessages } from '../../../common/i18n/catalogue.js';
import { ClockCode } from './clock.codes.js';

/** The legal clock's codes: extensions, and dates checked against the case's clock. */
export const CLOCK_MESSAGES = defineMessages(ClockCode, {
  [ClockCode.CaseExtensionNeedsConsent]: {
    zh: '延长调解期限须有双方当事人的同意记录（每方的同意时间和方式）',
    en: "An extension needs both parties' recorded consent (time and method for each)",
  },
  [ClockCode.CaseExtensionOverCap]: {
    zh: '调解期限累计最多延长 {{cap}} 日（已延长 {{used}} 日）',
    en: 'Extensions may add at most {{cap}} days in total (already {{used}})',
  },
  [ClockCode.DateInvalid]: { zh: '应为 ISO 8601 日期时间', en: 'must be an ISO date-time' },
  [ClockCode.DateInFuture]: {
    zh: '不能晚于当前时间（现在是 {{now, datetime}}）',
    en: 'must not lie in the future (now {{now, datetime}})',
    variants: {
      day: {
        zh: '日期不能晚于今天（{{today}}）',
        en: 'must not be after today ({{today}}, Asia/Shanghai)',
      },
    },
  },
  [ClockCode.DateBeforeCase]: {
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
  [ClockCode.DateAfterDeadline]: {
    zh: '不能晚于调解期限届满时间（{{deadline, datetime}}）',
    en: "must not be after the case's deadline ({{deadline, datetime}})",
  },
  [ClockCode.DateEndNotAfterStart]: {
    zh: '结束时间应晚于开始时间',
    en: 'must be after startedAt',
  },
});
