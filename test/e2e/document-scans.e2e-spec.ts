import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { createTestApp, TestApp } from '../support/app.js';
import { createCase } from '../support/cases.js';
import { documentCalls } from '../support/documents.js';
import { pdfPages, pdfText } from '../support/pdf-text.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

// CommonJS: the default import is the function; its types describe an ES module's default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Page `page` of a PDF as a PNG, by poppler's pdftoppm (what a phone's photo would show). */
function pagePng(pdf: Buffer, page: number, dpi = 150): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const range = ['-f', String(page), '-l', String(page)];
    execFileSync(
      'pdftoppm',
      [...range, '-r', String(dpi), '-png', '-singlefile', 'doc.pdf', 'page'],
      {
        cwd: dir,
      },
    );
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The QR code a phone would read on the page image (jsQR on the decoded pixels). */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

const MAX = 2 * 1024 * 1024;

/** Photos of signed pages: QR payload, type and size limits, EXIF stripped, replay, scope, 卷宗. */
describe('document scans (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ SCAN_MAX_BYTES: String(MAX) });
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'clerkb', 'supervisorx', 'mediatorx1', 'mediatorz1'])
      tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const { send, get, issue, pdf } = documentCalls(
    () => t,
    tok,
    () => world,
  );
  const upload = (
    user: string,
    documentId: string,
    file: Buffer,
    fields: Record<string, string> = {},
    name = 'page.png',
  ) => {
    let req = t
      .http()
      .post(`/api/v1/documents/${documentId}/scans`)
      .set(bearer(tok[user]))
      .attach('file', file, name);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };
  const image = (user: string, documentId: string, scanId: string) =>
    get(user, `/documents/${documentId}/scans/${scanId}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const fieldsOf = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((e) => e.field);

  /** A case closed by a refusal: its termination notice is the clerk's to issue and read. */
  const closedCase = async () => {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    await send('clerka', `/cases/${c.id}/consents`, {
      partyId: c.parties[1].id,
      decision: 'refused',
      method: 'phone',
      recordedAt: '2026-11-03T10:00:00+08:00',
      version: c.version,
    }).expect(204);
    const notice = (await issue('clerka', c.id, { type: 'termination_notice' }).expect(201)).body;
    return { c, notice };
  };

  it('a photo of a printed page: its QR code links it, EXIF is gone, a replay is one scan, the 卷宗 binds it', async () => {
    const { c, notice } = await closedCase();
    const bytes = await pdf('clerka', notice.id);

    // Every page carries its QR code, its payload printed beside it.
    const png = pagePng(bytes, 1);
    const qr = decodeQr(png);
    expect(qr).toBe(`FM1:${notice.id.toUpperCase()}:1:${qr?.split(':')[3]}:1`);
    expect(qr?.split(':')[3]).toMatch(/^[0-9A-F]{10}$/);
    expect(pdfText(bytes, 1)).toContain(qr);

    const first = await upload('clerka', notice.id, png, { qr: qr as string }).expect(201);
    expect(first.body).toMatchObject({
      documentId: notice.id,
      caseId: c.id,
      documentVersion: 1,
      page: 1,
      mime: 'image/jpeg',
      linkedBy: 'qr',
      uploadedBy: world.users.clerkA,
    });
    // The same photo again (a retry after a lost answer): the scan already recorded.
    const again = await upload('clerka', notice.id, png, { qr: qr as string }).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'document.scan_added' AND entity_id = $1`,
      [notice.id],
    );
    expect(n).toBe(1);

    // A phone photo with its GPS position in EXIF: stored upright, as JPEG, with no EXIF at all.
    const photo = await sharp({
      create: { width: 300, height: 200, channels: 3, background: { r: 240, g: 240, b: 230 } },
    })
      .jpeg()
      .withExif({
        IFD0: { Make: 'PhoneCo' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 5/1 0/1' },
      })
      // Taken with the phone turned: shown upright, it is 200 wide and 300 high.
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const sent = await sharp(photo).metadata();
    expect(sent.exif?.toString('latin1')).toContain('PhoneCo');
    expect(sent.orientation).toBe(6);
    const hand = await upload('clerka', notice.id, photo, { page: '1' }, 'photo.jpg').expect(201);
    expect(hand.body).toMatchObject({ linkedBy: 'hand', page: 1, width: 200, height: 300 });

    const list = (await get('clerka', `/documents/${notice.id}/scans`).expect(200)).body;
    expect(list.map((s: { id: string }) => s.id)).toEqual([first.body.id, hand.body.id]);
    expect(list[0]).not.toHaveProperty('content');

    const res = await image('clerka', notice.id, hand.body.id).expect(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const stored = res.body as Buffer;
    expect(stored.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('PhoneCo');
    expect(stored.toString('latin1')).not.toContain('Exif');
    expect([meta.width, meta.height]).toEqual([200, 300]);

    // The 卷宗 issued afterwards lists the photos under the notice and binds them after it.
    const file = (await issue('supervisorx', c.id, { type: 'case_file' }).expect(201)).body;
    const fileBytes = await pdf('supervisorx', file.id);
    const contents = pdfText(fileBytes, 2);
    expect(contents).toContain('调解终结告知书');
    expect(contents).toContain('签字页照片（第1页）');
    expect(pdfPages(fileBytes)).toBe(2 + notice.pages + 2);
    expect(file.data.contents[0].scans.map((s: { id: string }) => s.id)).toEqual([
      first.body.id,
      hand.body.id,
    ]);
    const scanPage = 2 + notice.pages + 1;
    expect(pdfText(fileBytes, scanPage)).toContain('签字页照片');
    expect(pdfText(fileBytes, scanPage)).toContain(`FM1:${file.id.toUpperCase()}:1:`);
  });

  it('refuses what is not a photo of this document: type, size, the QR of another, and answers 404 out of scope', async () => {
    const { notice } = await closedCase();
    const bytes = await pdf('clerka', notice.id);
    const png = pagePng(bytes, 1, 72);

    // The type is read from the bytes: a PDF or a text named .jpg is not an image.
    let res = await upload('clerka', notice.id, bytes, {}, 'scan.jpg').expect(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('SCAN.FILE_TYPE');
    expect(fieldsOf(res.body)).toEqual(['file']);
    expect(res.body.detail).toBe(
      '扫描件须为 JPEG、PNG 或 WebP 图片（按文件内容识别为：application/pdf）',
    );
    res = await upload(
      'clerka',
      notice.id,
      Buffer.from('not an image at all\n'),
      {},
      'a.jpg',
    ).expect(415);
    expect(fieldsOf(res.body)).toEqual(['file']);
    // No type in the bytes at all: said in Chinese words, not with the English 'unknown'.
    expect(res.body.code).toBe('SCAN.FILE_TYPE');
    expect(res.body.detail).toBe('扫描件须为 JPEG、PNG 或 WebP 图片（无法识别的文件类型）');
    expect(res.body.errors[0].message).toBe(res.body.detail);
    expect(JSON.stringify(res.body)).not.toMatch(/unknown/i);

    // Over SCAN_MAX_BYTES.
    const big = Buffer.concat([png, Buffer.alloc(MAX + 1 - png.length, 1)]);
    res = await upload('clerka', notice.id, big).expect(413);
    expect(res.body.code).toBe('SCAN.FILE_TOO_LARGE');
    expect(fieldsOf(res.body)).toEqual(['file']);

    // No file; a page that is not a number.
    res = await t
      .http()
      .post(`/api/v1/documents/${notice.id}/scans`)
      .set(bearer(tok.clerka))
      .field('page', 'x')
      .expect(400);
    expect(fieldsOf(res.body).sort()).toEqual(['file', 'page']);

    // The QR code of another document, of another version, or not ours at all.
    const [, , version, digest] = `FM1:${notice.id}:1:0000000000:1`.split(':');
    const other = '3f2c8a10-5b7e-4d29-9a41-6c0e2f7d8b93';
    for (const payload of [
      `FM1:${other}:${version}:${digest}:1`,
      `FM1:${notice.id}:2:${digest}:1`,
      `FM1:${notice.id}:1:${digest}:1`,
      'https://example.com/',
    ]) {
      res = await upload('clerka', notice.id, png, { qr: payload }).expect(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'qr', code: 'SCAN.QR_MISMATCH' }),
      ]);
    }
    // A page the document does not have.
    res = await upload('clerka', notice.id, png, { page: String(notice.pages + 1) }).expect(400);
    expect(fieldsOf(res.body)).toEqual(['page']);
    // Nothing was written by any of these.
    expect((await t.ds.query('SELECT count(*)::int AS n FROM document_scans'))[0].n).toBe(0);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM document_scan_contents'))[0].n).toBe(
      0,
    );

    // Another court's clerk, a mediator not on the case: the document's 404, audited.
    for (const [user, userId] of [
      ['clerkb', world.users.clerkB],
      ['mediatorz1', world.users.mediatorZ1],
    ] as const) {
      res = await upload(user, notice.id, png).expect(404);
      expect(res.body.code).toBe('DOCUMENT.NOT_FOUND');
      await get(user, `/documents/${notice.id}/scans`).expect(404);
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'access.denied' AND actor_id = $1`,
        [userId],
      );
      expect(n).toBeGreaterThanOrEqual(2);
    }
    expect((await t.ds.query('SELECT count(*)::int AS n FROM document_scans'))[0].n).toBe(0);

    // An unknown scan of a readable document.
    res = await get('clerka', `/documents/${notice.id}/scans/${other}`).expect(404);
    expect(res.body.code).toBe('SCAN.NOT_FOUND');
  });
});
