import QRCode from 'qrcode';
import { type PageStamp, scanPayload } from '../scan-payload.js';

const MM = 72 / 25.4;

/**
 * The QR code in the top right corner of the page, above the text block (which starts 37 mm
 * down) and clear of a draft's header (21 mm down, centred): 16 mm square, 12 mm from the right
 * edge and 8 mm from the top, its payload printed in small type to its left so that a person can
 * read what a phone would.
 */
export const STAMP = {
  size: 16 * MM,
  right: 12 * MM,
  top: 8 * MM,
  textSize: 5.5,
  // Beyond the symbol's quiet zone (4 modules of about 0.55 mm).
  textGap: 3 * MM,
} as const;

/** The QR symbol's dark modules as rectangles (vector, so the same data gives the same bytes). */
export function drawQr(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / n;
  doc.save().fillColor('#000000');
  for (let row = 0; row < n; row++) {
    // Runs of dark modules in a row as one rectangle each: fewer path operators.
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
        start = -1;
      }
    }
  }
  doc.fill();
  doc.restore();
}

/**
 * Stamps page `page` (1-based): the QR code and, left of it, its payload in `font`; `width`
 * measures the text in that font.
 */
export function stampPage(
  doc: PDFKit.PDFDocument,
  stamp: PageStamp,
  page: number,
  text: (line: string, x: number, y: number, size: number) => void,
  width: (line: string, size: number) => number,
): void {
  const payload = scanPayload(stamp, page);
  const x = doc.page.width - STAMP.right - STAMP.size;
  drawQr(doc, payload, x, STAMP.top, STAMP.size);
  const w = width(payload, STAMP.textSize);
  text(
    payload,
    x - STAMP.textGap - w,
    STAMP.top + STAMP.size / 2 - STAMP.textSize / 2,
    STAMP.textSize,
  );
}
