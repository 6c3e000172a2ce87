import PDFDocument from 'pdfkit';
import type { DocumentFonts, FastFont } from './fonts.js';
import { breakLines } from './line-break.js';

const MM = 72 / 25.4;

/** GB/T 9704 page: A4, text block 156 × 225 mm, 37 mm from the top, 28 mm from the left. */
export const PAGE = {
  width: 210 * MM,
  height: 297 * MM,
  left: 28 * MM,
  top: 37 * MM,
  textWidth: 156 * MM,
  textHeight: 225 * MM,
  /** 二号 title, 三号 body, 四号 page numbers. */
  titleSize: 22,
  bodySize: 16,
  smallSize: 14,
  /** 22 lines of 三号 text a page. */
  lineHeight: (225 * MM) / 22,
} as const;

export interface ParagraphOptions {
  /** First-line indent in characters (default 2). */
  indent?: number;
  /** Points by which the lines after the first are indented (a field's value under its label). */
  hang?: number;
  size?: number;
  bold?: boolean;
  align?: 'justify' | 'left' | 'center' | 'right';
  /** Line pitch; default the body pitch scaled to the size. */
  lineHeight?: number;
}

/**
 * Lays out an official document on PDFKit with its own Chinese line breaking (line-break.ts),
 * justified lines, page breaks inside paragraphs and page numbers `— n —` on every page.
 */
export class PageWriter {
  readonly doc: PDFKit.PDFDocument;
  private y = PAGE.top;
  private readonly regular: PDFKit.Mixins.PDFFontSource;
  private readonly bold: PDFKit.Mixins.PDFFontSource;

  constructor(
    private readonly fonts: DocumentFonts,
    info: { title: string; creationDate: Date },
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 0, left: 0, right: 0, bottom: 0 },
      bufferPages: true,
      autoFirstPage: true,
      info: { Title: info.title, Creator: '诉前调解案件管理系统', CreationDate: info.creationDate },
      lang: 'zh-CN',
      displayTitle: true,
      // No Helvetica: parsing its metrics for every document costs more than it is ever used.
      font: null,
    } as unknown as PDFKit.PDFDocumentOptions);
    this.regular = fontSource(fonts.regular);
    this.bold = fontSource(fonts.bold);
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  private face(bold: boolean): FastFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureSpace(height: number): void {
    if (this.y + height > PAGE.top + PAGE.textHeight + 0.5) this.newPage();
  }

  gap(lines = 1): void {
    this.y += PAGE.lineHeight * lines;
  }

  /** Remaining height on the current page. */
  get spaceLeft(): number {
    return PAGE.top + PAGE.textHeight - this.y;
  }

  private drawLine(
    line: string,
    x: number,
    size: number,
    bold: boolean,
    spacing: number,
    lineHeight: number,
  ): void {
    this.ensureSpace(lineHeight);
    // Glyphs sit centred in the line pitch.
    const baselineTop = this.y + (lineHeight - size) / 2;
    this.doc
      .font(bold ? this.bold : this.regular, bold ? 'doc-bold' : 'doc-regular')
      .fontSize(size)
      .text(line, x, baselineTop, { lineBreak: false, characterSpacing: spacing });
    this.y += lineHeight;
  }

  private width(text: string, size: number, bold: boolean): number {
    const face = this.face(bold);
    let w = 0;
    for (const ch of text) w += face.advance(ch, size);
    return w;
  }

  paragraph(text: string, options: ParagraphOptions = {}): void {
    const size = options.size ?? PAGE.bodySize;
    const bold = options.bold ?? false;
    const align = options.align ?? 'justify';
    const lineHeight = options.lineHeight ?? (PAGE.lineHeight * size) / PAGE.bodySize;
    const face = this.face(bold);
    const indent = (options.indent ?? 2) * size;
    const hang = options.hang ?? 0;
    for (const block of text.split('\n')) {
      // A hanging indent is a narrower measure whose first line starts `hang` further left.
      const lines = breakLines(
        block,
        PAGE.textWidth - hang,
        (ch) => face.advance(ch, size),
        indent - hang,
      );
      lines.forEach((line, i) => {
        const x0 = PAGE.left + (i === 0 ? indent : hang);
        const room = PAGE.textWidth - (i === 0 ? indent : hang);
        const used = this.width(line, size, bold);
        const chars = Array.from(line).length;
        let x = x0;
        let spacing = 0;
        if (align === 'center') x = PAGE.left + (PAGE.textWidth - used) / 2;
        else if (align === 'right') x = PAGE.left + PAGE.textWidth - used;
        else if (align === 'justify' && i < lines.length - 1 && chars > 1) {
          spacing = Math.max(0, (room - used) / (chars - 1));
          // A line cut short before a long number stays ragged rather than letter-spaced.
          if (spacing > size * 0.2) spacing = 0;
        }
        this.drawLine(line, x, size, bold, spacing, lineHeight);
      });
    }
  }

  /** The document's title: 二号 bold, centred, letter-spaced when short, a blank line after. */
  title(text: string): void {
    const spaced = Array.from(text).length <= 5 ? Array.from(text).join(' ') : text;
    this.paragraph(spaced, {
      size: PAGE.titleSize,
      bold: true,
      align: 'center',
      indent: 0,
      lineHeight: PAGE.lineHeight * 1.5,
    });
    this.gap(0.5);
  }

  /** A centred bold line inside the text (a section heading, 回执). */
  heading(text: string): void {
    this.paragraph(text, { bold: true, align: 'center', indent: 0 });
  }

  /** `label：value`, the value's further lines aligned under its start. */
  field(label: string, value: string): void {
    const hang = this.width(`${label}：`, PAGE.bodySize, false);
    this.paragraph(`${label}：${value}`, { indent: 0, hang: hang > PAGE.textWidth / 3 ? 0 : hang });
  }

  /** Right-aligned lines (the issuing organisation, the date), kept together on one page. */
  signOff(lines: string[]): void {
    this.ensureSpace(PAGE.lineHeight * (lines.length + 0.5));
    this.gap(0.5);
    const widest = Math.max(...lines.map((l) => this.width(l, PAGE.bodySize, false)));
    const x = PAGE.left + PAGE.textWidth - widest - 2 * PAGE.bodySize;
    for (const line of lines) {
      const w = this.width(line, PAGE.bodySize, false);
      this.drawLine(line, x + (widest - w) / 2, PAGE.bodySize, false, 0, PAGE.lineHeight);
    }
  }

  /**
   * Signature rows: one per signer, `label（签名）：＿＿＿ （按手印）  年  月  日`, kept on one
   * page with space to sign.
   */
  signatures(signers: string[], options: { fingerprint?: boolean } = {}): void {
    const rowHeight = PAGE.lineHeight * 1.25;
    this.ensureSpace(rowHeight * signers.length + PAGE.lineHeight * 0.5);
    this.gap(0.25);
    for (const signer of signers) {
      const text = `${signer}（签名）：__________${options.fingerprint ? '（按手印）' : ''}    年  月  日`;
      this.y += rowHeight - PAGE.lineHeight;
      this.drawLine(text, PAGE.left, PAGE.bodySize, false, 0, PAGE.lineHeight);
    }
  }

  /** A seal line: where the organisation stamps (盖章), with the date under it. */
  seal(organization: string, date: string): void {
    this.signOff([`${organization}（盖章）`, date]);
  }

  /** A dashed cut line with a label, for a tear-off slip (回执). */
  cutLine(label: string): void {
    this.ensureSpace(PAGE.lineHeight * 8);
    this.gap(0.5);
    const mid = this.y + PAGE.lineHeight / 2;
    this.doc
      .save()
      .moveTo(PAGE.left, mid)
      .lineTo(PAGE.left + PAGE.textWidth, mid)
      .dash(4, { space: 3 })
      .lineWidth(0.6)
      .stroke()
      .undash()
      .restore();
    const w = this.width(label, PAGE.smallSize, false) + 8;
    const x = PAGE.left + (PAGE.textWidth - w) / 2;
    this.doc
      .save()
      .rect(x, mid - 9, w, 18)
      .fill('white')
      .restore();
    this.doc.fillColor('black');
    this.doc
      .font(this.regular, 'doc-regular')
      .fontSize(PAGE.smallSize)
      .text(label, x + 4, mid - PAGE.smallSize / 2 - 1, { lineBreak: false });
    this.y += PAGE.lineHeight;
  }

  /**
   * Reserves `height` points below the text (on a new page when they do not fit) for a drawing such
   * as a chart; `text` writes a label in the document's face, centred on `x` unless told otherwise.
   */
  figure(
    height: number,
    draw: (area: {
      doc: PDFKit.PDFDocument;
      x: number;
      y: number;
      width: number;
      text: (
        text: string,
        x: number,
        y: number,
        size: number,
        align?: 'center' | 'left' | 'right',
      ) => void;
    }) => void,
  ): void {
    this.ensureSpace(height);
    draw({
      doc: this.doc,
      x: PAGE.left,
      y: this.y,
      width: PAGE.textWidth,
      text: (text, x, y, size, align = 'center') => {
        const w = this.width(text, size, false);
        const tx = align === 'left' ? x : align === 'right' ? x - w : x - w / 2;
        this.doc
          .font(this.regular, 'doc-regular')
          .fontSize(size)
          .text(text, tx, y, { lineBreak: false });
      },
    });
    this.y += height;
  }

  /** A ruled table row of label/value cells (the case file's contents). */
  row(
    cells: { text: string; width: number; align?: 'left' | 'center' | 'right' }[],
    bold = false,
  ): void {
    const size = PAGE.smallSize;
    const height = PAGE.lineHeight;
    this.ensureSpace(height);
    let x = PAGE.left;
    for (const cell of cells) {
      this.doc.save().rect(x, this.y, cell.width, height).lineWidth(0.6).stroke().restore();
      const w = this.width(cell.text, size, bold);
      const tx =
        cell.align === 'left'
          ? x + 4
          : cell.align === 'right'
            ? x + cell.width - w - 4
            : x + (cell.width - w) / 2;
      this.doc
        .font(bold ? this.bold : this.regular, bold ? 'doc-bold' : 'doc-regular')
        .fontSize(size)
        .text(cell.text, tx, this.y + (height - size) / 2, { lineBreak: false });
      x += cell.width;
    }
    this.y += height;
  }

  /**
   * 草稿 on every page: a header line above the text block and a large grey diagonal watermark,
   * so no page of a draft can pass for the final document.
   */
  private markDraft(start: number, count: number): void {
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const w = this.width(DRAFT_HEADER, PAGE.smallSize, true);
      this.doc
        .font(this.bold, 'doc-bold')
        .fontSize(PAGE.smallSize)
        .fillColor('#b00000')
        .text(DRAFT_HEADER, PAGE.left + (PAGE.textWidth - w) / 2, PAGE.top - 16 * MM, {
          lineBreak: false,
        });
      const size = 120;
      const mark = '草稿';
      const mw = this.width(mark, size, true);
      this.doc.save();
      this.doc
        .rotate(-45, { origin: [PAGE.width / 2, PAGE.height / 2] })
        .fillColor('#000000')
        .fillOpacity(0.12)
        .font(this.bold, 'doc-bold')
        .fontSize(size)
        .text(mark, PAGE.width / 2 - mw / 2, PAGE.height / 2 - size / 2, { lineBreak: false });
      this.doc.restore();
      this.doc.fillColor('#000000').fillOpacity(1);
    }
  }

  /**
   * Page numbers `— n —` in 四号 below the text block: odd pages on the right, even on the left;
   * a cover (`coverPage`) counts but shows no number.
   */
  finish(options: { coverPage?: boolean; draft?: boolean } = {}): Promise<Buffer> {
    const firstNumber = 1;
    const range = this.doc.bufferedPageRange();
    if (options.draft) this.markDraft(range.start, range.count);
    for (let i = range.start + (options.coverPage ? 1 : 0); i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const n = firstNumber + i;
      const label = `— ${n} —`;
      const w = this.width(label, PAGE.smallSize, false);
      const x =
        n % 2 === 1 ? PAGE.left + PAGE.textWidth - w - PAGE.smallSize : PAGE.left + PAGE.smallSize;
      this.doc
        .font(this.regular, 'doc-regular')
        .fontSize(PAGE.smallSize)
        .text(label, x, PAGE.top + PAGE.textHeight + 7 * MM, { lineBreak: false });
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

const DRAFT_HEADER = '草稿　仅供当事人阅看，未经审核确认，不具效力';

const sources = new WeakMap<FastFont, PDFKit.Mixins.PDFFontSource>();

function fontSource(font: FastFont): PDFKit.Mixins.PDFFontSource {
  let source = sources.get(font);
  if (!source) {
    source = font.forPdfKit() as unknown as PDFKit.Mixins.PDFFontSource;
    sources.set(font, source);
  }
  return source;
}
