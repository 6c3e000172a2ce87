import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { RowFigures as Figures, RowRate as Rate } from './stats-figures.js';
import type { StatsBreakdown } from './stats.service.js';

/** Chinese headers of a breakdown table; a rate is a fraction (XLSX shows it as a percentage). */
const DIMENSION_HEADERS: Record<StatsBreakdown['by'], string> = {
  township: '乡镇（街道）',
  village: '村（社区）',
  mediator: '调解员',
  court: '法院',
  disputeType: '纠纷类型',
  month: '月份',
  dvFlag: '是否涉家暴',
};

type Cell = string | number | null;
interface Column {
  header: string;
  rate?: boolean;
  value: (f: Figures) => Cell;
}

const ofRate = (r: Rate): Cell => r.value;
const COLUMNS: Column[] = [
  { header: '受理数', value: (f) => f.received },
  { header: '已受理调解数', value: (f) => f.accepted },
  { header: '结案数', value: (f) => f.closed },
  { header: '未结数', value: (f) => f.open },
  { header: '办结率', rate: true, value: (f) => ofRate(f.rates.closureRate) },
  { header: '调解成功率', rate: true, value: (f) => ofRate(f.rates.successRate) },
  {
    header: '成功率（全部结案）',
    rate: true,
    value: (f) => ofRate(f.rates.successRateOfAllClosed),
  },
  { header: '撤回率', rate: true, value: (f) => ofRate(f.rates.withdrawalRate) },
  { header: '按期结案率', rate: true, value: (f) => ofRate(f.rates.onTimeRate) },
  { header: '平均用时（天）', value: (f) => f.averageDurationDays.value },
  { header: '用时中位数（天）', value: (f) => f.medianDurationDays.value },
  { header: '司法确认申请率', rate: true, value: (f) => ofRate(f.rates.judicialConfirmationRate) },
  { header: '自动履行率', rate: true, value: (f) => ofRate(f.rates.performanceRate) },
  { header: '和好', value: (f) => f.results.reconciled },
  { header: '协议离婚', value: (f) => f.results.divorce_agreed },
  { header: '附带事项达成协议', value: (f) => f.results.ancillary_agreed },
  { header: '未达成协议', value: (f) => f.results.no_agreement },
  { header: '撤回', value: (f) => f.results.withdrawn },
  { header: '拒绝调解', value: (f) => f.results.refused },
  { header: '不宜调解', value: (f) => f.results.unsuitable },
  { header: '逾期终结', value: (f) => f.results.expired },
];

export interface ExportTable {
  title: string;
  header: string[];
  rows: Cell[][];
  /** Column indexes holding rates. */
  rateColumns: number[];
}

/** The breakdown as a table: one row per value, then 合计; the period and basis in the title. */
export function exportTable(b: StatsBreakdown): ExportTable {
  const { from, to, basis } = b.period;
  return {
    title: `家事纠纷诉前调解统计（${from} 至 ${to}，${basis === 'received' ? '按受理日期' : '按结案日期'}）`,
    header: [DIMENSION_HEADERS[b.by], ...COLUMNS.map((c) => c.header)],
    rows: [
      ...b.rows.map((r) => [r.label, ...COLUMNS.map((c) => c.value(r))]),
      ['合计', ...COLUMNS.map((c) => c.value(b.totals))],
    ],
    rateColumns: COLUMNS.flatMap((c, i) => (c.rate ? [i + 1] : [])),
  };
}

/**
 * A text cell a spreadsheet would read as a formula (OWASP, CSV injection: `=`, `+`, `-`, `@`,
 * tab, carriage return) gets a leading `'`, so a name like `=HYPERLINK(…)` stays text. Numbers are
 * left as they are: a negative count or rate is a number, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralised = (cell: Cell): Cell =>
  typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
const safeRow = (row: Cell[]): Cell[] => row.map(neutralised);

/** UTF-8 with a byte-order mark, so Excel opens the Chinese correctly; an empty cell is no rate. */
export function toCsv(table: ExportTable): Buffer {
  const body = stringify([table.header, ...table.rows].map(safeRow), {
    cast: { number: (n) => String(n) },
    record_delimiter: 'windows',
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(0);
  const sheet = book.addWorksheet('统计');
  // Plain string cells are not formulas in XLSX, but one copied out or saved as CSV would become one.
  sheet.addRow(safeRow([table.title])).font = { bold: true, size: 14 };
  const header = sheet.addRow(safeRow(table.header));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(safeRow(row));
  for (const index of table.rateColumns) sheet.getColumn(index + 1).numFmt = '0.00%';
  sheet.getColumn(1).width = 18;
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
