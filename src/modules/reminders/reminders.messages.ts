import { defineMessages } from '../../common/i18n/catalogue.js';

export const REMINDERS_MESSAGES = defineMessages({
  'NOTIFICATION.NOT_FOUND': { zh: '通知不存在', en: 'Notification not found' },
});
