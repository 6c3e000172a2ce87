/** What kind of failure a domain error is; the HTTP layer maps it to a status, services never do. */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A failure with a stable code (`MODULE.REASON`). Services throw these; the exception filter
 * turns them into problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly errors: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (entity: string, code = `${entity.toUpperCase()}.NOT_FOUND`): DomainError =>
  new DomainError(code, 'not_found', `${entity} not found`);

export const validationFailed = (
  errors: FieldError[],
  message = 'The request is invalid',
): DomainError => new DomainError('VALIDATION.FAILED', 'validation', message, errors);

export const conflict = (code: string, message: string): DomainError =>
  new DomainError(code, 'conflict', message);
