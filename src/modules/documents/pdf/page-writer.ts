import { PAGE, PageLayout } from './page-layout.js';

/**
 * The parts of an official document (title, headings, fields, sign-off and signatures, seal, a
 * tear-off line, figures, table rows), each a few lines laid out by PageLayout.
 */
export class PageWriter extends PageLayout {
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

  /** A page of its own for a photograph (a scan of a signed page): a caption, the image fitted below. */
  image(caption: string, bytes: Uint8Array): void {
    this.newPage();
    this.paragraph(caption, { size: PAGE.smallSize, indent: 0, align: 'left' });
    this.gap(0.25);
    const height = this.spaceLeft;
    this.doc.image(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      PAGE.left,
      this.y,
      {
        fit: [PAGE.textWidth, height],
        align: 'center',
        valign: 'center',
      },
    );
    this.y += height;
  }
}
