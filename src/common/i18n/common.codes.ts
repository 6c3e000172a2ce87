// By name, the codes whose texts are in common.messages.ts; why named: src/codes.ts.

/**
 * The HTTP layer's codes, any route's (RequestCode, as Nest's decorator is HttpCode): statuses
 * (`HTTP.<status>`, the fallback titles), the request's shape, the guards, the rate limit.
 */
export const RequestCode = {
  Http400: 'HTTP.400',
  Http401: 'HTTP.401',
  Http403: 'HTTP.403',
  Http404: 'HTTP.404',
  Http405: 'HTTP.405',
  Http406: 'HTTP.406',
  Http409: 'HTTP.409',
  Http413: 'HTTP.413',
  Http414: 'HTTP.414',
  Http415: 'HTTP.415',
  Http429: 'HTTP.429',
  Http500: 'HTTP.500',
  Http503: 'HTTP.503',
  BadUrl: 'REQUEST.BAD_URL',
  ParameterTooLong: 'REQUEST.PARAMETER_TOO_LONG',
  UnsupportedMediaType: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  Malformed: 'REQUEST.MALFORMED',
  TooLarge: 'REQUEST.TOO_LARGE',
  BodyTooDeep: 'BODY.TOO_DEEP',
  BodyTooManyKeys: 'BODY.TOO_MANY_KEYS',
  RouteNotFound: 'ROUTE.NOT_FOUND',
  CorsOriginNotAllowed: 'CORS.ORIGIN_NOT_ALLOWED',
  RateLimited: 'RATE_LIMITED',
  ServiceUnavailable: 'SERVICE.UNAVAILABLE',
  Internal: 'INTERNAL',
  AuthUnauthenticated: 'AUTH.UNAUTHENTICATED',
  AuthRouteNotDeclared: 'AUTH.ROUTE_NOT_DECLARED',
  AuthForbidden: 'AUTH.FORBIDDEN',
} as const;
export type RequestCode = (typeof RequestCode)[keyof typeof RequestCode];

/**
 * Validation's codes: the problem, class-validator's rules (`VALIDATION.<RULE>`) and the field
 * codes of the Chinese validators.
 */
export const ValidationCode = {
  Failed: 'VALIDATION.FAILED',
  NotAllowed: 'VALIDATION.NOT_ALLOWED',
  UnknownValue: 'VALIDATION.UNKNOWN_VALUE',
  NestedValidation: 'VALIDATION.NESTED_VALIDATION',
  IsDefined: 'VALIDATION.IS_DEFINED',
  IsNotEmpty: 'VALIDATION.IS_NOT_EMPTY',
  IsUuid: 'VALIDATION.IS_UUID',
  IsString: 'VALIDATION.IS_STRING',
  IsInt: 'VALIDATION.IS_INT',
  IsNumber: 'VALIDATION.IS_NUMBER',
  IsBoolean: 'VALIDATION.IS_BOOLEAN',
  IsArray: 'VALIDATION.IS_ARRAY',
  IsObject: 'VALIDATION.IS_OBJECT',
  IsIn: 'VALIDATION.IS_IN',
  IsDateString: 'VALIDATION.IS_DATE_STRING',
  IsIso8601: 'VALIDATION.IS_ISO8601',
  Min: 'VALIDATION.MIN',
  Max: 'VALIDATION.MAX',
  MinLength: 'VALIDATION.MIN_LENGTH',
  MaxLength: 'VALIDATION.MAX_LENGTH',
  ArrayMinSize: 'VALIDATION.ARRAY_MIN_SIZE',
  ArrayMaxSize: 'VALIDATION.ARRAY_MAX_SIZE',
  Matches: 'VALIDATION.MATCHES',
  Date: 'VALIDATION.DATE',
  Month: 'VALIDATION.MONTH',
  NotACalendarDate: 'VALIDATION.NOT_A_CALENDAR_DATE',
  NothingToChange: 'VALIDATION.NOTHING_TO_CHANGE',
  IdNumberFormat: 'ID_NUMBER.FORMAT',
  IdNumberBirthDate: 'ID_NUMBER.BIRTH_DATE',
  IdNumberChecksum: 'ID_NUMBER.CHECKSUM',
  MobileFormat: 'MOBILE.FORMAT',
  RegionCodeFormat: 'REGION.CODE_FORMAT',
} as const;
export type ValidationCode = (typeof ValidationCode)[keyof typeof ValidationCode];
