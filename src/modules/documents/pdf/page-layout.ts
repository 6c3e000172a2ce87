import PDFDocument from 'pdfkit';
import type { DocumentFonts, FastFont } from './fonts.js';
import { breakLines } from './line-break.js';
import type { PageStamp } from '../scan-payload.js';
import { stampPage } from './page-stamp.js';

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
 * justified lines, page breaks inside paragraphs and page numbers `— n —` on every page. The
 * document's parts built on these lines (title, fields, signatures, seal, table rows) are
 * PageWriter's (page-writer.ts); the renderers write through it.
 */
export abstract class PageLayout {
  readonly doc: PDFKit.PDFDocument;
  protected y = PAGE.top;
  protected readonly regular: PDFKit.Mixins.PDFFontSource;
  protected readonly bold: PDFKit.Mixins.PDFFontSource;

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

  protected drawLine(
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

  protected width(text: string, size: number, bold: boolean): number {
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
   * a cover (`coverPage`) counts but shows no number. With a `stamp` (an issued document), every
   * page, the cover too, carries its QR code for the scan of the signed paper (page-stamp.ts).
   */
  finish(
    options: { coverPage?: boolean; draft?: boolean; stamp?: PageStamp } = {},
  ): Promise<Buffer> {
    const firstNumber = 1;
    const range = this.doc.bufferedPageRange();
    if (options.draft) this.markDraft(range.start, range.count);
    if (options.stamp) {
      for (let i = range.start; i < range.start + range.count; i++) {
        this.doc.switchToPage(i);
        stampPage(
          this.doc,
          options.stamp,
          firstNumber + i,
          (line, x, y, size) =>
            this.doc
              .font(this.regular, 'doc-regular')
              .fontSize(size)
              .text(line, x, y, { lineBreak: false }),
          (line, size) => this.width(line, size, false),
        );
      }
    }
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
