import { defineMessages } from '../../common/i18n/catalogue.js';
import { RegionCode } from './regions.codes.js';

export const REGIONS_MESSAGES = defineMessages(RegionCode, {
  [RegionCode.NotFound]: { zh: '行政区划不存在', en: 'Region not found' },
  [RegionCode.NoSuchRegion]: { zh: '没有该行政区划', en: 'no such region' },
  [RegionCode.CodeTaken]: {
    zh: '已有代码为 {{code}} 的行政区划',
    en: 'A region with code {{code}} exists',
  },
  [RegionCode.LevelUnderParent]: {
    zh: '{{level, regionLevel}}不能隶属于{{parentLevel, regionLevel}}',
    en: 'a {{level}} cannot sit under a {{parentLevel}}',
  },
  [RegionCode.LevelNeedsParent]: {
    zh: '{{level, regionLevel}}须有上级区划，只有市可以作为顶级',
    en: 'a {{level}} needs a parent; only a city is a root',
  },
  [RegionCode.CsvContentType]: {
    zh: '请以 text/csv 发送 CSV 文件',
    en: 'send the CSV as text/csv',
  },
  [RegionCode.CsvUnreadable]: {
    zh: '无法读取 CSV 文件',
    en: 'The CSV cannot be read',
    variants: {
      line: {
        zh: '无法读取 CSV 文件：第 {{line}} 行格式有误',
        en: 'The CSV cannot be read: line {{line}} is malformed',
      },
    },
  },
  [RegionCode.CsvEmpty]: { zh: 'CSV 文件没有数据行', en: 'The CSV has no rows' },
  [RegionCode.CsvTooManyRows]: {
    zh: '每次最多导入 {{max}} 行',
    en: 'At most {{max}} rows per import',
  },
  [RegionCode.CsvHeaderMissing]: {
    zh: '表头缺少 {{column}} 列',
    en: 'the header lacks {{column}}',
  },
  [RegionCode.CsvParentUnknown]: {
    zh: '此行之前及数据库中都没有代码为 {{code}} 的区划',
    en: 'no region {{code}} above this line or in the database',
  },
  [RegionCode.CsvCodeConflict]: {
    zh: '代码 {{code}} 已存在，但名称、层级或上级不同',
    en: '{{code}} exists with other facts',
  },
  [RegionCode.ParentCodeFormat]: {
    zh: '应为 12 位行政区划代码或留空',
    en: 'must be a 12-digit region code or empty',
  },
  [RegionCode.NameLength]: { zh: '名称应为 1–100 个字符', en: 'must be 1–100 characters' },
  [RegionCode.LevelUnknown]: {
    zh: '层级应为以下之一：{{levels, regionLevel}}',
    en: 'must be one of {{levels, list}}',
  },
});
