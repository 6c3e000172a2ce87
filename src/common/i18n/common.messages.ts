import { defineMessages } from './catalogue.js';
import { RequestCode, ValidationCode } from './common.codes.js';

/** The HTTP layer's codes: statuses (the fallback titles), the request's shape, the guards. */
export const HTTP_MESSAGES = defineMessages(RequestCode, {
  [RequestCode.Http400]: { zh: '请求有误', en: 'Bad Request' },
  [RequestCode.Http401]: { zh: '未登录或登录已失效', en: 'Unauthorized' },
  [RequestCode.Http403]: { zh: '无权操作', en: 'Forbidden' },
  [RequestCode.Http404]: { zh: '未找到', en: 'Not Found' },
  [RequestCode.Http405]: { zh: '不支持该请求方法', en: 'Method Not Allowed' },
  [RequestCode.Http406]: { zh: '无法提供所要求的格式', en: 'Not Acceptable' },
  [RequestCode.Http409]: { zh: '操作冲突', en: 'Conflict' },
  [RequestCode.Http413]: { zh: '请求内容过大', en: 'Payload Too Large' },
  [RequestCode.Http414]: { zh: '请求地址过长', en: 'URI Too Long' },
  [RequestCode.Http415]: { zh: '不支持的内容类型', en: 'Unsupported Media Type' },
  [RequestCode.Http429]: { zh: '请求过于频繁', en: 'Too Many Requests' },
  [RequestCode.Http500]: { zh: '服务器内部错误', en: 'Internal Server Error' },
  [RequestCode.Http503]: { zh: '服务暂不可用', en: 'Service Unavailable' },

  [RequestCode.BadUrl]: {
    zh: '请求地址无效（百分号编码有误）',
    en: 'The URL is not valid (bad percent-encoding)',
  },
  [RequestCode.ParameterTooLong]: {
    zh: '路径参数超出允许的长度',
    en: 'A path parameter is longer than allowed',
  },
  [RequestCode.UnsupportedMediaType]: {
    zh: '不支持的内容类型，请以 application/json 发送',
    en: 'Unsupported content type; send application/json',
    variants: {
      invalid_header: { zh: 'Content-Type 请求头无效', en: 'The Content-Type header is not valid' },
      empty_header: { zh: 'Content-Type 请求头为空', en: 'The Content-Type header is empty' },
    },
  },
  [RequestCode.Malformed]: {
    zh: '无法处理该请求',
    en: 'The request could not be processed',
    variants: {
      empty_body: {
        zh: '请求体为空，但 Content-Type 为 JSON',
        en: 'The body is empty but its Content-Type is JSON',
      },
      content_length: {
        zh: 'Content-Length 请求头与请求体不符',
        en: 'The Content-Length header does not match the body',
      },
      invalid_json: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
      multipart: {
        zh: 'multipart/form-data 请求体无法解析',
        en: 'The multipart/form-data body could not be parsed',
      },
    },
  },
  [RequestCode.TooLarge]: {
    zh: '请求体过大',
    en: 'The request body is too large',
    variants: {
      limit: {
        zh: '请求体超过本接口 {{limit}} 的上限',
        en: "The request body is larger than this route's limit of {{limit}}",
      },
    },
  },
  [RequestCode.BodyTooDeep]: {
    zh: '请求体嵌套超过 {{limit}} 层',
    en: 'The request body nests deeper than {{limit}} levels',
  },
  [RequestCode.BodyTooManyKeys]: {
    zh: '请求体的键超过 {{limit}} 个',
    en: 'The request body has more than {{limit}} keys',
  },
  [RequestCode.RouteNotFound]: { zh: '没有这个接口', en: 'No such route' },
  [RequestCode.CorsOriginNotAllowed]: {
    zh: '不允许来自该来源的跨域请求',
    en: 'Cross-origin requests from this origin are not allowed',
  },
  [RequestCode.RateLimited]: {
    zh: '请求过于频繁，请 {{seconds}} 秒后再试',
    en: 'Too many requests; retry in {{seconds}} s',
  },
  [RequestCode.ServiceUnavailable]: {
    zh: '服务暂时不可用，请稍后重试',
    en: 'The service is temporarily unavailable; retry shortly',
    variants: {
      not_ready: {
        zh: '服务尚未就绪：{{dependencies, list}} 不可用',
        en: 'Not ready: {{dependencies, list}} unavailable',
      },
    },
  },
  [RequestCode.Internal]: {
    zh: '发生意外错误，请联系管理员并提供请求编号（requestId）',
    en: 'An unexpected error occurred; quote the requestId',
  },

  [RequestCode.AuthUnauthenticated]: {
    zh: '请先登录（需要有效的访问令牌）',
    en: 'A valid access token is required',
  },
  [RequestCode.AuthRouteNotDeclared]: {
    zh: '该接口未声明访问规则',
    en: 'This route declares no access rule',
  },
  [RequestCode.AuthForbidden]: {
    zh: '{{role, role}}无权进行此操作',
    en: 'Your role ({{role, role}}) may not do this',
  },
});

/**
 * Validation: the problem, class-validator's rules (`VALIDATION.<RULE>`, their constraints as
 * `{{constraint1}}`…) and the field codes of the Chinese validators.
 */
export const VALIDATION_MESSAGES = defineMessages(ValidationCode, {
  [ValidationCode.Failed]: {
    zh: '提交的内容有 {{count}} 处不符合要求',
    en: 'The request is invalid ({{count}} problems)',
    title: { zh: '提交的内容有误', en: 'Invalid request' },
    variants: {
      value: { zh: '请求中有无效的值', en: 'A value in the request is not valid' },
      // i18next's plural suffix: English says "1 problem"; Chinese has one form.
      one: {
        zh: '提交的内容有 {{count}} 处不符合要求',
        en: 'The request is invalid ({{count}} problem)',
      },
    },
  },
  [ValidationCode.NotAllowed]: { zh: '不允许提交该字段', en: 'is not allowed' },
  [ValidationCode.UnknownValue]: { zh: '无法识别的内容', en: 'is not a known value' },
  [ValidationCode.NestedValidation]: {
    zh: '应为对象或对象数组',
    en: 'must be an object or an array of objects',
  },
  [ValidationCode.IsDefined]: { zh: '必填', en: 'is required' },
  [ValidationCode.IsNotEmpty]: { zh: '不能为空', en: 'must not be empty' },
  [ValidationCode.IsUuid]: { zh: '应为 UUID', en: 'must be a UUID' },
  [ValidationCode.IsString]: { zh: '必填，应为文本', en: 'is required and must be a string' },
  [ValidationCode.IsInt]: { zh: '应为整数', en: 'must be an integer' },
  [ValidationCode.IsNumber]: { zh: '应为数字', en: 'must be a number' },
  [ValidationCode.IsBoolean]: { zh: '应为 true 或 false', en: 'must be true or false' },
  [ValidationCode.IsArray]: { zh: '应为数组', en: 'must be an array' },
  [ValidationCode.IsObject]: { zh: '应为对象', en: 'must be an object' },
  [ValidationCode.IsIn]: {
    zh: '应为以下之一：{{constraint1}}',
    en: 'must be one of: {{constraint1}}',
  },
  [ValidationCode.IsDateString]: {
    zh: '应为 ISO 8601 日期时间（如 2026-03-01T09:00:00+08:00）',
    en: 'must be an ISO 8601 date-time',
  },
  [ValidationCode.IsIso8601]: {
    zh: '应为 ISO 8601 日期或日期时间',
    en: 'must be an ISO 8601 date or date-time',
  },
  [ValidationCode.Min]: {
    zh: '不能小于 {{constraint1}}',
    en: 'must not be less than {{constraint1}}',
  },
  [ValidationCode.Max]: {
    zh: '不能大于 {{constraint1}}',
    en: 'must not be greater than {{constraint1}}',
  },
  [ValidationCode.MinLength]: {
    zh: '至少 {{constraint1}} 个字符',
    en: 'must be at least {{constraint1}} characters',
  },
  [ValidationCode.MaxLength]: {
    zh: '最多 {{constraint1}} 个字符',
    en: 'must be at most {{constraint1}} characters',
  },
  [ValidationCode.ArrayMinSize]: {
    zh: '至少 {{constraint1}} 项',
    en: 'must hold at least {{constraint1}} items',
  },
  [ValidationCode.ArrayMaxSize]: {
    zh: '最多 {{constraint1}} 项',
    en: 'must hold at most {{constraint1}} items',
  },
  [ValidationCode.Matches]: { zh: '格式不正确', en: 'has the wrong format' },
  [ValidationCode.Date]: {
    zh: '应为 1900–2099 年间的日期（YYYY-MM-DD）',
    en: 'must be a date (YYYY-MM-DD) in 1900–2099',
  },
  [ValidationCode.Month]: {
    zh: '应为 1900–2099 年间的月份（YYYY-MM）',
    en: 'must be a month (YYYY-MM) in 1900–2099',
  },
  [ValidationCode.NotACalendarDate]: {
    zh: '不是日历上存在的日期',
    en: 'is not a calendar date',
  },
  [ValidationCode.NothingToChange]: {
    zh: '没有需要修改的内容',
    en: 'nothing to change',
  },

  [ValidationCode.IdNumberFormat]: {
    zh: '身份证号码应为 18 位（前 17 位为数字，末位为数字或 X）',
    en: 'must be an 18-character national ID number (17 digits and a digit or X)',
  },
  [ValidationCode.IdNumberBirthDate]: {
    zh: '身份证号码中的出生日期无效',
    en: 'the birth date in the ID number is not valid',
  },
  [ValidationCode.IdNumberChecksum]: {
    zh: '身份证号码校验位不正确',
    en: 'the check character of the ID number is wrong',
  },
  [ValidationCode.MobileFormat]: {
    zh: '手机号码应为 11 位中国大陆手机号',
    en: 'must be an 11-digit mainland mobile number',
  },
  [ValidationCode.RegionCodeFormat]: {
    zh: '行政区划代码应为 12 位数字',
    en: 'must be a 12-digit region code',
  },
});
