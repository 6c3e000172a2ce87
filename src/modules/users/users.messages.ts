import { defineMessages } from '../../common/i18n/catalogue.js';
import { UserCode } from './users.codes.js';

export const USERS_MESSAGES = defineMessages(UserCode, {
  [UserCode.NotFound]: { zh: '用户不存在', en: 'User not found' },
  [UserCode.UsernameTaken]: { zh: '该用户名已被使用', en: 'This username is already taken' },
  [UserCode.LastAdmin]: {
    zh: '不能停用最后一个在用的系统管理员',
    en: 'The last active admin cannot be disabled',
  },
  [UserCode.UsernameFormat]: {
    zh: '用户名应为 3–64 个字母、数字、点、短横线或下划线',
    en: 'username must be 3–64 letters, digits, dot, dash or underscore',
  },
  [UserCode.PlacementRequired]: {
    zh: '{{role, role}}须填写此项',
    en: 'a {{role}} needs this field',
  },
  [UserCode.MediatorRegionNotVillage]: {
    zh: '调解员的所在地应为村（社区）',
    en: "a mediator's region must be a village",
  },
  [UserCode.SentinelRegionOutsidePoint]: {
    zh: '哨点信息员的所在地应在其哨点所在地区之内',
    en: "a sentinel reporter's region must lie inside her sentinel point's region",
  },
});
