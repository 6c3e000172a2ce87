import type { Problem } from '../api/problem';

/**
 * What a user reads when the problem carries no Chinese detail: a problem the app makes itself
 * (NETWORK.FAILED) or an answer that is not the API's problem+json. The API's own `detail` comes
 * from its message catalogue in Chinese (the client asks for zh-CN) and is shown as given.
 */
const BY_CODE: Record<string, string> = {
  'AUTH.INVALID_CREDENTIALS': '用户名或密码不正确',
  'AUTH.INVALID_REFRESH_TOKEN': '登录已过期，请重新登录',
  'AUTH.SESSION_REVOKED': '您的登录已被注销（账号被停用或密码已重置），请联系管理员或重新登录',
  'AUTH.UNAUTHENTICATED': '登录已过期，请重新登录',
  'AUTH.FORBIDDEN': '您的角色无权执行此操作',
  'AUTH.CSRF_HEADER_MISSING': '请求被拒绝，请刷新页面后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  'VALIDATION.FAILED': '填写的内容有误，请按提示修改',
  'CASE.NOT_FOUND': '案件不存在或不在您的管辖范围内',
  'CASE.INVALID_TRANSITION': '案件当前状态不允许此操作',
  'CASE.VERSION_CONFLICT': '案件已被他人修改，请刷新后重试',
  'CASE.DUPLICATE_COURT_REFERENCE': '该法院案号已登记过',
  'CASE.REFERRAL_PRECONDITIONS':
    '尚不能委派：须双方同意调解、每位当事人均完成安全评估且无“不适宜调解”',
  'CASE.WRONG_ROUTE': '该调解结果不能走所选的后续途径',
  'CASE.EXTENSION_NEEDS_CONSENT': '延期须双方当事人同意',
  'CASE.EXTENSION_OVER_CAP': '延期天数超过上限',
  'CASE.NOT_ASSIGNED_TO_YOU': '该案件未指派给您',
  'ASSIGNMENT.MEDIATOR_NOT_ELIGIBLE': '该调解员不符合指派条件',
  'ASSIGNMENT.ALREADY_ASSIGNED': '案件已指派调解员',
  'DOCUMENT.NOT_FOUND': '文书不存在',
  'DOCUMENT.NOT_ISSUABLE': '案件当前状态不能出具该文书',
  'IDEMPOTENCY.KEY_REUSED': '重复提交的内容不一致，请刷新后重试',
  'PARTY.NOT_FOUND': '当事人不存在',
  'USER.USERNAME_TAKEN': '用户名已被占用',
  'USER.LAST_ADMIN': '不能停用最后一位管理员',
  'REQUEST.TOO_LARGE': '提交的内容过大',
  'SERVICE.UNAVAILABLE': '服务暂时不可用，请稍后再试',
  'NETWORK.FAILED': '无法连接服务器，请检查网络后重试',
};

const BY_STATUS: Record<number, string> = {
  400: '请求有误，请检查填写的内容',
  401: '登录已过期，请重新登录',
  403: '您的角色无权执行此操作',
  404: '内容不存在或不在您的管辖范围内',
  409: '与当前状态冲突，请刷新后重试',
  429: '操作过于频繁，请稍后再试',
  503: '服务暂时不可用，请稍后再试',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** The Chinese sentence for a problem: the API's detail, else by its code, else its status. */
export function problemText(problem: Problem): string {
  if (problem.detail && HAS_CHINESE.test(problem.detail)) return problem.detail;
  return BY_CODE[problem.code] ?? BY_STATUS[problem.status] ?? '操作失败，请稍后再试';
}
