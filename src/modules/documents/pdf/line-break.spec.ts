import { breakLines, NO_LINE_END, NO_LINE_START } from './line-break.js';

// Every CJK character one unit wide, Latin letters and digits half.
const measure = (ch: string): number => (/[\x20-\x7e]/.test(ch) ? 0.5 : 1);

describe('breakLines', () => {
  it('fills lines to the width', () => {
    expect(breakLines('一二三四五六七八九十', 4, measure)).toEqual([
      '一二三四',
      '五六七八',
      '九十',
    ]);
  });

  it('never starts a line with closing punctuation', () => {
    // The comma would start line 2: the character before it moves down with it.
    const lines = breakLines('一二三四，五六七八。', 4, measure);
    expect(lines).toEqual(['一二三', '四，五六', '七八。']);
    for (const line of lines.slice(1)) expect(NO_LINE_START.has(line[0])).toBe(false);
  });

  it('never ends a line with opening punctuation', () => {
    const lines = breakLines('一二三（四五）六', 4, measure);
    expect(lines[0]).toBe('一二三');
    for (const line of lines) expect(NO_LINE_END.has(line[line.length - 1])).toBe(false);
  });

  it('keeps numbers and Latin words whole', () => {
    const lines = breakLines('金额为12345元', 4, measure);
    expect(lines).toEqual(['金额为', '12345元']);
  });

  it('keeps amounts with thousands separators whole', () => {
    const lines = breakLines('价值人民币（¥48,000.00）元', 9, measure);
    expect(lines.some((l) => l.includes('48,000.00'))).toBe(true);
    expect(lines.join('')).toBe('价值人民币（¥48,000.00）元');
  });

  it('honours a first-line indent', () => {
    expect(breakLines('一二三四五六', 4, measure, 2)).toEqual(['一二', '三四五六']);
  });

  it('breaks an unbreakable run longer than a line where it overflows', () => {
    expect(breakLines('1234567890', 2, measure)).toEqual(['1234', '5678', '90']);
  });

  it('holds on long mixed text: no forbidden starts or ends, nothing lost', () => {
    const text =
      '双方确认：婚生子李小某（2016年5月1日出生）随女方张某某生活，男方每月支付抚养费人民币壹仟伍佰元整（¥1,500.00），至孩子年满十八周岁止。“探望”按约定执行；'.repeat(
        5,
      );
    for (const width of [5, 7, 10, 13, 25]) {
      const lines = breakLines(text, width, measure);
      expect(lines.join('')).toBe(text);
      lines.forEach((line, i) => {
        if (i > 0) expect(NO_LINE_START.has(line[0])).toBe(false);
        if (i < lines.length - 1) expect(NO_LINE_END.has(line[line.length - 1])).toBe(false);
        expect(Array.from(line).reduce((w, ch) => w + measure(ch), 0)).toBeLessThanOrEqual(width);
      });
    }
  });

  it('returns one empty line for empty text', () => {
    expect(breakLines('', 4, measure)).toEqual(['']);
  });
});
