/** Dates and times as users read them: 2026年12月4日, 14:30, always on the Asia/Shanghai calendar. */
const TZ = 'Asia/Shanghai';

const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const parts = (value: string | Date) => {
  const date = typeof value === 'string' ? new Date(value) : value;
  const get = (type: string) => dateFormat.formatToParts(date).find((p) => p.type === type)?.value;
  return { date, y: get('year'), m: get('month'), d: get('day') };
};

/** `2026年12月4日`; a bare `2026-12-04` is taken as that calendar day. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  const { y, m, d } = parts(value);
  return `${y}年${m}月${d}日`;
}

/** `2026年12月4日 14:30` */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const { date } = parts(value);
  return `${formatDate(date)} ${timeFormat.format(date)}`;
}
