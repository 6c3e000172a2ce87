import { defineMessages } from '../../common/i18n/catalogue.js';
import { OrganizationCode } from './organizations.codes.js';

export const ORGANIZATIONS_MESSAGES = defineMessages(OrganizationCode, {
  [OrganizationCode.NotFound]: { zh: '调解组织不存在', en: 'Organization not found' },
  [OrganizationCode.NoSuchOrganization]: { zh: '没有该调解组织', en: 'no such organization' },
});
