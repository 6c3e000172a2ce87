import type { DocumentData } from '../../document-data.js';
import type { PageWriter } from '../page-writer.js';

/** The court's own number for the referral (the clerk's 案号), as the documents name it. */
export const courtReferenceLabel = '法院案号';

/**
 * The case number at the head of a document, right-aligned, and under it the court's own number
 * when the clerk gave one: both name the case, and the court files under its own.
 */
export function caseNumberLines(w: PageWriter, d: DocumentData): void {
  w.paragraph(d.case.caseNumber, { align: 'right', indent: 0 });
  if (d.case.courtReference) {
    w.paragraph(`${courtReferenceLabel}：${d.case.courtReference}`, { align: 'right', indent: 0 });
  }
}
