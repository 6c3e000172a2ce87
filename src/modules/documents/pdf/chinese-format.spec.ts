import {
  capitalAmount,
  chineseDate,
  chineseDateTime,
  figureAmount,
  rmb,
  toFen,
} from './chinese-format.js';

describe('chineseDate', () => {
  it.each([
    ['2026-11-22T01:00:00Z', '二〇二六年十一月二十二日'],
    // 23:30 UTC is the next morning in Shanghai.
    ['2026-11-21T23:30:00Z', '二〇二六年十一月二十二日'],
    ['2026-01-01', '二〇二六年一月一日'],
    ['2030-10-10', '二〇三〇年十月十日'],
    ['2027-12-31', '二〇二七年十二月三十一日'],
    ['2026-02-20', '二〇二六年二月二十日'],
  ])('%s → %s', (input, expected) => {
    expect(chineseDate(input)).toBe(expected);
  });

  it('takes a Date too and refuses garbage', () => {
    expect(chineseDate(new Date('2026-03-05T16:00:00Z'))).toBe('二〇二六年三月六日');
    expect(() => chineseDate('not a date')).toThrow(RangeError);
  });

  it('writes times in Shanghai wall time', () => {
    expect(chineseDateTime('2026-11-25T01:30:00Z')).toBe('2026年11月25日 09:30');
  });
});

describe('amounts', () => {
  it.each([
    ['24000', '贰万肆仟元整'],
    ['24000.00', '贰万肆仟元整'],
    ['1500', '壹仟伍佰元整'],
    ['1005', '壹仟零伍元整'],
    ['10', '壹拾元整'],
    ['15', '壹拾伍元整'],
    ['100010', '壹拾万零壹拾元整'],
    ['300000.00', '叁拾万元整'],
    ['1000000', '壹佰万元整'],
    ['10001000', '壹仟万壹仟元整'],
    ['10000100', '壹仟万零壹佰元整'],
    ['100000001', '壹亿零壹元整'],
    ['12.05', '壹拾贰元零伍分'],
    ['12.5', '壹拾贰元伍角整'],
    ['12.56', '壹拾贰元伍角陆分'],
    ['0.05', '伍分'],
    ['0.5', '伍角整'],
    ['0', '零元整'],
  ])('%s → %s', (input, expected) => {
    expect(capitalAmount(input)).toBe(expected);
  });

  it('writes figures with thousands separators and both forms together', () => {
    expect(figureAmount('24000')).toBe('24,000.00');
    expect(figureAmount('1234567.8')).toBe('1,234,567.80');
    expect(rmb('24000.00')).toBe('人民币贰万肆仟元整（¥24,000.00）');
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['-1', '1.234', 'abc', '', '1e5'])
      expect(() => toFen(bad)).toThrow(RangeError);
  });
});
