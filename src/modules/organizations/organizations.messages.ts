import { defineMessages } from '../../common/i18n/catalogue.js';
import { OrganizationCode } from './organizations.codes.js';

export const ORGANIZATIONS_MESSAGES = defineMessages(OrganizationCode, {
  [OrganizationCode.NotFound]: { zh: '调解组织不存在', en: 'Organization not found' },
  [OrganizationCode.NoSuchOrganization]: { zh: '没有该调解组织', en: 'no such organization' },
  [OrganizationCode.WatchedVillageNotVillage]: {
    zh: '关注的地区应为村（社区）',
    en: 'a watched region must be a village',
  },
  [OrganizationCode.WatchedVillageOutsideRegion]: {
    zh: '关注的村不在本组织所在地区之内',
    en: "the village lies outside the organization's region",
  },
  [OrganizationCode.NotSentinelPoint]: {
    zh: '该组织不是哨点（妇女微家、执委工作室或个人调解室）',
    en: 'the organization is not a sentinel point',
  },
});
