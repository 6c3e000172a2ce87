import { defineMessages } from '../../common/i18n/catalogue.js';
import { RosterCode, SuggestionCode } from './roster.codes.js';

const ROSTER_CODES = { ...RosterCode, ...SuggestionCode };

/** The roster's codes and the reasons a mediator is suggested for a case (or not). */
export const ROSTER_MESSAGES = defineMessages(ROSTER_CODES, {
  [RosterCode.MediatorNotFound]: {
    zh: '调解员不存在或不在您的管辖范围内',
    en: 'Mediator not found',
  },
  [RosterCode.VillagesOutsideRegion]: {
    zh: '以下不是您辖区内的村（社区）：{{ids, list}}',
    en: 'not villages in your region: {{ids, list}}',
  },
  [RosterCode.ConflictSubjectRequired]: {
    zh: '请指明案件（caseId）或当事人（partyIdNumber）',
    en: 'name the case or the person (partyIdNumber)',
  },
  [SuggestionCode.ServesVillage]: {
    zh: '负责本案所在的村（社区）',
    en: "serves the case's village",
  },
  [SuggestionCode.ServesTownship]: {
    zh: '负责本案所在的乡镇（街道）',
    en: "serves the case's township",
  },
  [SuggestionCode.Speciality]: {
    zh: '擅长调解{{disputeType, disputeType}}',
    en: 'speciality: {{disputeType}}',
  },
  [SuggestionCode.DvTrained]: { zh: '接受过家庭暴力问题培训', en: 'DV-trained' },
  [SuggestionCode.Load]: {
    zh: '在办案件 {{active}} 件，上限 {{max}} 件',
    en: '{{active}} of {{max}} active cases',
  },
  [SuggestionCode.Ineligible]: {
    zh: '不符合指派条件',
    en: 'not eligible',
    variants: {
      paused: { zh: '已暂停接案', en: 'she is paused in the roster' },
      conflict: {
        zh: '已申报与本案或当事人存在利益冲突',
        en: 'she declared a conflict of interest with this case or a party',
      },
      not_dv_trained: {
        zh: '本案涉家暴，该调解员未接受家庭暴力问题培训',
        en: 'the case is DV-flagged and she has no domestic-violence training',
      },
      at_capacity: {
        zh: '在办案件已达上限',
        en: 'she has reached her maximum of active cases',
      },
      outside_area: {
        zh: '不负责本案所在的村（社区）或乡镇（街道）',
        en: "she serves neither the case's village nor its township",
      },
    },
  },
});
