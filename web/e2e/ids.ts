/** A resident ID number with its check digit (GB 11643): base17 is region + birth date + sequence. */
export function idNumber(base17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return base17 + '10X98765432'[sum % 11];
}

/** The same number with a wrong check digit. */
export function badIdNumber(base17: string): string {
  const good = idNumber(base17);
  return base17 + (good.endsWith('0') ? '1' : '0');
}
