/**
 * Renders a printable document to PDF bytes with pdfmake, using the Roboto fonts the package ships.
 * No network and no other files: pdfmake may read only its own font files.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfMake from 'pdfmake';
import type { PrintableDocument } from '../../core/documents/printable-document.ts';
import { pdfDocumentDefinition } from './pdf-layout.ts';

const fontDirectory = join(dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
let configured = false;

function configurePdfMake() {
  if (configured) return;
  pdfMake.setFonts({
    Roboto: {
      normal: join(fontDirectory, 'Roboto-Regular.ttf'),
      bold: join(fontDirectory, 'Roboto-Medium.ttf'),
      italics: join(fontDirectory, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDirectory, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => path.startsWith(fontDirectory));
  configured = true;
}

export async function renderPdf(document: PrintableDocument): Promise<Buffer> {
  configurePdfMake();
  return pdfMake.createPdf(pdfDocumentDefinition(document)).getBuffer();
}
