import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { Env } from '../../../config/env.js';
import { demoData } from './demo-data.js';
import { defaultFontPaths } from './fonts.js';
import { RenderPool } from './render-pool.js';

describe('RenderPool', () => {
  it('refuses to start with a font path that does not exist', () => {
    expect(
      () => new RenderPool({ PDF_RENDER_THREADS: 0, PDF_FONT_PATH: '/nope.ttf' } as Env),
    ).toThrow('PDF_FONT_PATH: no font file at /nope.ttf');
  });

  it('renders with another TrueType face when configured (here the bold face for everything)', async () => {
    const bold = defaultFontPaths().bold;
    const pool = new RenderPool({ PDF_RENDER_THREADS: 0, PDF_FONT_PATH: bold } as Env);
    const pdf = await pool.render(demoData('termination_notice'));
    expect(pdf.pages).toBe(1);
    expect(Buffer.from(pdf.bytes).toString('latin1')).toContain('NotoSerifSC-Bold');
    await pool.onModuleDestroy();
  });

  // Worker threads load compiled JavaScript: this runs where the build exists (CI builds before
  // the tests, for the migration check).
  const worker = resolve('dist/src/modules/documents/pdf/render.worker.js');
  (existsSync(worker) ? it : it.skip)(
    'renders in a worker thread the same bytes as in this one',
    async () => {
      const pool = new Piscina({ filename: worker, maxThreads: 1 });
      try {
        const data = demoData('mediation_agreement');
        const threaded = (await pool.run({ data, fonts: {} })) as {
          bytes: Uint8Array;
          pages: number;
        };
        const here = await new RenderPool({ PDF_RENDER_THREADS: 0 } as Env).render(data);
        expect(threaded.pages).toBe(here.pages);
        expect(Buffer.from(threaded.bytes).equals(Buffer.from(here.bytes))).toBe(true);
      } finally {
        await pool.destroy();
      }
    },
  );
});
