// Line breaking for Chinese text (with runs of Latin letters and digits), after the kinsoku rules
// of GB/T 15834 practice: no line starts with closing punctuation, none ends with opening
// punctuation, and Latin words and numbers are not split. Pure: widths come from `measure`.

/** Characters that must not start a line. */
export const NO_LINE_START = new Set(
  Array.from('，。、；：？！）］｝〕〉》」』】〗”’…—～·%％,.;:?!)]}>'),
);
/** Characters that must not end a line. */
export const NO_LINE_END = new Set(Array.from('（［｛〔〈《「『【〖“‘([{<¥￥'));

// Letters, digits and what holds a number or a word together (`48,000.00`, `B·12345`, `a-b`).
const isWordChar = (ch: string | undefined): boolean =>
  ch !== undefined && /[A-Za-z0-9._,\-/@:]/.test(ch);

/**
 * Splits one paragraph into lines no wider than `width` (the first `firstIndent` narrower).
 * `measure(ch)` is a character's advance. A line may only overflow when a single unbreakable
 * run is longer than a whole line.
 */
export function breakLines(
  text: string,
  width: number,
  measure: (ch: string) => number,
  firstIndent = 0,
): string[] {
  const chars = Array.from(text);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const available = (lines.length === 0 ? width - firstIndent : width) + 1e-6;
    let used = 0;
    let end = start;
    while (end < chars.length && used + measure(chars[end]) <= available) {
      used += measure(chars[end]);
      end++;
    }
    if (end >= chars.length) {
      lines.push(chars.slice(start).join(''));
      break;
    }
    if (end === start) end = start + 1; // a character wider than the line
    const kinsoku = (at: number): boolean =>
      NO_LINE_START.has(chars[at]) || NO_LINE_END.has(chars[at - 1]);
    const splitsWord = (at: number): boolean => isWordChar(chars[at - 1]) && isWordChar(chars[at]);
    // Move the break back while it would leave a forbidden character at a line's start or end,
    // or split a Latin word or number; if no such place exists, split the word but keep the
    // punctuation rules; failing that too, break where the line overflows.
    let cut = end;
    while (cut > start + 1 && (kinsoku(cut) || splitsWord(cut))) cut--;
    if (cut === start + 1 && (kinsoku(cut) || splitsWord(cut))) {
      cut = end;
      while (cut > start + 1 && kinsoku(cut)) cut--;
      if (cut === start + 1 && kinsoku(cut)) cut = end;
    }
    lines.push(chars.slice(start, cut).join(''));
    start = cut;
    // A space at a line's start is dropped.
    while (start < chars.length && chars[start] === ' ') start++;
  }
  return lines.length > 0 ? lines : [''];
}
