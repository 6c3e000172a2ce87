import { defineMessages } from '../../common/i18n/catalogue.js';

export const STATS_MESSAGES = defineMessages({
  'STATS.PERIOD_REVERSED': {
    zh: '结束日期不能早于开始日期',
    en: 'to must not be before from',
  },
});
