// By name, the codes whose texts are in reminders.messages.ts; why named: src/codes.ts.

/** The reminders module's codes (its notifications). */
export const ReminderCode = {
  NotificationNotFound: 'NOTIFICATION.NOT_FOUND',
} as const;
export type ReminderCode = (typeof ReminderCode)[keyof typeof ReminderCode];
