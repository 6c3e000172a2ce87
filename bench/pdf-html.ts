// The same 调解协议书 as HTML for headless Chromium: the baseline bench/pdf.ts measures beside PDFKit.
import type { DocumentData } from '../src/modules/documents/document-data.js';
import { chineseDate } from '../src/modules/documents/pdf/chinese-format.js';
import { label, particulars } from '../src/modules/documents/pdf/labels.js';
import { agreedTerms } from '../src/modules/documents/pdf/renderers/agreement.pdf.js';

const esc = (s: string): string =>
  s.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch] as string);

/** A whole page: GB/T 9704 margins, the same font files, page numbers by Chromium's footer. */
export function agreementHtml(d: DocumentData, fonts: { regular: string; bold: string }): string {
  const p = (text: string, cls = '') => `<p class="${cls}">${esc(text)}</p>`;
  const body = [
    '<h1>调解协议书</h1>',
    p(d.case.caseNumber, 'right'),
    ...d.parties.map((x) =>
      p(`${x.role === 'applicant' ? '申请人' : '被申请人'}：${particulars(x)}`, 'flush'),
    ),
    p(
      `申请人与被申请人${label('disputeType', d.case.disputeType)}一案，经${d.case.courtName}委派，由${d.organization}调解员${d.mediator?.name}主持调解。`,
    ),
    p(`纠纷主要事实及争议事项：${d.case.summary}申请人的请求：${d.case.claims}`),
    p('经调解，双方当事人在平等自愿、互谅互让的基础上，自愿达成如下协议：'),
    ...agreedTerms(d).map((t) => p(t)),
    p(
      `本协议自双方当事人签名（按手印）、调解员签名并加盖调解组织印章之日起生效。本协议一式四份，双方当事人各执一份，调解组织留存一份，送${d.case.courtName}一份。`,
    ),
    '<div class="sign">申请人（签名）：__________（按手印）    年  月  日</div>',
    '<div class="sign">被申请人（签名）：__________（按手印）    年  月  日</div>',
    '<div class="sign">调解员（签名）：__________    年  月  日</div>',
    `<div class="seal">${esc(d.organization ?? '')}（盖章）<br>${chineseDate(d.issuedAt)}</div>`,
  ].join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@font-face { font-family: Doc; src: url('file://${fonts.regular}'); font-weight: 400; }
@font-face { font-family: Doc; src: url('file://${fonts.bold}'); font-weight: 700; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: Doc; font-size: 16pt; line-height: 28.9pt; margin: 0; text-align: justify; line-break: strict; }
h1 { font-size: 22pt; font-weight: 700; text-align: center; letter-spacing: 0.3em; margin: 0 0 14pt; }
p { margin: 0; text-indent: 2em; } p.flush { text-indent: 0; } p.right { text-align: right; }
.sign { margin-top: 14pt; } .seal { margin: 28pt 4em 0 auto; width: max-content; text-align: center; }
</style></head><body id="doc">${body}</body></html>`;
}
