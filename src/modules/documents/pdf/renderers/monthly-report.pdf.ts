import { chineseDate } from '../chinese-format.js';
import type { PageWriter } from '../page-writer.js';

/** A rate as the report prints it. */
export interface ReportRate {
  name: string;
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}

/** Everything the monthly report (工作月报) prints; built by the statistics module. */
export interface MonthlyReportData {
  /** e.g. `滨海市` or `胶州市人民法院`. */
  scopeName: string;
  /** `2026-10`. */
  month: string;
  generatedAt: string;
  counts: { name: string; value: number }[];
  rates: ReportRate[];
  /** Average and median duration, in days. */
  durations: { name: string; value: number | null; definition: string }[];
  townships: {
    name: string;
    received: number;
    closed: number;
    closureRate: number | null;
    successRate: number | null;
  }[];
  /** The twelve months up to the report's, oldest first. */
  trend: { month: string; received: number; closed: number }[];
  atRisk: { caseNumber: string; status: string; daysLeft: number }[];
  atRiskTotal: number;
}

const percent = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const monthTitle = (month: string): string =>
  `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 家事纠纷诉前调解工作月报: summary, townships, a received/closed bar chart, risks, definitions. */
export function monthlyReport(w: PageWriter, d: MonthlyReportData): void {
  w.title(`${d.scopeName}家事纠纷诉前调解工作月报`);
  w.paragraph(`（${monthTitle(d.month)}）`, { align: 'center', indent: 0 });
  w.gap(0.5);

  w.heading('一、总体情况');
  w.paragraph(
    d.counts.map((c) => `${c.name}${c.value}件`).join('，') +
      '。' +
      d.rates.map((r) => `${r.name}${percent(r.value)}`).join('，') +
      '。' +
      d.durations.map((t) => `${t.name}${t.value === null ? '—' : `${t.value}天`}`).join('，') +
      '。',
  );
  const rateWidths = [60, 24, 24, 48].map((mm) => (mm * 72) / 25.4);
  w.row(
    ['指标', '分子', '分母', '比率'].map((text, i) => ({ text, width: rateWidths[i] })),
    true,
  );
  for (const r of d.rates) {
    w.row([
      { text: r.name, width: rateWidths[0], align: 'left' },
      { text: String(r.numerator), width: rateWidths[1] },
      { text: String(r.denominator), width: rateWidths[2] },
      { text: percent(r.value), width: rateWidths[3] },
    ]);
  }
  w.gap(0.5);

  w.heading('二、分乡镇（街道）情况');
  const widths = [52, 24, 24, 28, 28].map((mm) => (mm * 72) / 25.4);
  w.row(
    ['乡镇（街道）', '受理', '结案', '办结率', '成功率'].map((text, i) => ({
      text,
      width: widths[i],
    })),
    true,
  );
  for (const t of d.townships) {
    w.row([
      { text: t.name, width: widths[0], align: 'left' },
      { text: String(t.received), width: widths[1] },
      { text: String(t.closed), width: widths[2] },
      { text: percent(t.closureRate), width: widths[3] },
      { text: percent(t.successRate), width: widths[4] },
    ]);
  }
  if (d.townships.length === 0) w.paragraph('本月无案件。', { indent: 0 });
  w.gap(0.5);

  w.heading('三、近十二个月受理与结案');
  barChart(w, d.trend);

  w.heading('四、逾期及临期案件');
  if (d.atRisk.length === 0) {
    w.paragraph('目前无逾期或剩余期限不足三日的案件。');
  } else {
    w.paragraph(`逾期或剩余期限不足三日的在办案件共${d.atRiskTotal}件：`);
    const riskWidths = [80, 40, 36].map((mm) => (mm * 72) / 25.4);
    w.row(
      ['案号', '状态', '剩余天数'].map((text, i) => ({ text, width: riskWidths[i] })),
      true,
    );
    for (const c of d.atRisk) {
      w.row([
        { text: c.caseNumber, width: riskWidths[0], align: 'left' },
        { text: c.status, width: riskWidths[1] },
        { text: c.daysLeft < 0 ? `逾期${-c.daysLeft}天` : `${c.daysLeft}天`, width: riskWidths[2] },
      ]);
    }
  }

  w.newPage();
  w.heading('指标定义');
  for (const r of [...d.rates, ...d.durations]) w.field(r.name, r.definition);
  w.paragraph(
    '以上日期均按北京时间（Asia/Shanghai）自然日、自然月计算；分母为零的比率记为“—”，不记为0。',
  );
  w.signOff([`生成时间：${chineseDate(d.generatedAt)}`]);
}

/** Received and closed side by side per month, with a scale, drawn with PDFKit paths. */
function barChart(w: PageWriter, trend: MonthlyReportData['trend']): void {
  const height = 70 * (72 / 25.4);
  w.figure(height, ({ doc, x, y, width, text }) => {
    const top = y + 14;
    const bottom = y + height - 22;
    const left = x + 24;
    const max = Math.max(1, ...trend.flatMap((m) => [m.received, m.closed]));
    const step = niceStep(max);
    const scaleMax = Math.ceil(max / step) * step;
    const scale = (n: number): number => ((bottom - top) * n) / scaleMax;
    doc.save().lineWidth(0.5).strokeColor('#999999');
    for (let v = 0; v <= scaleMax; v += step) {
      doc
        .moveTo(left, bottom - scale(v))
        .lineTo(x + width, bottom - scale(v))
        .stroke();
      text(String(v), left - 3, bottom - scale(v) - 4, 8, 'right');
    }
    doc.restore();
    const slot = (x + width - left) / Math.max(1, trend.length);
    const bar = Math.min(14, slot / 3);
    trend.forEach((m, i) => {
      const cx = left + slot * i + slot / 2;
      doc
        .save()
        .fillColor('#1f4e79')
        .rect(cx - bar, bottom - scale(m.received), bar, scale(m.received))
        .fill();
      doc
        .fillColor('#c55a11')
        .rect(cx, bottom - scale(m.closed), bar, scale(m.closed))
        .fill()
        .restore();
      text(`${Number(m.month.slice(5, 7))}月`, cx, bottom + 4, 8);
    });
    doc
      .save()
      .fillColor('#1f4e79')
      .rect(x + width - 120, y, 8, 8)
      .fill();
    doc
      .fillColor('#c55a11')
      .rect(x + width - 60, y, 8, 8)
      .fill()
      .restore();
    text('受理', x + width - 108, y - 1, 9, 'left');
    text('结案', x + width - 48, y - 1, 9, 'left');
  });
}

/** 1, 2 or 5 × 10ⁿ so the scale has at most five lines. */
function niceStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  for (const m of [1, 2, 5, 10]) if (m * power >= rough) return m * power;
  return 10 * power;
}
