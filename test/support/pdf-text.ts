/** The text of a PDF per page, one text run a line, read with pdfjs-dist (Mozilla's parser, legacy build for Node). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let pageNo = 1; pageNo <= document.numPages; pageNo++) {
    const content = await (await document.getPage(pageNo)).getTextContent();
    // One text run per line; pdfjs adds blank runs where the text moves on, which say nothing.
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).filter((text) => text.trim() !== '').join('\n'));
  }
  await document.destroy();
  return pages;
}
