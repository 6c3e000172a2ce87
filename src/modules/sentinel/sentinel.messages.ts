import { defineMessages } from '../../common/i18n/catalogue.js';
import { SentinelCode } from './sentinel.codes.js';

export const SENTINEL_MESSAGES = defineMessages(SentinelCode, {
  [SentinelCode.NotFound]: { zh: '线索不存在', en: 'Sentinel report not found' },
  [SentinelCode.FieldRequiredByOutcome]: {
    zh: '该处置结果须填写此项',
    en: 'this outcome needs this field',
  },
  [SentinelCode.FieldNotForOutcome]: {
    zh: '该处置结果不填写此项',
    en: 'this field does not belong to this outcome',
  },
  [SentinelCode.FollowUpOutOfRange]: {
    zh: '回访日期应在今天至 90 天之内',
    en: 'the follow-up date must lie between today and 90 days from now',
  },
  [SentinelCode.VillageOutsidePoint]: {
    zh: '该村不在哨点关注的村或所在地区之内',
    en: 'the village is not one the sentinel point watches or lies outside its region',
  },
  [SentinelCode.PartyGenderMismatch]: {
    zh: '性别与身份证号不一致',
    en: 'gender does not match the ID number',
  },
  [SentinelCode.AlreadyReviewed]: { zh: '该线索已审核', en: 'the report has been reviewed' },
  [SentinelCode.VersionConflict]: {
    zh: '线索已被他人修改，请刷新后重试',
    en: 'the report has changed; reload and try again',
  },
});
