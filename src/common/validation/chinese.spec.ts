import {
  idChecksum,
  isIdNumber,
  isMobile,
  isRegionCode,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
} from './chinese.js';

/** Builds a valid number from 17 digits by appending the GB 11643 check character. */
const withCheck = (first17: string): string => first17 + idChecksum(first17);

describe('national ID numbers (GB 11643)', () => {
  it('accepts the standard example 11010519491231002X', () => {
    expect(isIdNumber('11010519491231002X')).toBe(true);
    expect(parseIdNumber('11010519491231002X')).toEqual({
      birthDate: '1949-12-31',
      gender: 'female',
      regionPrefix: '110105',
    });
  });

  it('derives the gender from the 17th digit', () => {
    expect(parseIdNumber(withCheck('37028119880315031'))?.gender).toBe('male');
    expect(parseIdNumber(withCheck('37028119880315032'))?.gender).toBe('female');
  });

  it('refuses a wrong check character', () => {
    const valid = withCheck('37028119880315031');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(isIdNumber(wrong)).toBe(false);
  });

  it('refuses impossible and future birth dates', () => {
    expect(isIdNumber(withCheck('37028119880230031'))).toBe(false); // 30 February
    expect(isIdNumber(withCheck('37028119881301031'))).toBe(false); // month 13
    expect(isIdNumber(withCheck('37028118991231031'))).toBe(false); // before 1900
    expect(
      parseIdNumber(withCheck('37028120300101031'), new Date('2026-11-22T00:00:00Z')),
    ).toBeNull();
    expect(isIdNumber(withCheck('37028120000229031'))).toBe(true); // 2000 was a leap year
    expect(isIdNumber(withCheck('37028119000229031'))).toBe(false); // 1900 was not
  });

  it('refuses wrong shapes', () => {
    for (const v of [
      '',
      '1234',
      '11010519491231002x',
      '01010519491231002X',
      '110105194912310021X',
      12345,
    ]) {
      expect(isIdNumber(v)).toBe(false);
    }
  });
});

describe('mobile numbers', () => {
  it('accepts mainland mobiles', () => {
    expect(isMobile('13800000001')).toBe(true);
    expect(isMobile('19912345678')).toBe(true);
  });
  it('refuses landlines, short numbers and other prefixes', () => {
    for (const v of [
      '12800000001',
      '1380000000',
      '138000000012',
      '+8613800000001',
      '0532-8888888',
      null,
    ]) {
      expect(isMobile(v)).toBe(false);
    }
  });
});

describe('region codes', () => {
  it('accepts 12-digit codes', () => {
    expect(isRegionCode('370281105000')).toBe(true);
  });
  it('refuses other shapes', () => {
    for (const v of [
      '37028110500',
      '3702811050001',
      '000000000000',
      '37028110500A',
      370281105000,
    ]) {
      expect(isRegionCode(v)).toBe(false);
    }
  });
});

describe('masking', () => {
  it('masks ID numbers and phones as docs/design/api.md shows', () => {
    expect(maskIdNumber('110101199001011234')).toBe('110101********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
