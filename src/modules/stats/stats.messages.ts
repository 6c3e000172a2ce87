import { defineMessages } from '../../common/i18n/catalogue.js';
import { StatsCode } from './stats.codes.js';

export const STATS_MESSAGES = defineMessages(StatsCode, {
  [StatsCode.PeriodReversed]: {
    zh: '结束日期不能早于开始日期',
    en: 'to must not be before from',
  },
});
