import { defineMessages } from '../../common/i18n/catalogue.js';

export const ORGANIZATIONS_MESSAGES = defineMessages({
  'ORGANIZATION.NOT_FOUND': { zh: '调解组织不存在', en: 'Organization not found' },
  'ORGANIZATION.NO_SUCH_ORGANIZATION': { zh: '没有该调解组织', en: 'no such organization' },
});
