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
});
