import { FieldError, validationFailed, fieldError } from '../errors/domain-error.js';
import { ValidationCode } from '../i18n/common.codes.js';

/** Keys that reach an object's prototype when copied: refused wherever they appear. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * The paths (`parties.0.constructor`) of keys in FORBIDDEN_KEYS, walked without recursion.
 * class-transformer drops such keys silently, so whitelisting never saw them to refuse.
 */
export function forbiddenKeyPaths(value: unknown): string[] {
  const found: string[] = [];
  const stack: Array<{ node: unknown; path: string }> = [{ node: value, path: '' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, path } = next;
    if (node === null || typeof node !== 'object') continue;
    for (const key of Object.keys(node)) {
      const child = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) found.push(child);
      else stack.push({ node: (node as Record<string, unknown>)[key], path: child });
    }
  }
  return found.sort();
}

/** 400 VALIDATION.FAILED naming each forbidden key, as for any other unknown field. */
export function refuseForbiddenKeys(value: unknown): void {
  const paths = forbiddenKeyPaths(value);
  if (paths.length === 0) return;
  const errors: FieldError[] = paths.map((field) => fieldError(field, ValidationCode.NotAllowed));
  throw validationFailed(errors);
}
