import { defineMessages } from '../../../common/i18n/catalogue.js';
import { SessionCode } from './sessions.codes.js';

/** Sessions' codes. */
export const SESSIONS_MESSAGES = defineMessages(SessionCode, {
  [SessionCode.NotFound]: { zh: '调解安排不存在或不在您的管辖范围内', en: 'Session not found' },
  [SessionCode.NotScheduled]: {
    zh: '该调解安排的状态为“{{status, sessionStatus}}”，不能修改',
    en: 'The session is {{status}}',
  },
  [SessionCode.Cancelled]: {
    zh: '已取消的调解不能记录笔录',
    en: 'A cancelled session cannot be recorded',
  },
  [SessionCode.JointNotAllowed]: {
    zh: '风险筛查建议背对背调解，请安排背对背调解',
    en: 'A screening recommends shuttle mediation: schedule a shuttle session',
  },
});
