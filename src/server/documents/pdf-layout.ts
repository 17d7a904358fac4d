/**
 * The pdfmake document definition of a printable sales document: A4, company letterhead, addresses,
 * document fields, a lines table whose header row repeats on every page, totals, VAT breakdown,
 * payment terms and "Page x of y" in the footer. Pure: no fonts or files are touched here.
 */
import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fillCaption } from '../../core/documents/document-captions.ts';
import type { PrintableDocument, PrintableField } from '../../core/documents/printable-document.ts';

const grey = '#555555';
const lightLines = { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#bbbbbb', paddingTop: () => 2, paddingBottom: () => 2 };

export function pdfDocumentDefinition(document: PrintableDocument): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title: `${document.title} ${document.fields[0]?.value ?? ''}`, creator: 'Ledgerline' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      company: { fontSize: 14, bold: true },
      title: { fontSize: 18, bold: true, alignment: 'right' },
      tableHeader: { bold: true, fillColor: '#eeeeee' },
      caption: { color: grey },
    },
    footer: (currentPage, pageCount) => ({
      text: fillCaption(document.captions.page, { page: String(currentPage), pages: String(pageCount) }),
      alignment: 'right', margin: [40, 15, 40, 0], fontSize: 8, color: grey,
    }),
    content: [
      letterhead(document),
      addressBlock(document),
      linesTable(document),
      totalsBlock(document.totals),
      vatTable(document),
      paymentBlock(document),
      paymentLinksBlock(document),
    ],
  };
}

function letterhead(document: PrintableDocument): Content {
  return {
    columns: [
      { width: '*', stack: [{ text: document.company.name, style: 'company' }, ...document.company.addressLines.map((line) => ({ text: line }))] },
      { width: 'auto', stack: [{ text: document.title, style: 'title' }, ...document.company.contactLines.map((line) => ({ text: line, alignment: 'right' as const, color: grey }))] },
    ],
    margin: [0, 0, 0, 20],
  };
}

function addressBlock(document: PrintableDocument): Content {
  const address = (caption: string, lines: string[]): Column => ({
    width: '*', stack: [{ text: caption, style: 'caption' }, ...lines.map((line, index) => ({ text: line, bold: index === 0 }))],
  });
  return {
    columns: [
      address(document.captions.billTo, document.billTo.lines),
      document.shipTo ? address(document.captions.shipTo, document.shipTo.lines) : { width: '*', text: '' },
      { width: 'auto', table: { body: fieldRows(document.fields) }, layout: 'noBorders' },
    ],
    columnGap: 15,
    margin: [0, 0, 0, 20],
  };
}

function fieldRows(fields: readonly PrintableField[]): TableCell[][] {
  return fields.map((field) => [{ text: field.caption, style: 'caption' }, { text: field.value, alignment: 'right' }]);
}

function linesTable(document: PrintableDocument): Content {
  const { captions } = document;
  const right = (text: string): TableCell => ({ text, alignment: 'right' });
  const header: TableCell[] = [
    { text: captions.no, style: 'tableHeader' }, { text: captions.description, style: 'tableHeader' },
    { text: captions.quantity, style: 'tableHeader', alignment: 'right' }, { text: captions.unit, style: 'tableHeader' },
    { text: captions.unitPrice, style: 'tableHeader', alignment: 'right' }, { text: captions.discountPercent, style: 'tableHeader', alignment: 'right' },
    { text: captions.lineAmount, style: 'tableHeader', alignment: 'right' },
  ];
  const spanned: TableCell = {};
  const body = document.lines.map((line): TableCell[] => line.comment
    ? ['', { text: line.description, colSpan: 6, italics: true }, spanned, spanned, spanned, spanned, spanned]
    : [line.no, line.description, right(line.quantity), line.unit, right(line.unitPrice), right(line.discountPercent), right(line.lineAmount)]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'], body: [header, ...body] },
    layout: lightLines,
    margin: [0, 0, 0, 10],
  };
}

function totalsBlock(totals: readonly PrintableField[]): Content {
  const last = totals.length - 1;
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: { body: totals.map((field, index) => [{ text: field.caption, bold: index === last }, { text: field.value, alignment: 'right', bold: index === last }]) },
        layout: 'noBorders',
      },
    ],
    margin: [0, 0, 0, 15],
  };
}

function vatTable(document: PrintableDocument): Content {
  const { captions } = document;
  const head = (text: string, alignment: 'left' | 'right' = 'right'): TableCell => ({ text, style: 'tableHeader', alignment });
  return {
    stack: [
      { text: captions.vatBreakdown, bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: ['auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            [head(captions.vatIdentifier, 'left'), head(captions.vatPercent), head(captions.vatBase), head(captions.vatAmount), head(captions.total)],
            ...document.vatRows.map((row) => [row.vatIdentifier, ...[row.vatPercent, row.base, row.vatAmount, row.amountIncludingVat].map((text) => ({ text, alignment: 'right' as const }))]),
          ],
        },
        layout: lightLines,
      },
    ],
    unbreakable: true,
    margin: [0, 0, 0, 15],
  };
}

function paymentBlock(document: PrintableDocument): Content {
  if (document.paymentLines.length === 0) return { text: '' };
  return { table: { body: fieldRows(document.paymentLines) }, layout: 'noBorders', unbreakable: true };
}

/** "Pay with PayPal" as a clickable link (§21.4), with the sandbox remark under it when the service is a test one. */
function paymentLinksBlock(document: PrintableDocument): Content {
  if (document.paymentLinks.length === 0) return { text: '' };
  return {
    stack: document.paymentLinks.map((link) => ({
      stack: [
        { text: link.caption, link: link.url, color: '#0070ba', decoration: 'underline' as const, bold: true, fontSize: 11 },
        ...(link.sandboxNote ? [{ text: link.sandboxNote, color: grey, italics: true }] : []),
      ],
      margin: [0, 0, 0, 6] as [number, number, number, number],
    })),
    unbreakable: true,
    margin: [0, 15, 0, 0],
  };
}
