import { execFileSync } from 'node:child_process';
import { DOCUMENT_RULES, DOCUMENT_TYPES } from '../document-types.js';
import { demoData } from './demo-data.js';
import { contentsPages, contentsStartPages, renderDocument, retentionYears } from './render.js';

const text = (bytes: Uint8Array): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
    input: bytes,
    encoding: 'utf8',
  }).replace(/\s+/g, '');

describe('renderDocument', () => {
  it.each(DOCUMENT_TYPES.filter((t) => t !== 'case_file'))(
    '%s: a readable A4 PDF under 100 KB with its title and the case number',
    async (type) => {
      const pdf = await renderDocument(demoData(type));
      expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(pdf.bytes.byteLength).toBeLessThan(100 * 1024);
      const words = text(pdf.bytes);
      expect(words).toContain(DOCUMENT_RULES[type].title.slice(0, 4));
      if (type !== 'judicial_confirmation_application') {
        expect(words).toContain('（2026）鲁0281民诉前调12号');
        expect(words).toContain('法院案号：（2026）鲁0281民诉前1234号');
      }
      expect(words).toContain('— 1 —'.replace(/\s+/g, ''));
      // The full ID number only where the law asks for it.
      expect(words.includes('370281199003150248')).toBe(DOCUMENT_RULES[type].fullIdNumbers);
    },
  );

  it('is deterministic: the same data gives the same bytes', async () => {
    const a = await renderDocument(demoData('mediation_agreement'));
    const b = await renderDocument(demoData('mediation_agreement'));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('flows a long agreement across pages with every term printed', async () => {
    const d = demoData('mediation_agreement');
    const agreement = d.outcome?.agreement as Record<string, unknown>;
    const long = '双方同意按约定履行。'.repeat(120);
    const pdf = await renderDocument({
      ...d,
      outcome: {
        ...(d.outcome as NonNullable<typeof d.outcome>),
        agreement: { ...agreement, breach: long },
      },
    });
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    // Page numbers sit between the pages' text; without them the paragraph reads whole.
    expect(text(pdf.bytes).replace(/—\d+—/g, '')).toContain(long);
  });

  it('binds documents into a case file whose contents give their first pages', async () => {
    const bound = await Promise.all(
      (['referral_letter', 'mediation_agreement'] as const).map(async (type) => {
        const data = demoData(type);
        const { pages } = await renderDocument(data);
        return {
          title: DOCUMENT_RULES[type].title,
          version: 1,
          issuedAt: data.issuedAt,
          pages,
          data,
        };
      }),
    );
    const file = await renderDocument({ ...demoData('case_file'), contents: bound });
    expect(file.pages).toBe(1 + 1 + bound[0].pages + bound[1].pages);
    expect(contentsStartPages(bound.map((b) => b.pages))).toEqual([3, 3 + bound[0].pages]);
  });

  it('knows how many contents pages and how long a file is kept', () => {
    expect(contentsPages(0)).toBe(1);
    expect(contentsPages(17)).toBe(1);
    expect(contentsPages(18)).toBe(2);
    expect(retentionYears('divorce_agreed')).toBe(10);
    expect(retentionYears('no_agreement')).toBe(5);
  });
});
