import { defineMessages } from '../../../common/i18n/catalogue.js';
import { AssignmentCode } from './assignment.codes.js';

/** Assignment's codes. */
export const ASSIGNMENT_MESSAGES = defineMessages(AssignmentCode, {
  [AssignmentCode.AlreadyAssigned]: {
    zh: '该调解员已被指派本案',
    en: 'This mediator is already assigned',
  },
  [AssignmentCode.MediatorNotEligible]: {
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
});
