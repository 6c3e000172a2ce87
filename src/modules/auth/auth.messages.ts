import { defineMessages } from '../../common/i18n/catalogue.js';

export const AUTH_MESSAGES = defineMessages({
  'AUTH.INVALID_CREDENTIALS': {
    zh: '用户名或密码错误',
    en: 'Invalid username or password',
    title: { zh: '登录失败', en: 'Unauthorized' },
  },
  'AUTH.INVALID_REFRESH_TOKEN': {
    zh: '登录已失效，请重新登录',
    en: 'The refresh token is not valid',
  },
  'AUTH.CSRF_HEADER_MISSING': {
    zh: '登录凭据只接受本系统网页发出的请求（缺少请求头 X-Requested-With: mediation-web）',
    en: 'The session cookie is accepted only with the X-Requested-With: mediation-web header',
    title: { zh: '请求被拒绝', en: 'Forbidden' },
  },
});
