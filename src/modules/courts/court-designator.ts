/**
 * A court's 代字 in case numbers (最高人民法院《关于人民法院案件案号的若干规定》): the province's
 * abbreviation, then for an intermediate court the two digits of its city and for a basic court
 * the four digits of its county in the administrative division code — `鲁02`, `鲁0281`.
 */
export const PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  '11': '京',
  '12': '津',
  '13': '冀',
  '14': '晋',
  '15': '蒙',
  '21': '辽',
  '22': '吉',
  '23': '黑',
  '31': '沪',
  '32': '苏',
  '33': '浙',
  '34': '皖',
  '35': '闽',
  '36': '赣',
  '37': '鲁',
  '41': '豫',
  '42': '鄂',
  '43': '湘',
  '44': '粤',
  '45': '桂',
  '46': '琼',
  '50': '渝',
  '51': '川',
  '52': '黔',
  '53': '云',
  '54': '藏',
  '61': '陕',
  '62': '甘',
  '63': '青',
  '64': '宁',
  '65': '新',
};

const ABBREVIATIONS = Object.values(PROVINCE_ABBREVIATIONS).join('');

/** A high court (`鲁`), an intermediate or special court (`鲁02`, `京73`) or a basic court (`鲁0281`); `兵` for the Production and Construction Corps courts. */
export const COURT_DESIGNATOR_PATTERN = new RegExp(`^[${ABBREVIATIONS}兵](?:\\d{2}|\\d{4})?$`);

/**
 * The designator a court of this jurisdiction usually has: from the region's 12-digit code, by
 * its level (a county's court is basic, a city's intermediate). Null when the province code is
 * unknown. The migration AddCourtDesignators derives existing courts' designators the same way.
 */
export function defaultCourtDesignator(regionCode: string, level: string): string | null {
  const province = PROVINCE_ABBREVIATIONS[regionCode.slice(0, 2)];
  if (!province) return null;
  if (level === 'county') return `${province}${regionCode.slice(2, 6)}`;
  if (level === 'city') return `${province}${regionCode.slice(2, 4)}`;
  return null;
}
