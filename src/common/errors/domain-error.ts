import type { ErrorCode } from '../../codes.js';
import type { MessageParams } from '../i18n/catalogue.js';
import { ValidationCode } from '../i18n/common.codes.js';

/** What kind of failure a domain error is; the HTTP layer maps it to a status, services never do. */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

/**
 * One field's problem: the field's path and a message code of the catalogue, with the values
 * its text interpolates. The filter writes `{ field, code, message }` in the reader's language.
 */
export interface FieldError {
  field: string;
  code: ErrorCode;
  params?: MessageParams;
}

/**
 * A failure with a stable code (`MODULE.REASON`, named: `CaseCode.VersionConflict`). Services
 * throw these; the exception filter turns them into problem+json, with the code's title and text
 * from the message catalogue in the reader's language (`params` are what the text interpolates).
 * The Error's own message is the code: logs name it, never user data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly kind: ErrorKind,
    readonly params: MessageParams = {},
    readonly errors: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** The codes of a 404 of an entity: `CASE.NOT_FOUND`, `FOLLOW-UP.NOT_FOUND`, … */
export type NotFoundCode = Extract<ErrorCode, `${string}.NOT_FOUND`>;

type EntityOf<C> = C extends `${infer E}.NOT_FOUND` ? Lowercase<E> : never;

/**
 * The entities with a 404 of their own, by name (`case`, `follow-up`): the names double as the
 * audit's entity types (ScopeService.assertVisible), so callers keep naming the entity and the
 * type still refuses one without a `<ENTITY>.NOT_FOUND` code.
 */
export type NotFoundEntity = EntityOf<NotFoundCode>;

/** `notFound('case')` (or `'Case'`) is `CASE.NOT_FOUND`; its text names the entity. */
export const notFound = (
  entity: NotFoundEntity | Capitalize<NotFoundEntity>,
  code: ErrorCode = `${entity.toUpperCase()}.NOT_FOUND` as NotFoundCode,
): DomainError => new DomainError(code, 'not_found');

export const validationFailed = (errors: FieldError[]): DomainError =>
  new DomainError(ValidationCode.Failed, 'validation', { count: errors.length }, errors);

export const conflict = (code: ErrorCode, params: MessageParams = {}): DomainError =>
  new DomainError(code, 'conflict', params);

/** A field error: `fieldError('parties', IntakeCode.CasePartyRoleMissing, { role })`. */
export const fieldError = (field: string, code: ErrorCode, params?: MessageParams): FieldError =>
  params ? { field, code, params } : { field, code };
