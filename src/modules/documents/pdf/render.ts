import { shanghaiDateOf } from '../../../common/time/shanghai.js';
import type { DocumentData } from '../document-data.js';
import { DOCUMENT_RULES, type DocumentType } from '../document-types.js';
import { chineseDate } from './chinese-format.js';
import { documentFonts, type FontPaths } from './fonts.js';
import { label, plainDate } from './labels.js';
import { PAGE } from './page-layout.js';
import { PageWriter } from './page-writer.js';
import { judicialConfirmationApplication, mediationAgreement } from './renderers/agreement.pdf.js';
import {
  extensionConsent,
  referralLetter,
  rightsNotice,
  terminationNotice,
} from './renderers/notices.pdf.js';
import { type MonthlyReportData, monthlyReport } from './renderers/monthly-report.pdf.js';
import { followUpRecord, sessionRecord } from './renderers/records.pdf.js';
import { courtReferenceLabel } from './renderers/case-number.js';
import type { PageStamp } from '../scan-payload.js';

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
}

type Renderer = (w: PageWriter, d: DocumentData) => void;

const RENDERERS: Record<Exclude<DocumentType, 'case_file'>, Renderer> = {
  referral_letter: referralLetter,
  rights_notice: rightsNotice,
  session_record: sessionRecord,
  extension_consent: extensionConsent,
  mediation_agreement: mediationAgreement,
  termination_notice: terminationNotice,
  judicial_confirmation_application: judicialConfirmationApplication,
  follow_up_record: followUpRecord,
};

/** 卷宗 retention: 10 years for a settled dispute, 5 otherwise (人民调解卷宗 practice). */
export function retentionYears(result: string | null): number {
  return ['divorce_agreed', 'ancillary_agreed', 'reconciled'].includes(result ?? '') ? 10 : 5;
}

/** Contents rows that fit on one page (header row included). */
const CONTENTS_ROWS_PER_PAGE = 18;

export function contentsPages(entries: number): number {
  return Math.max(1, Math.ceil(entries / (CONTENTS_ROWS_PER_PAGE - 1)));
}

/**
 * Where each bound document starts in the case file: after the cover and the contents (one row
 * per document and per scan), each document followed by its `scans[i]` scan pages.
 */
export function contentsStartPages(pages: number[], scans: number[] = []): number[] {
  const rows = pages.length + scans.reduce((a, b) => a + b, 0);
  let next = 1 + contentsPages(rows) + 1;
  return pages.map((p, i) => {
    const start = next;
    next += p + (scans[i] ?? 0);
    return start;
  });
}

function caseFile(w: PageWriter, d: DocumentData): void {
  const contents = d.contents ?? [];
  // Cover.
  w.gap(3);
  w.paragraph(d.organization ?? '人民调解委员会', { align: 'center', indent: 0, size: 18 });
  w.gap(1);
  w.paragraph('人 民 调 解 卷 宗', {
    align: 'center',
    indent: 0,
    size: 30,
    bold: true,
    lineHeight: 60,
  });
  w.gap(2);
  const cover: [string, string][] = [
    ['案    号', d.case.caseNumber],
    ...(d.case.courtReference
      ? ([[courtReferenceLabel, d.case.courtReference]] as [string, string][])
      : []),
    ['案    由', label('disputeType', d.case.disputeType)],
    ['当 事 人', d.parties.map((p) => p.name).join('、')],
    ['委派法院', d.case.courtName],
    ['调 解 员', d.mediator?.name ?? ''],
    ['收案日期', chineseDate(d.case.receivedAt)],
    ['受理日期', d.case.acceptedAt ? chineseDate(d.case.acceptedAt) : ''],
    ['结案日期', d.case.closedAt ? chineseDate(d.case.closedAt) : ''],
    ['调解结果', label('result', d.case.result)],
    ['保管期限', `${retentionYears(d.case.result)}年`],
  ];
  for (const [k, v] of cover) w.paragraph(`${k}：${v}`, { indent: 4, align: 'left' });
  // Contents.
  w.newPage();
  w.title('卷内目录');
  const starts = contentsStartPages(
    contents.map((c) => c.pages),
    contents.map((c) => c.scans?.length ?? 0),
  );
  const cols = [0.1, 0.48, 0.26, 0.16].map((f) => f * PAGE.textWidth);
  const header = ['序号', '文书名称', '日期', '页号'];
  w.row(
    header.map((text, i) => ({ text, width: cols[i] })),
    true,
  );
  // A document's row, then one per photograph of its signed pages.
  const rows: { n: string; name: string; date: string; pages: string }[] = [];
  contents.forEach((c, i) => {
    const name = c.version > 1 ? `${c.title}（第${c.version}版）` : c.title;
    rows.push({
      n: String(i + 1),
      name,
      date: plainDate(shanghaiDateOf(c.issuedAt)),
      pages: c.pages > 1 ? `${starts[i]}-${starts[i] + c.pages - 1}` : String(starts[i]),
    });
    (c.scans ?? []).forEach((scan, k) => {
      rows.push({
        n: '',
        name: scanLabel(scan.page),
        date: plainDate(shanghaiDateOf(scan.uploadedAt)),
        pages: String(starts[i] + c.pages + k),
      });
    });
  });
  rows.forEach((r, i) => {
    if (i > 0 && i % (CONTENTS_ROWS_PER_PAGE - 1) === 0) {
      w.newPage();
      w.row(
        header.map((text, j) => ({ text, width: cols[j] })),
        true,
      );
    }
    w.row([
      { text: r.n, width: cols[0] },
      { text: r.name, width: cols[1], align: 'left' },
      { text: r.date, width: cols[2] },
      { text: r.pages, width: cols[3] },
    ]);
  });
  // Every document, rendered again from its own snapshot, then the photographs of its signed pages.
  for (const c of contents) {
    if (!c.data) throw new Error(`case file entry "${c.title}" has no data to render`);
    w.newPage();
    RENDERERS[c.data.type as Exclude<DocumentType, 'case_file'>](w, c.data);
    for (const scan of c.scans ?? []) {
      if (!scan.image) throw new Error(`case file scan ${scan.id} has no image to bind`);
      w.image(
        [c.title, scanLabel(scan.page).trim(), scan.sha256.slice(0, 10)].join(IDEOGRAPHIC_SPACE),
        scan.image,
      );
    }
  }
}

const IDEOGRAPHIC_SPACE = '\u3000';

/** `签字页照片（第2页）`, indented two characters under its document in the contents. */
const scanLabel = (page: number | null): string =>
  `${IDEOGRAPHIC_SPACE.repeat(2)}签字页照片${page ? `（第${page}页）` : ''}`;

/**
 * Renders one document from its snapshot. Deterministic: the same data gives the same bytes. An
 * issued document has a `stamp`: every page carries its QR code (page-stamp.ts).
 */
export async function renderDocument(
  d: DocumentData,
  fontPaths: FontPaths = {},
  stamp?: PageStamp,
): Promise<RenderedPdf> {
  const w = new PageWriter(documentFonts(fontPaths), {
    title: `${DOCUMENT_RULES[d.type].title} ${d.case.caseNumber}`,
    creationDate: new Date(d.issuedAt),
  });
  if (d.type === 'case_file') caseFile(w, d);
  else RENDERERS[d.type](w, d);
  const pages = w.pageCount;
  const bytes = await w.finish({
    coverPage: d.type === 'case_file',
    draft: d.draft === true,
    stamp,
  });
  return { bytes, pages };
}

/** Renders a monthly statistics report (工作月报) in the documents' face and layout. */
export async function renderMonthlyReport(
  d: MonthlyReportData,
  fontPaths: FontPaths = {},
): Promise<RenderedPdf> {
  const w = new PageWriter(documentFonts(fontPaths), {
    title: `${d.scopeName}家事纠纷诉前调解工作月报 ${d.month}`,
    creationDate: new Date(d.generatedAt),
  });
  monthlyReport(w, d);
  const pages = w.pageCount;
  return { bytes: await w.finish(), pages };
}
