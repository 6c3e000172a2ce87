// A piscina worker thread: renders one document (or a monthly report) from its data; fonts are
// parsed once per thread.
import type { DocumentData } from '../document-data.js';
import type { FontPaths } from './fonts.js';
import { renderDocument, type RenderedPdf, renderMonthlyReport } from './render.js';
import type { MonthlyReportData } from './renderers/monthly-report.pdf.js';
import type { PageStamp } from '../scan-payload.js';

export default function render(
  task:
    | { data: DocumentData; fonts: FontPaths; stamp?: PageStamp }
    | { report: MonthlyReportData; fonts: FontPaths },
): Promise<RenderedPdf> {
  return 'report' in task
    ? renderMonthlyReport(task.report, task.fonts)
    : renderDocument(task.data, task.fonts, task.stamp);
}
