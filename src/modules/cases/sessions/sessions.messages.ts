import { defineMessages } from '../../../common/i18n/catalogue.js';

/** Sessions' codes. */
export const SESSIONS_MESSAGES = defineMessages({
  'SESSION.NOT_FOUND': { zh: '调解安排不存在或不在您的管辖范围内', en: 'Session not found' },
  'SESSION.NOT_SCHEDULED': {
    zh: '该调解安排的状态为“{{status, sessionStatus}}”，不能修改',
    en: 'The session is {{status}}',
  },
  'SESSION.CANCELLED': {
    zh: '已取消的调解不能记录笔录',
    en: 'A cancelled session cannot be recorded',
  },
  'SESSION.JOINT_NOT_ALLOWED': {
    zh: '风险筛查建议背对背调解，请安排背对背调解',
    en: 'A screening recommends shuttle mediation: schedule a shuttle session',
  },
});
