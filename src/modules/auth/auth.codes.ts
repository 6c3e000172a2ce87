// By name, the codes whose texts are in auth.messages.ts; why named: src/codes.ts.

/** Sign-in's codes: credentials, refresh tokens, the CSRF header (the guard's: RequestCode). */
export const AuthCode = {
  InvalidCredentials: 'AUTH.INVALID_CREDENTIALS',
  InvalidRefreshToken: 'AUTH.INVALID_REFRESH_TOKEN',
  SessionRevoked: 'AUTH.SESSION_REVOKED',
  CsrfHeaderMissing: 'AUTH.CSRF_HEADER_MISSING',
} as const;
export type AuthCode = (typeof AuthCode)[keyof typeof AuthCode];
