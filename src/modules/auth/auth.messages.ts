import { defineMessages } from '../../common/i18n/catalogue.js';
import { AuthCode } from './auth.codes.js';

export const AUTH_MESSAGES = defineMessages(AuthCode, {
  [AuthCode.InvalidCredentials]: {
    zh: '用户名或密码错误',
    en: 'Invalid username or password',
    title: { zh: '登录失败', en: 'Unauthorized' },
  },
  [AuthCode.InvalidRefreshToken]: {
    zh: '登录已失效，请重新登录',
    en: 'The refresh token is not valid',
  },
  [AuthCode.SessionRevoked]: {
    zh: '您的登录已被注销（账号被停用或密码已重置），请联系管理员或重新登录',
    en: 'Your session was ended: the account was disabled or its password reset. Ask an administrator or sign in again',
  },
  [AuthCode.CsrfHeaderMissing]: {
    zh: '登录凭据只接受本系统网页发出的请求（缺少请求头 X-Requested-With: mediation-web）',
    en: 'The session cookie is accepted only with the X-Requested-With: mediation-web header',
    title: { zh: '请求被拒绝', en: 'Forbidden' },
  },
});
