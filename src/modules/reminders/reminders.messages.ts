import { defineMessages } from '../../common/i18n/catalogue.js';
import { ReminderCode } from './reminders.codes.js';

export const REMINDERS_MESSAGES = defineMessages(ReminderCode, {
  [ReminderCode.NotificationNotFound]: { zh: '通知不存在', en: 'Notification not found' },
});
