import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { Env } from '../../../config/env.js';
import type { DocumentData } from '../document-data.js';
import type { FontPaths } from './fonts.js';
import { renderDocument, type RenderedPdf, renderMonthlyReport } from './render.js';
import type { MonthlyReportData } from './renderers/monthly-report.pdf.js';
import type { PageStamp } from '../scan-payload.js';

/**
 * Renders documents on a small pool of worker threads so a burst of PDFs (CPU work: layout,
 * font subsetting, deflate) does not stall the API's event loop. With PDF_RENDER_THREADS=0, or
 * when running from TypeScript sources (the tests), it renders in the calling thread.
 */
@Injectable()
export class RenderPool implements OnModuleDestroy {
  private readonly pool: Piscina | null;
  private readonly fonts: FontPaths;

  constructor(env: Env) {
    this.fonts = { regular: env.PDF_FONT_PATH, bold: env.PDF_FONT_BOLD_PATH };
    // A font path that does not exist stops the process at boot, not the first document.
    for (const [name, path] of [
      ['PDF_FONT_PATH', env.PDF_FONT_PATH],
      ['PDF_FONT_BOLD_PATH', env.PDF_FONT_BOLD_PATH],
    ] as const) {
      if (path && !existsSync(path)) throw new Error(`${name}: no font file at ${path}`);
    }
    const worker = fileURLToPath(new URL('./render.worker.js', import.meta.url));
    this.pool =
      env.PDF_RENDER_THREADS > 0 && existsSync(worker)
        ? new Piscina({
            filename: worker,
            minThreads: 1,
            maxThreads: env.PDF_RENDER_THREADS,
            idleTimeout: 60_000,
          })
        : null;
  }

  get threads(): number {
    return this.pool?.options.maxThreads ?? 0;
  }

  async render(data: DocumentData, stamp?: PageStamp): Promise<RenderedPdf> {
    if (!this.pool) return renderDocument(data, this.fonts, stamp);
    const result = (await this.pool.run({ data, fonts: this.fonts, stamp })) as RenderedPdf;
    return { pages: result.pages, bytes: new Uint8Array(result.bytes) };
  }

  async renderReport(report: MonthlyReportData): Promise<RenderedPdf> {
    if (!this.pool) return renderMonthlyReport(report, this.fonts);
    const result = (await this.pool.run({ report, fonts: this.fonts })) as RenderedPdf;
    return { pages: result.pages, bytes: new Uint8Array(result.bytes) };
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
