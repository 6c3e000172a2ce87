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

/** Where each bound document starts in the case file: after the cover and the contents. */
export function contentsStartPages(pages: number[]): number[] {
  let next = 1 + contentsPages(pages.length) + 1;
  return pages.map((p) => {
    const start = next;
    next += p;
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
  const starts = contentsStartPages(contents.map((c) => c.pages));
  const cols = [0.1, 0.48, 0.26, 0.16].map((f) => f * PAGE.textWidth);
  const header = ['序号', '文书名称', '日期', '页号'];
  w.row(
    header.map((text, i) => ({ text, width: cols[i] })),
    true,
  );
  contents.forEach((c, i) => {
    if (i > 0 && i % (CONTENTS_ROWS_PER_PAGE - 1) === 0) {
      w.newPage();
      w.row(
        header.map((text, j) => ({ text, width: cols[j] })),
        true,
      );
    }
    const name = c.version > 1 ? `${c.title}（第${c.version}版）` : c.title;
    w.row([
      { text: String(i + 1), width: cols[0] },
      { text: name, width: cols[1], align: 'left' },
      { text: plainDate(shanghaiDateOf(c.issuedAt)), width: cols[2] },
      {
        text: c.pages > 1 ? `${starts[i]}-${starts[i] + c.pages - 1}` : String(starts[i]),
        width: cols[3],
      },
    ]);
  });
  // Every document, rendered again from its own snapshot.
  for (const c of contents) {
    if (!c.data) throw new Error(`case file entry "${c.title}" has no data to render`);
    w.newPage();
    RENDERERS[c.data.type as Exclude<DocumentType, 'case_file'>](w, c.data);
  }
}

/** Renders one document from its snapshot. Deterministic: the same data gives the same bytes. */
export async function renderDocument(
  d: DocumentData,
  fontPaths: FontPaths = {},
): Promise<RenderedPdf> {
  const w = new PageWriter(documentFonts(fontPaths), {
    title: `${DOCUMENT_RULES[d.type].title} ${d.case.caseNumber}`,
    creationDate: new Date(d.issuedAt),
  });
  if (d.type === 'case_file') caseFile(w, d);
  else RENDERERS[d.type](w, d);
  const pages = w.pageCount;
  const bytes = await w.finish({ coverPage: d.type === 'case_file', draft: d.draft === true });
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
