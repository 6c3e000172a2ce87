import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/** The two faces documents use, parsed once per thread and shared by every document it renders. */
export interface DocumentFonts {
  regular: FastFont;
  bold: FastFont;
}

export interface FontPaths {
  regular?: string;
  bold?: string;
}

/** Noto Serif SC 400/700 (TrueType, all of GB2312) from the npm package, when no path is set. */
export function defaultFontPaths(): Required<FontPaths> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  return {
    regular: join(root, '400Regular', 'NotoSerifSC_400Regular.ttf'),
    bold: join(root, '700Bold', 'NotoSerifSC_700Bold.ttf'),
  };
}

/**
 * A parsed font with a layout that skips OpenType shaping: Chinese official text needs none
 * (no ligatures, no contextual forms, no kerning), and shaping is most of PDFKit's text cost.
 * Glyph lookups are cached per code point. PDFKit accepts any object with `layout`.
 */
export class FastFont {
  private readonly glyphs = new Map<number, fontkit.Glyph>();
  readonly unitsPerEm: number;

  constructor(readonly font: fontkit.Font) {
    this.unitsPerEm = font.unitsPerEm;
    memoizeGlyphDecoding(font);
  }

  glyph(codePoint: number): fontkit.Glyph {
    let found = this.glyphs.get(codePoint);
    if (!found) {
      found = this.font.glyphForCodePoint(codePoint);
      this.glyphs.set(codePoint, found);
    }
    return found;
  }

  /** Advance of one character at `size` points. */
  advance(ch: string, size: number): number {
    return (this.glyph(ch.codePointAt(0) as number).advanceWidth / this.unitsPerEm) * size;
  }

  /** What PDFKit's EmbeddedFont reads: the font itself, with `layout` replaced. */
  forPdfKit(): fontkit.Font {
    const layout = (text: string) => {
      const glyphs: fontkit.Glyph[] = [];
      const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] =
        [];
      let advanceWidth = 0;
      for (const ch of text) {
        const glyph = this.glyph(ch.codePointAt(0) as number);
        glyphs.push(glyph);
        // PDFKit scales these objects in place: a fresh one each time.
        positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
        advanceWidth += glyph.advanceWidth;
      }
      return { glyphs, positions, advanceWidth };
    };
    return new Proxy(this.font, {
      get: (target, prop) => {
        if (prop === 'layout') return layout;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
  }
}

interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): { _decode(): unknown } | null;
}

/**
 * fontkit keeps one object per glyph but parses its outline again each time a subset embeds it
 * (TTFSubset reads `_decode()` for composite glyphs only, yet pays for every simple one): that
 * was a fifth of a render. Each glyph's parse is kept on its object, which this thread reuses.
 */
function memoizeGlyphDecoding(font: fontkit.Font): void {
  const source = font as unknown as GlyphSource;
  const getGlyph = source.getGlyph.bind(font);
  const done = new WeakSet<object>();
  source.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && !done.has(glyph)) {
      done.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let parsed: unknown;
      let ready = false;
      glyph._decode = () => {
        if (!ready) {
          parsed = decode();
          ready = true;
        }
        return parsed;
      };
    }
    return glyph;
  };
}

let cached: { key: string; fonts: DocumentFonts } | undefined;

/** The fonts for `paths` (default: Noto Serif SC), parsed on first use and kept. */
export function documentFonts(paths: FontPaths = {}): DocumentFonts {
  const defaults = defaultFontPaths();
  const regular = paths.regular || defaults.regular;
  const bold = paths.bold || (paths.regular ? regular : defaults.bold);
  const key = `${regular}\n${bold}`;
  if (cached?.key !== key) {
    const load = (path: string) => new FastFont(fontkit.create(readFileSync(path)));
    cached = { key, fonts: { regular: load(regular), bold: load(bold) } };
  }
  return cached.fonts;
}
