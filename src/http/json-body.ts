import { parse as parseQuerystring } from 'node:querystring';
import { DomainError } from '../common/errors/domain-error.js';
import { RequestCode } from '../common/i18n/common.codes.js';
import { refuseForbiddenKeys } from '../common/validation/forbidden-keys.js';

/**
 * Limits on the shape of a request body, checked while it is parsed: class-transformer and
 * class-validator recurse once per level, so 3000 nested arrays overflowed the stack (a 500
 * from 6 KB, without a token). No DTO nests deeper than 6 or holds more than ~900 keys.
 */
export const BODY_LIMITS = { depth: 32, keys: 2000 } as const;

const tooDeep = (): DomainError =>
  new DomainError(RequestCode.BodyTooDeep, 'validation', { limit: BODY_LIMITS.depth });
const tooManyKeys = (): DomainError =>
  new DomainError(RequestCode.BodyTooManyKeys, 'validation', { limit: BODY_LIMITS.keys });
const malformed = (context: 'empty_body' | 'invalid_json'): DomainError =>
  new DomainError(RequestCode.Malformed, 'validation', { context });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * One pass over the text, before anything is built from it: nesting depth (every `[` or `{`
 * outside a string) and key count (every `:` outside a string is one key). Stops at the first
 * level too many, so a 2 MB tower of brackets costs no more than its first 33 characters.
 */
export function checkJsonShape(text: string): DomainError | null {
  let depth = 0;
  let keys = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end === -1) return null; // unterminated: JSON.parse says so
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes += 1;
        if (slashes % 2 === 0) break;
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth += 1;
      if (depth > BODY_LIMITS.depth) return tooDeep();
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth -= 1;
    } else if (c === COLON) {
      keys += 1;
      if (keys > BODY_LIMITS.keys) return tooManyKeys();
    }
  }
  return null;
}

// A key can only be forbidden if its name (or an escape that could spell it) is in the text.
const MAY_HOLD_FORBIDDEN_KEY = /__proto__|constructor|prototype|\\u/;

/**
 * The JSON body parser of every route: the shape limits first, then `JSON.parse` (which makes
 * `__proto__` an ordinary own key, never the prototype), then the forbidden keys, which
 * secure-json-parse would have refused too, here named like any unknown field.
 */
export function parseJsonBody(raw: Buffer | string): unknown {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (text.trim() === '') throw malformed('empty_body');
  const shape = checkJsonShape(text);
  if (shape) throw shape;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // The parser's message quotes the input; it stays here.
    throw malformed('invalid_json');
  }
  if (MAY_HOLD_FORBIDDEN_KEY.test(text)) refuseForbiddenKeys(body);
  return body;
}

/** Form bodies are flat; only the key count and the forbidden keys apply. */
export function parseFormBody(raw: Buffer | string): unknown {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  let pairs = text === '' ? 0 : 1;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) pairs += 1;
  if (pairs > BODY_LIMITS.keys) throw tooManyKeys();
  const body = parseQuerystring(text, '&', '=', { maxKeys: 0 });
  refuseForbiddenKeys(body);
  return body;
}
