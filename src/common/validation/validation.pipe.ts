import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, validationFailed } from '../errors/domain-error.js';
import { refuseForbiddenKeys } from './forbidden-keys.js';

/** Flattens nested class-validator errors into `{ field: 'parties.0.idNumber', message }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      // class-validator's whitelist message names the property already; keep it plain.
      message: rule === 'whitelistValidation' ? `${field} is not allowed` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Refuses `__proto__`, `constructor` and `prototype` keys at any depth before class-transformer
 * runs: it drops them without a word, so `forbidNonWhitelisted` never saw them. Bodies were
 * checked when parsed already; this covers query strings and anything else a DTO receives.
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') refuseForbiddenKeys(value);
    return super.transform(value, metadata);
  }
}

/** The one global pipe: unknown fields are refused, values are transformed to their DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
