import { defineMessages } from '../../../common/i18n/catalogue.js';
import { IntakeCode } from './intake.codes.js';

/** Intake's codes: the referral's parties and villages, and referral's preconditions. */
export const INTAKE_MESSAGES = defineMessages(IntakeCode, {
  [IntakeCode.PartyNotFound]: { zh: '当事人不存在或不在您的管辖范围内', en: 'Party not found' },
  [IntakeCode.CaseReferralPreconditions]: {
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
  [IntakeCode.CasePartyRoleMissing]: {
    zh: '案件须有{{role, side}}',
    en: 'a case needs an {{role}}',
  },
  [IntakeCode.PartyBirthDateMismatch]: {
    zh: '与身份证号码中的出生日期不一致',
    en: 'does not match the birth date in the ID number',
  },
  [IntakeCode.PartyGenderMismatch]: {
    zh: '与身份证号码中的性别不一致',
    en: 'does not match the gender in the ID number',
  },
  [IntakeCode.PartyIdNumberTwice]: { zh: '同一身份证号码出现了两次', en: 'appears twice' },
  [IntakeCode.CaseAccountWithoutCourt]: {
    zh: '您的账号未关联法院',
    en: 'your account has no court',
  },
  [IntakeCode.CaseVillageOutsideJurisdiction]: {
    zh: '应为本院辖区内的村（社区）',
    en: "must be a village inside your court's jurisdiction",
  },
  [IntakeCode.CaseNotAParty]: { zh: '不是本案的当事人', en: 'not a party of this case' },
});
