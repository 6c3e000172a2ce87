import { defineMessages } from '../../../common/i18n/catalogue.js';

/** Intake's codes: the referral's parties and villages, and referral's preconditions. */
export const INTAKE_MESSAGES = defineMessages({
  'PARTY.NOT_FOUND': { zh: '当事人不存在或不在您的管辖范围内', en: 'Party not found' },
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
  'CASE.NOT_A_PARTY': { zh: '不是本案的当事人', en: 'not a party of this case' },
});
