/**
 * Validators for Chinese identity data, in one place (GB 11643-1999 for national ID numbers,
 * mainland mobile numbers, 12-digit statistical region codes).
 */
import { ValidationCode } from '../i18n/common.codes.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function idChecksum(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

export interface IdNumberFacts {
  birthDate: string; // YYYY-MM-DD
  gender: 'male' | 'female';
  regionPrefix: string; // the first six digits: the registering county
}

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Parses an 18-character resident identity number: digits, a real birth date between 1900 and
 * `today`, and a correct check character. Returns null when it is not valid.
 */
export function parseIdNumber(value: string, today: Date = new Date()): IdNumberFacts | null {
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return null;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || !realDate(year, month, day)) return null;
  const birth = Date.UTC(year, month - 1, day);
  if (birth > today.getTime()) return null;
  if (idChecksum(value.slice(0, 17)) !== value[17]) return null;
  return {
    birthDate: value.slice(6, 10) + '-' + value.slice(10, 12) + '-' + value.slice(12, 14),
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    regionPrefix: value.slice(0, 6),
  };
}

/**
 * Why a value is not a resident identity number, as a message code, or null when it is one:
 * the shape (18 characters, digits and a final X), the birth date, or the check character.
 */
export function idNumberProblem(value: unknown, today: Date = new Date()): ValidationCode | null {
  if (typeof value !== 'string' || !/^[1-9]\d{16}[\dX]$/.test(value))
    return ValidationCode.IdNumberFormat;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (
    year < 1900 ||
    !realDate(year, month, day) ||
    Date.UTC(year, month - 1, day) > today.getTime()
  )
    return ValidationCode.IdNumberBirthDate;
  if (idChecksum(value.slice(0, 17)) !== value[17]) return ValidationCode.IdNumberChecksum;
  return null;
}

export const isIdNumber = (value: unknown): value is string =>
  typeof value === 'string' && parseIdNumber(value) !== null;

/** Mainland mobile numbers: 11 digits, 1[3-9]x. */
export const isMobile = (value: unknown): value is string =>
  typeof value === 'string' && /^1[3-9]\d{9}$/.test(value);

/** 12-digit statistical division code (统计用区划代码): a province prefix, never all zeros. */
export const isRegionCode = (value: unknown): value is string =>
  typeof value === 'string' && /^[1-9]\d{11}$/.test(value);

/** `110101********1234`: the registering county and the last four stay visible. */
export function maskIdNumber(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

/** `138****5678`. */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
