/**
 * Renders a printable document to PDF bytes with pdfmake, using the Roboto fonts the package ships.
 * No network and no other files: pdfmake may read only its own font files.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PdfMake from 'pdfmake';
import type { PrintableDocument } from '../../core/documents/printable-document.ts';
import { pdfDocumentDefinition } from './pdf-layout.ts';

const fontDirectory = join(dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto.js')), 'Roboto');

/**
 * pdfmake, with pdfkit and the font parsers under it (some 3 MB of code), loaded and set up at the
 * first PDF: a server that renders none does not hold it in memory.
 */
let pdfMake: Promise<typeof PdfMake> | undefined;

function configuredPdfMake() {
  pdfMake ??= import('pdfmake').then(({ default: loaded }) => {
    loaded.setFonts({
      Roboto: {
        normal: join(fontDirectory, 'Roboto-Regular.ttf'),
        bold: join(fontDirectory, 'Roboto-Medium.ttf'),
        italics: join(fontDirectory, 'Roboto-Italic.ttf'),
        bolditalics: join(fontDirectory, 'Roboto-MediumItalic.ttf'),
      },
    });
    loaded.setUrlAccessPolicy(() => false);
    loaded.setLocalAccessPolicy((path) => path.startsWith(fontDirectory));
    return loaded;
  });
  return pdfMake;
}

export async function renderPdf(document: PrintableDocument): Promise<Buffer> {
  return (await configuredPdfMake()).createPdf(pdfDocumentDefinition(document)).getBuffer();
}
