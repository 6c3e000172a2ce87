import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PNG } from 'pngjs';
import { WEB_TEST } from './env';
import { loginAs } from './support';
import { checkScreen, makeCase, type MadeCase } from './mediator-world';
import { apiAs, ok, PASSWORD, USERS, type Api } from './world';

// The mediator photographs a signed page on her phone (360×740, touch) and uploads it under its
// document: the page's QR code is read in the browser, against the real built server and API.
// The "photo" is the document's own PDF page rendered by poppler's pdftoppm (as in the API's
// test/e2e/document-scans.e2e-spec.ts), chosen through the file input as the camera would.

test.describe.configure({ mode: 'serial' });

let made: MadeCase;
let mediator: Api;
let documentId: string;
let title: string;
let dir: string;
let pagePng: string;

/** Page 1 of the PDF as a PNG at 100 dpi (`pdftoppm -r 100 -png`). */
function renderPage(pdf: Buffer): string {
  writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  execFileSync(
    'pdftoppm',
    ['-f', '1', '-l', '1', '-r', '100', '-png', '-singlefile', 'doc.pdf', 'page'],
    {
      cwd: dir,
    },
  );
  return path.join(dir, 'page.png');
}

/** A photo with no QR code on it: light paper with a few dark strokes. */
function plainPhoto(): string {
  const png = new PNG({ width: 600, height: 800 });
  for (let y = 0; y < png.height; y += 1)
    for (let x = 0; x < png.width; x += 1) {
      const i = (y * png.width + x) * 4;
      const ink = y % 80 < 4 && x > 60 && x < 540;
      png.data[i] = ink ? 30 : 246;
      png.data[i + 1] = ink ? 30 : 244;
      png.data[i + 2] = ink ? 30 : 236;
      png.data[i + 3] = 255;
    }
  const file = path.join(dir, 'no-qr.png');
  writeFileSync(file, PNG.sync.write(png));
  return file;
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'web-scan-'));
  made = await makeCase({ applicant: '林淑芬', respondent: '高建军', serial: 301, accept: true });
  mediator = await apiAs(USERS.mediator.username);
  const detail = await ok(
    'GET /cases/:id',
    mediator.GET('/api/v1/cases/{id}', { params: { path: { id: made.id } } }),
  );
  const applicant = detail.parties.find((p) => p.role === 'applicant');
  const issued = await ok(
    'POST /cases/:id/documents',
    mediator.POST('/api/v1/cases/{id}/documents', {
      params: { path: { id: made.id } },
      body: { type: 'rights_notice', partyId: applicant?.id, draft: false },
    }),
  );
  documentId = issued.id;
  title = issued.title;
  const pdf = await mediator.GET('/api/v1/documents/{id}/pdf', {
    params: { path: { id: documentId } },
    parseAs: 'arrayBuffer',
  });
  if (!pdf.data) throw new Error(`GET /documents/:id/pdf: ${pdf.response.status}`);
  pagePng = renderPage(Buffer.from(pdf.data as ArrayBuffer));
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openDocuments(page: Page): Promise<Locator> {
  await loginAs(page, USERS.mediator.username, PASSWORD);
  await expect(page).toHaveURL(/\/mediator$/);
  await page.goto(`/mediator/cases/${made.id}/documents`);
  const card = page.getByRole('listitem').filter({ hasText: `第1版` }).filter({ hasText: title });
  await expect(card.getByText('拍照上传签字页')).toBeVisible();
  return card;
}

/** The scans of the document as the database holds them. */
async function scanRows(): Promise<{ linked_by: string; page: number | null }[]> {
  const client = new pg.Client({ connectionString: WEB_TEST.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT linked_by, page FROM document_scans WHERE document_id = $1 ORDER BY uploaded_at',
      [documentId],
    );
    return rows as { linked_by: string; page: number | null }[];
  } finally {
    await client.end();
  }
}

test('a photo of the signed page: QR read on the phone, saved once, listed; a non-image and a photo without QR', async ({
  page,
}, testInfo) => {
  const card = await openDocuments(page);
  const input = card.getByLabel(/拍照上传签字页/);
  await expect(input).toHaveAttribute('capture', 'environment');
  await expect(input).toHaveAttribute('accept', 'image/*');

  // The page rendered from the PDF: its QR code is read, the scan is stored and listed.
  await input.setInputFiles(pagePng);
  await expect(card.getByText('已保存（第1页）')).toBeVisible();
  const list = card.getByRole('list', { name: `《${title}》已上传的签字页` });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toContainText(/第1页 · .+ · 二维码/);
  await checkScreen(page, testInfo, 'mediator-scan-saved');

  // The same photo again: the server had it (200), nothing new is listed.
  await input.setInputFiles(pagePng);
  await expect(card.getByText('该照片已上传过')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const listed = await ok(
    'GET /documents/:id/scans',
    mediator.GET('/api/v1/documents/{id}/scans', { params: { path: { id: documentId } } }),
  );
  expect(listed.map((s) => [s.linkedBy, s.page])).toEqual([['qr', 1]]);
  expect(await scanRows()).toEqual([{ linked_by: 'qr', page: 1 }]);

  // A text file named .jpg: the browser cannot open it, the server says why beside the button.
  await input.setInputFiles({
    name: 'note.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('这不是照片，是一段文字。\n'),
  });
  await expect(card.getByRole('alert')).toContainText('扫描件须为 JPEG、PNG 或 WebP 图片');
  await checkScreen(page, testInfo, 'mediator-scan-refused');

  // A photo without a QR code: said so, and uploaded only when she confirms it is this document.
  await input.setInputFiles(plainPhoto());
  await expect(card.getByText('未识别到二维码')).toBeVisible();
  await checkScreen(page, testInfo, 'mediator-scan-no-qr');
  expect(await scanRows()).toHaveLength(1);
  await card.getByRole('button', { name: '仍然上传，由我确认是本文书' }).click();
  await expect(card.getByText('已保存（页码未知）')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').nth(1)).toContainText(/页码未知 · .+ · 手动/);
  expect(await scanRows()).toEqual([
    { linked_by: 'qr', page: 1 },
    { linked_by: 'hand', page: null },
  ]);
  await checkScreen(page, testInfo, 'mediator-scans');
});
