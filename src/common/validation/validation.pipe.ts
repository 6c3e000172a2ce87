import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ErrorCode } from '../../codes.js';
import { FieldError, fieldError, validationFailed } from '../errors/domain-error.js';
import { ValidationCode } from '../i18n/common.codes.js';
import { refuseForbiddenKeys } from './forbidden-keys.js';

/**
 * The message code of a failed class-validator rule: a rule whose message is a catalogue code
 * (`@Matches(re, { message: UserCode.UsernameFormat })`, the Chinese-ID validators) keeps it;
 * any other rule is `VALIDATION.<RULE>` (`isUUID` → `VALIDATION.IS_UUID`), its text taking the
 * rule's constraints (`{{constraint1}}`, …). Both are strings the compiler cannot check (a
 * decorator's message is any string; the rule's code is made from its name): catalogue.spec.ts
 * holds every rule a DTO uses to a code of the catalogue.
 */
function ruleCode(rule: string, message: string): ErrorCode {
  if (/^[A-Z][A-Z0-9_]*\.[A-Z0-9_.]+$/.test(message)) return message as ErrorCode;
  if (rule === 'whitelistValidation') return ValidationCode.NotAllowed;
  return `VALIDATION.${rule.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}` as ErrorCode;
}

/** The constraints class-validator checked a property's rule with (`@MaxLength(200)` → [200]). */
function ruleConstraints(target: object | undefined, property: string, rule: string): unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name === rule || m.type === rule));
  return metadata?.constraints ?? [];
}

const paramOf = (value: unknown): string | number =>
  typeof value === 'number'
    ? value
    : Array.isArray(value)
      ? value.map(String).join(', ')
      : value instanceof RegExp
        ? value.source
        : String(value);

/** Flattens nested class-validator errors into `{ field: 'parties.0.idNumber', code, params }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => {
      const constraints = ruleConstraints(error.target, error.property, rule);
      const params = Object.fromEntries(
        constraints.map((c, i) => [`constraint${i + 1}`, paramOf(c)] as const),
      );
      return fieldError(field, ruleCode(rule, message), params);
    });
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
    // The target (the half-built DTO) stays in the process: it finds a rule's constraints.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
