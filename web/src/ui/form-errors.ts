import type { FieldError, Problem } from '../api/problem';

/** `parties.0.idNumber` or `parties[0].idNumber` → ['parties', 0, 'idNumber'] (a form's NamePath). */
export function namePathOf(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * The Chinese text of one field error. The API says it in Chinese (the client asks for zh-CN, and
 * the message comes from its catalogue by code); these patterns only say an English message of an
 * older server in Chinese.
 */
const PATTERNS: [RegExp, string][] = [
  [/does not match the birth date|birth ?date.*ID number/i, '出生日期与身份证号码不一致'],
  [
    /national ID|resident ID|ID number|check digit|checksum/i,
    '身份证号码无效（18位，请核对出生日期和校验位）',
  ],
  [/mobile|phone/i, '手机号码无效（应为11位大陆手机号）'],
  [/should not be empty|must be defined|is required|must not be empty/i, '此项必填'],
  [/not allowed|should not exist/i, '不允许填写此项'],
  [/must be one of the following values|must be one of/i, '请从选项中选择'],
  [/longer than or equal to|shorter than or equal to|length/i, '长度不符合要求'],
  [/ISO 8601|date/i, '日期格式不正确'],
  [/UUID/i, '请选择有效的选项'],
  [/future/i, '日期不能晚于今天'],
];

const HAS_CHINESE = /[\u4e00-\u9fff]/;

export function fieldErrorText(error: FieldError): string {
  if (HAS_CHINESE.test(error.message)) return error.message;
  for (const [pattern, text] of PATTERNS) if (pattern.test(error.message)) return text;
  return '此项填写有误';
}

/**
 * A form with `setFields([{ name, errors }])`: antd's and antd-mobile's (both rc-field-form),
 * whatever their typed field names.
 */
export interface FieldsSetter {
  setFields(fields: never[]): void;
}
type FieldErrors = { name: (string | number)[]; errors: string[] };

/**
 * Puts a problem's field errors next to their fields (the typed values stay), and returns the
 * errors no field of the form took, for a banner above it.
 */
export function applyProblemToForm(
  form: FieldsSetter,
  problem: Problem,
  knownFields?: (name: (string | number)[]) => boolean,
): FieldError[] {
  const byField = new Map<string, FieldErrors>();
  const unplaced: FieldError[] = [];
  for (const error of problem.errors ?? []) {
    const name = namePathOf(error.field);
    if (knownFields && !knownFields(name)) {
      unplaced.push(error);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    const text = fieldErrorText(error);
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  (form.setFields as (fields: FieldErrors[]) => void).call(form, [...byField.values()]);
  return unplaced;
}
