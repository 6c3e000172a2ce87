import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import request from 'supertest';
import { resetEnvCache } from '../../src/config/config.module.js';
import { createApiApp } from '../../src/http/create-api-app.js';
import { createTestApp, TestApp } from '../support/app.js';
import { createCase } from '../support/cases.js';
import { documentCalls } from '../support/documents.js';
import { pdfPages } from '../support/pdf-text.js';
import { startTestS3, TestS3 } from '../support/s3-server.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
const PREFIX = 'court-x/scans/';

/** SCAN_STORE=s3 against a real S3-compatible server (s3rver, in this process). */
describe('document scans in an S3 bucket (e2e)', () => {
  let s3: TestS3;
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    s3 = await startTestS3();
    // s3rver ignores server-side encryption; the header is sent all the same (S3_SSE's default).
    t = await createTestApp({ ...s3.env, S3_PREFIX: PREFIX });
  });
  beforeEach(async () => {
    await t.reset();
    await s3.empty();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx']) tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    for (const key of Object.keys(s3?.env ?? {})) delete process.env[key];
    delete process.env.S3_PREFIX;
    resetEnvCache();
  });

  const { send, get, issue, pdf } = documentCalls(
    () => t,
    tok,
    () => world,
  );
  const upload = (documentId: string, file: Buffer, fields: Record<string, string>) => {
    let req = t
      .http()
      .post(`/api/v1/documents/${documentId}/scans`)
      .set(bearer(tok.clerka))
      .attach('file', file, 'photo.jpg');
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };
  const image = (documentId: string, scanId: string) =>
    get('clerka', `/documents/${documentId}/scans/${scanId}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const photo = (shade: number) =>
    sharp({
      create: { width: 240, height: 320, channels: 3, background: { r: shade, g: 230, b: 220 } },
    })
      .jpeg()
      .toBuffer();
  const count = async (table: string): Promise<number> =>
    (await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

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

  it('stores the photo as an object with its SHA-256, serves the same bytes, and the 卷宗 binds it', async () => {
    const { c, notice } = await closedCase();
    const scan = (await upload(notice.id, await photo(240), { page: '1' }).expect(201)).body;

    const key = `${PREFIX}${scan.id}.jpg`;
    expect(await s3.keys()).toEqual([key]);
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head.ContentType).toBe('image/jpeg');
    expect(head.Metadata?.sha256).toBe(scan.sha256);
    expect(head.ContentLength).toBe(scan.bytes);
    // Nothing in PostgreSQL but the row.
    expect(await count('document_scans')).toBe(1);
    expect(await count('document_scan_contents')).toBe(0);

    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    const stored = Buffer.from(
      await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
    );
    expect(sha256(stored)).toBe(scan.sha256);
    const served = (await image(notice.id, scan.id).expect(200)).body as Buffer;
    expect(served.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(served.equals(stored)).toBe(true);

    // A second photo, then the 卷宗: both bound after the notice's pages.
    const second = (await upload(notice.id, await photo(200), { page: '1' }).expect(201)).body;
    expect((await s3.keys()).sort()).toEqual([key, `${PREFIX}${second.id}.jpg`].sort());
    const file = (await issue('supervisorx', c.id, { type: 'case_file' }).expect(201)).body;
    expect(file.data.contents[0].scans.map((s: { id: string }) => s.id)).toEqual([
      scan.id,
      second.id,
    ]);
    expect(pdfPages(await pdf('supervisorx', file.id))).toBe(2 + notice.pages + 2);

    // The readiness check asks the bucket too.
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.details.s3).toEqual({ status: 'up' });
  });

  it('an upload refused after its checks, or whose transaction fails after the upload, leaves no object', async () => {
    const { notice } = await closedCase();
    // Refused by validation: a page the document does not have, bytes that are not an image.
    await upload(notice.id, await photo(120), { page: String(notice.pages + 1) }).expect(400);
    await upload(notice.id, Buffer.from('not an image\n'), { page: '1' }).expect(415);
    expect(await s3.keys()).toEqual([]);

    // The COMMIT itself fails, after the object was put: a deferred trigger refuses the row.
    await t.ds.query(`CREATE FUNCTION test_refuse_scan() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
    await t.ds.query(`CREATE CONSTRAINT TRIGGER test_refuse_scan AFTER INSERT ON document_scans
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_scan()`);
    try {
      // An unforeseen failure, which the contract does not describe: past the checked client.
      await request(t.app.getHttpServer())
        .post(`/api/v1/documents/${notice.id}/scans`)
        .set(bearer(tok.clerka))
        .attach('file', await photo(90), 'photo.jpg')
        .field('page', '1')
        .expect(500);
    } finally {
      await t.ds.query('DROP TRIGGER test_refuse_scan ON document_scans');
      await t.ds.query('DROP FUNCTION test_refuse_scan()');
    }
    expect(await count('document_scans')).toBe(0);
    expect(await s3.keys()).toEqual([]);

    // And the same photo goes through once the database takes it.
    await upload(notice.id, await photo(90), { page: '1' }).expect(201);
    expect(await s3.keys()).toHaveLength(1);
  });

  it('refuses to boot with SCAN_STORE=s3 and no S3_BUCKET, naming it', async () => {
    const bucket = process.env.S3_BUCKET;
    delete process.env.S3_BUCKET;
    resetEnvCache();
    try {
      await expect(createApiApp()).rejects.toThrow(/S3_BUCKET: required when SCAN_STORE is s3/);
    } finally {
      process.env.S3_BUCKET = bucket;
      resetEnvCache();
    }
  });
});
