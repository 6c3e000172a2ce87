// npm run docs:preview — renders every document type for the demo case to PDF and PNG pages
// (poppler's pdftoppm, installed with apt-get where missing) under data/preview/, for a person to
// look at. PDF_FONT_PATH / PDF_FONT_BOLD_PATH choose another face.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_RULES, DOCUMENT_TYPES } from '../modules/documents/document-types.js';
import { demoData } from '../modules/documents/pdf/demo-data.js';
import { renderDocument } from '../modules/documents/pdf/render.js';
import type { PageStamp } from '../modules/documents/scan-payload.js';

/** A stamp as an issued document has (its id, version 1, a snapshot digest): the QR code shows. */
const STAMP: PageStamp = {
  documentId: '3f2c8a10-5b7e-4d29-9a41-6c0e2f7d8b93',
  version: 1,
  digest: '9C1E04A7B2',
};

function ensurePoppler(): void {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    console.log('installing poppler-utils (pdftoppm)…');
    execFileSync('sh', ['-c', 'apt-get update -q && apt-get install -y -q poppler-utils'], {
      stdio: 'inherit',
    });
  }
}

async function main(): Promise<void> {
  const out = join(process.cwd(), 'data', 'preview');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  ensurePoppler();
  const fonts = { regular: process.env.PDF_FONT_PATH, bold: process.env.PDF_FONT_BOLD_PATH };
  const bound = [];
  for (const type of DOCUMENT_TYPES.filter((t) => t !== 'case_file')) {
    const data = demoData(type);
    const pdf = await renderDocument(data, fonts, STAMP);
    bound.push({
      title: DOCUMENT_RULES[type].title,
      version: 1,
      issuedAt: data.issuedAt,
      pages: pdf.pages,
      data,
    });
    writeFileSync(join(out, `${type}.pdf`), pdf.bytes);
    console.log(
      `${type.padEnd(36)} ${pdf.pages} page(s) ${(pdf.bytes.length / 1024).toFixed(1)} KB`,
    );
  }
  const file = await renderDocument({ ...demoData('case_file'), contents: bound }, fonts, STAMP);
  writeFileSync(join(out, 'case_file.pdf'), file.bytes);
  console.log(
    `${'case_file'.padEnd(36)} ${file.pages} page(s) ${(file.bytes.length / 1024).toFixed(1)} KB`,
  );
  for (const type of DOCUMENT_TYPES) {
    execFileSync('pdftoppm', ['-png', '-r', '60', join(out, `${type}.pdf`), join(out, type)]);
  }
  console.log(`PDF and PNG pages in ${out}`);
}

await main();
