// Dates and amounts as Chinese official documents write them. Pure: no Nest, no I/O.
import { shanghaiDateOf, shanghaiWallClock } from '../../../common/time/shanghai.js';

const DIGITS = '〇一二三四五六七八九';

/** 1..31 as written in dates: 一, 十, 十一, 二十, 二十一, 三十一. */
function smallNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The calendar date in Asia/Shanghai of an instant, or a `YYYY-MM-DD` date as it is. */
export function shanghaiCalendarDate(at: Date | string): { y: number; m: number; d: number } {
  const iso = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : shanghaiDateOf(at);
  const [y, m, d] = iso.split('-').map(Number);
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) {
    throw new RangeError(`not a date: ${String(at)}`);
  }
  return { y, m, d };
}

/** `二〇二六年十一月二十二日`: the Shanghai calendar date of an instant (or a plain date). */
export function chineseDate(at: Date | string): string {
  const { y, m, d } = shanghaiCalendarDate(at);
  const year = String(y)
    .split('')
    .map((c) => DIGITS[Number(c)])
    .join('');
  return `${year}年${smallNumber(m)}月${smallNumber(d)}日`;
}

/** `2026年11月22日 09:30` (Shanghai wall time), for times inside records. */
export function chineseDateTime(at: Date | string): string {
  const shifted = shanghaiWallClock(at).toISOString();
  const [y, m, d] = shifted.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日 ${shifted.slice(11, 16)}`;
}

const CAPITAL = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** A decimal string (`24000`, `1500.5`, `0.05`) as integer fen; throws on anything else. */
export function toFen(amount: string): bigint {
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(amount.trim().replace(/,/g, ''));
  if (!match) throw new RangeError(`not an amount: ${amount}`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Up to four digits (0 < n < 10000) with 拾佰仟 and inner zeros as one 零. */
function fourDigits(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const digit = Math.floor(n / 10 ** pos) % 10;
    if (digit === 0) {
      zero = out !== '';
    } else {
      if (zero) out += '零';
      zero = false;
      out += CAPITAL[digit] + SMALL_UNITS[pos];
    }
  }
  return out;
}

/** Yuan in capital numerals: 24000 → 贰万肆仟, 100010 → 壹拾万零壹拾, 1005 → 壹仟零伍. */
function capitalYuan(yuan: bigint): string {
  if (yuan === 0n) return '';
  const groups: number[] = [];
  for (let rest = yuan; rest > 0n; rest /= 10000n) groups.push(Number(rest % 10000n));
  let out = '';
  let needZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      needZero = out !== '';
      continue;
    }
    if (out !== '' && (needZero || g < 1000)) out += '零';
    needZero = false;
    out += fourDigits(g) + BIG_UNITS[i];
  }
  return out;
}

/** `贰万肆仟元整`, `壹拾贰元零伍分`, `伍角整`: the 大写 of an amount in yuan. */
export function capitalAmount(amount: string): string {
  const fen = toFen(amount);
  if (fen === 0n) return '零元整';
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  let out = capitalYuan(yuan);
  if (yuan > 0n) out += '元';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${CAPITAL[jiao]}角`;
  else if (yuan > 0n) out += '零';
  if (cents > 0) out += `${CAPITAL[cents]}分`;
  else out += '整';
  return out;
}

/** `24,000.00` */
export function figureAmount(amount: string): string {
  const fen = toFen(amount);
  const yuan = (fen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan}.${(fen % 100n).toString().padStart(2, '0')}`;
}

/** `人民币贰万肆仟元整（¥24,000.00）` */
export function rmb(amount: string): string {
  return `人民币${capitalAmount(amount)}（¥${figureAmount(amount)}）`;
}
