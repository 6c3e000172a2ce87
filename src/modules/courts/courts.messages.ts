import { defineMessages } from '../../common/i18n/catalogue.js';
import { CourtCode } from './courts.codes.js';

export const COURTS_MESSAGES = defineMessages(CourtCode, {
  [CourtCode.NotFound]: { zh: '法院不存在或不在您的管辖范围内', en: 'Court not found' },
  [CourtCode.NoSuchCourt]: { zh: '没有该法院', en: 'no such court' },
  [CourtCode.CodeTaken]: {
    zh: '已有代码为 {{code}} 的法院',
    en: 'A court with code {{code}} exists',
  },
  [CourtCode.DesignatorTaken]: {
    zh: '已有案号代字为“{{designator}}”的法院',
    en: 'A court with designator {{designator}} exists',
  },
  [CourtCode.JurisdictionLevel]: {
    zh: '法院的辖区应为县（区）或市',
    en: 'a court’s jurisdiction is a county or a city',
  },
  [CourtCode.DesignatorRequired]: {
    zh: '请填写案号代字：无法从行政区划代码推出',
    en: 'required: none follows from the region’s code',
  },
  [CourtCode.CodeFormat]: {
    zh: '法院代码应为 2–16 个大写字母或数字',
    en: 'code must be 2–16 upper-case letters or digits',
  },
  [CourtCode.DesignatorFormat]: {
    zh: '案号代字应为省级简称，后面可加 2 位或 4 位数字（如 鲁、鲁02、鲁0281）',
    en: 'designator must be a province abbreviation, optionally followed by 2 or 4 digits (鲁, 鲁02, 鲁0281)',
  },
});
