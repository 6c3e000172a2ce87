import type { MessageParams } from '../i18n/catalogue.js';

/** What kind of failure a domain error is; the HTTP layer maps it to a status, services never do. */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable';

/**
 * One field's problem: the field's path and a message code of the catalogue, with the values
 * its text interpolates. The filter writes `{ field, code, message }` in the reader's language.
 */
export interface FieldError {
  field: string;
  code: string;
  params?: MessageParams;
}

/**
 * A failure with a stable code (`MODULE.REASON`). Services throw these; the exception filter
 * turns them into problem+json, with the code's title and text from the message catalogue in
 * the reader's language (`params` are what the text interpolates). The Error's own message is
 * the code: logs name it, never user data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly params: MessageParams = {},
    readonly errors: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** `notFound('case')` is `CASE.NOT_FOUND`; its text names the entity in the reader's language. */
export const notFound = (entity: string, code = `${entity.toUpperCase()}.NOT_FOUND`): DomainError =>
  new DomainError(code, 'not_found');

export const validationFailed = (errors: FieldError[]): DomainError =>
  new DomainError('VALIDATION.FAILED', 'validation', { count: errors.length }, errors);

export const conflict = (code: string, params: MessageParams = {}): DomainError =>
  new DomainError(code, 'conflict', params);

/** A field error: `fieldError('parties', 'CASE.PARTY_ROLE_MISSING', { role: 'applicant' })`. */
export const fieldError = (field: string, code: string, params?: MessageParams): FieldError =>
  params ? { field, code, params } : { field, code };
