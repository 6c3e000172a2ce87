import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldError, fieldError, validationFailed } from '../errors/domain-error.js';
import { refuseForbiddenKeys } from './forbidden-keys.js';

/**
 * The message code of a failed class-validator rule: a rule whose message is a catalogue code
 * (`@Matches(re, { message: 'USER.USERNAME_FORMAT' })`, the Chinese-ID validators) keeps it;
 * any other rule is `VALIDATION.<RULE>` (`isUUID` → `VALIDATION.IS_UUID`), its text taking the
 * rule's constraints (`{{constraint1}}`, …).
 */
function ruleCode(rule: string, message: string): string {
  if (/^[A-Z][A-Z0-9_]*\.[A-Z0-9_.]+$/.test(message)) return message;
  if (rule === 'whitelistValidation') return 'VALIDATION.NOT_ALLOWED';
  return `VALIDATION.${rule.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
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
