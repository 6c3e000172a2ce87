import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES } from '../../messages.js';
import type { Message } from './catalogue.js';
import { LABELS } from './labels.js';
import { Translator } from './translator.js';

// Every code in the catalogue has both languages; every code the source throws is in it.

const entries = CATALOGUES.flatMap((c) => Object.entries(c) as [string, Message][]);
const codes = new Set(entries.map(([code]) => code));
const FORMATS = new Set([...Object.keys(LABELS), 'list', 'datetime']);
const CJK = /[\u4e00-\u9fff]/;

/** `{{name}}` and `{{name, format}}` → `name` and `name:format`. */
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,\s*(\w+)\s*)?\}\}/g)].map((m) => m[1]).sort();
const formats = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*[\w.]+\s*,\s*(\w+)\s*\}\}/g)].map((m) => m[1]);

/** Every text of a message: its own, its title's and its variants', as [key, zh, en]. */
const texts = ([code, m]: [string, Message]): [string, string, string][] => [
  [code, m.zh, m.en],
  ...(m.title ? [[`${code}#title`, m.title.zh, m.title.en] as [string, string, string]] : []),
  ...Object.entries(m.variants ?? {}).map(
    ([v, t]) => [`${code}_${v}`, t.zh, t.en] as [string, string, string],
  ),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.messages.ts')
      ? [path]
      : [];
  });
}

describe('message catalogue', () => {
  it('is big enough to be the real one', () => {
    expect(codes.size).toBeGreaterThan(150);
  });

  it.each(entries.flatMap(texts))(
    '%s has a Chinese and an English text with the same placeholders',
    (_key, zh, en) => {
      expect(typeof zh).toBe('string');
      expect(typeof en).toBe('string');
      expect(zh.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      expect(zh).toMatch(CJK);
      expect(placeholders(zh)).toEqual(placeholders(en));
      for (const format of [...formats(zh), ...formats(en)]) expect(FORMATS).toContain(format);
    },
  );

  it('defines no code twice and installs', () => {
    expect(entries).toHaveLength(codes.size);
    const translator = new Translator(CATALOGUES);
    expect(translator.allCodes().sort()).toEqual([...codes].sort());
    for (const { key, zh, en } of translator.allTexts()) {
      expect([key, typeof zh, typeof en]).toEqual([key, 'string', 'string']);
    }
  });

  it('writes enumerations as their Chinese labels, and English by code', () => {
    const t = new Translator(CATALOGUES);
    const params = { status: 'in_mediation', action: 'refer' };
    expect(t.text('CASE.INVALID_TRANSITION', 'zh-CN', params)).toBe(
      '案件状态为“调解中”，不能委派调解',
    );
    expect(t.text('CASE.INVALID_TRANSITION', 'en', params)).toBe(
      'A case in status "in_mediation" cannot refer',
    );
    expect(t.text('DATE.IN_FUTURE', 'zh-CN', { now: '2026-03-01T01:00:00.000Z' })).toBe(
      '不能晚于当前时间（现在是 2026年3月1日 09:00）',
    );
    expect(t.text('ID_NUMBER.CHECKSUM', 'zh-CN')).toBe('身份证号码校验位不正确');
    expect(t.title('CASE.VERSION_CONFLICT', 'zh-CN')).toBe('案件已被修改');
    expect(t.title('CASE.VERSION_CONFLICT', 'en')).toBe('Conflict');
    expect(t.title('CASE.WRONG_ROUTE', 'zh-CN')).toBeUndefined();
    expect(t.text('VALIDATION.FAILED', 'en', { count: 1 })).toBe(
      'The request is invalid (1 problem)',
    );
    expect(t.text('VALIDATION.FAILED', 'en', { count: 2 })).toBe(
      'The request is invalid (2 problems)',
    );
    expect(t.text('VALIDATION.FAILED', 'zh-CN', { count: 2 })).toBe('提交的内容有 2 处不符合要求');
  });

  it('has every code the source throws, names or validates with', () => {
    const root = join(process.cwd(), 'src');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([A-Z][A-Z0-9_-]*\.[A-Z][A-Z0-9_.]*)'/g)) used.add(m[1]);
      // notFound('case'), scope.notFoundError('party'), scope.assertVisible(…, { type: 'session' })
      const entity =
        /(?:notFound|notFoundError)\('([a-z-]+)'|assertVisible\([^;]*?type: '([a-z-]+)'/gs;
      for (const m of text.matchAll(entity)) used.add(`${(m[1] ?? m[2]).toUpperCase()}.NOT_FOUND`);
    }
    expect([...used].filter((code) => !codes.has(code))).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });

  it('has a code for every class-validator rule the DTOs use (VALIDATION.<RULE>)', () => {
    const decorators = new Set<string>();
    for (const file of sourceFiles(join(process.cwd(), 'src'))) {
      const text = readFileSync(file, 'utf8');
      const imported = /import \{([^}]*)\} from 'class-validator'/.exec(text)?.[1] ?? '';
      for (const name of imported.split(',').map((n) => n.trim())) {
        if (/^[A-Z]/.test(name) && text.includes(`@${name}(`)) decorators.add(name);
      }
    }
    for (const name of decorators) {
      if (WITHOUT_MESSAGE.has(name)) continue;
      expect([name, codes.has(RULE_CODES[name] ?? `unmapped ${name}`)]).toEqual([name, true]);
    }
    // The pipe's own: unknown properties and values.
    for (const code of ['VALIDATION.NOT_ALLOWED', 'VALIDATION.UNKNOWN_VALUE']) {
      expect(codes.has(code)).toBe(true);
    }
  });
});

const WITHOUT_MESSAGE = new Set(['IsOptional', 'ValidateIf', 'Allow']);

/** class-validator's rule names, as the validation pipe turns them into codes. */
const RULE_CODES: Record<string, string> = {
  ArrayMaxSize: 'VALIDATION.ARRAY_MAX_SIZE',
  ArrayMinSize: 'VALIDATION.ARRAY_MIN_SIZE',
  IsArray: 'VALIDATION.IS_ARRAY',
  IsBoolean: 'VALIDATION.IS_BOOLEAN',
  IsDateString: 'VALIDATION.IS_DATE_STRING',
  IsISO8601: 'VALIDATION.IS_ISO8601',
  IsIn: 'VALIDATION.IS_IN',
  IsInt: 'VALIDATION.IS_INT',
  IsNumber: 'VALIDATION.IS_NUMBER',
  IsString: 'VALIDATION.IS_STRING',
  IsUUID: 'VALIDATION.IS_UUID',
  Matches: 'VALIDATION.MATCHES',
  Max: 'VALIDATION.MAX',
  MaxLength: 'VALIDATION.MAX_LENGTH',
  Min: 'VALIDATION.MIN',
  MinLength: 'VALIDATION.MIN_LENGTH',
  ValidateNested: 'VALIDATION.NESTED_VALIDATION',
};
