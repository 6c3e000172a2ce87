// A piscina worker thread: renders one document from its data; fonts are parsed once per thread.
import type { DocumentData } from '../document-data.js';
import type { FontPaths } from './fonts.js';
import { renderDocument, type RenderedPdf } from './render.js';

export default function render(task: {
  data: DocumentData;
  fonts: FontPaths;
}): Promise<RenderedPdf> {
  return renderDocument(task.data, task.fonts);
}
