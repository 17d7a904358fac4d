/**
 * The pdfmake document definition of a printable sales document: A4, company letterhead, addresses,
 * document fields, a lines table whose header row repeats on every page, totals, VAT breakdown,
 * payment terms and "Page x of y" in the footer. A packing slip has the lines without prices and
 * nothing after them; a statement has, per currency, its entries and aging instead of the lines.
 * Pure: no fonts or files are touched here.
 */
import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fillCaption } from '../../core/documents/document-captions.ts';
import type { PrintableDocument, PrintableField, PrintableStatementSection } from '../../core/documents/printable-document.ts';

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
      ...documentBody(document),
    ],
  };
}

/** What follows the addresses: a statement's sections; a packing slip's lines; or lines, totals, VAT and payment. */
function documentBody(document: PrintableDocument): Content[] {
  if (document.kind === 'statement') return document.statementSections.map((section) => statementSection(document, section));
  if (!document.priced) return [linesTable(document)];
  return [
    linesTable(document),
    totalsBlock(document.totals),
    remarksBlock(document.remarks),
    vatTable(document),
    paymentBlock(document),
    paymentLinksBlock(document),
  ];
}

/** Company name and address on the left; the logo (scaled into 150 × 60 pt), the title and the contact lines on the right. */
function letterhead(document: PrintableDocument): Content {
  const { logo } = document.company;
  const logoImage: Content[] = logo ? [{ image: logo, fit: [150, 60], alignment: 'right', margin: [0, 0, 0, 6] }] : [];
  return {
    columns: [
      { width: '*', stack: [{ text: document.company.name, style: 'company' }, ...document.company.addressLines.map((line) => ({ text: line }))] },
      { width: 'auto', stack: [...logoImage, { text: document.title, style: 'title' }, ...document.company.contactLines.map((line) => ({ text: line, alignment: 'right' as const, color: grey }))] },
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

/** The lines; a packing slip's without the price columns (No., Description, Quantity, Unit). */
function linesTable(document: PrintableDocument): Content {
  const { captions } = document;
  const right = (text: string): TableCell => ({ text, alignment: 'right' });
  const header: TableCell[] = [
    { text: captions.no, style: 'tableHeader' }, { text: captions.description, style: 'tableHeader' },
    { text: document.quantityCaption, style: 'tableHeader', alignment: 'right' }, { text: captions.unit, style: 'tableHeader' },
    { text: captions.unitPrice, style: 'tableHeader', alignment: 'right' }, { text: captions.discountPercent, style: 'tableHeader', alignment: 'right' },
    { text: captions.lineAmount, style: 'tableHeader', alignment: 'right' },
  ];
  const columns = document.priced ? header.length : 4;
  const spanned: TableCell = {};
  const body = document.lines.map((line): TableCell[] => line.comment
    ? ['', { text: line.description, colSpan: columns - 1, italics: true }, ...Array.from({ length: columns - 2 }, () => spanned)]
    : [line.no, line.description, right(line.quantity), line.unit, right(line.unitPrice), right(line.discountPercent), right(line.lineAmount)].slice(0, columns));
  const widths = ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'].slice(0, columns);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header.slice(0, columns), ...body] },
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

function remarksBlock(remarks: readonly string[]): Content {
  return { stack: remarks.map((text) => ({ text, italics: true })), margin: [0, 0, 0, remarks.length > 0 ? 15 : 0] };
}

/**
 * One currency of a statement: its heading, the entries between an opening and a closing balance
 * row (the column captions repeat on every page), and the aging of what is open at the end date.
 */
function statementSection(document: PrintableDocument, section: PrintableStatementSection): Content {
  const { captions } = document;
  const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({ text, style: 'tableHeader', alignment });
  const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });
  const spanned: TableCell = {};
  const balanceRow = (caption: string, balance: string): TableCell[] => [
    { text: caption, colSpan: 7, bold: true }, spanned, spanned, spanned, spanned, spanned, spanned, right(balance, true),
  ];
  const entries: Content = {
    table: {
      headerRows: 1, dontBreakRows: true, widths: ['auto', 'auto', 'auto', '*', 'auto', 'auto', 'auto', 'auto'],
      body: [
        [
          head(captions.postingDate), head(captions.documentType), head(captions.documentNo), head(captions.description), head(captions.dueDate),
          head(captions.lineAmount, 'right'), head(captions.remainingAmount, 'right'), head(captions.balance, 'right'),
        ],
        balanceRow(captions.openingBalance, section.openingBalance),
        ...section.lines.map((line): TableCell[] => [
          line.postingDate, line.documentType, line.documentNo, line.description, line.dueDate,
          right(line.amount), right(line.remainingAmount), right(line.balance),
        ]),
        balanceRow(captions.closingBalance, section.closingBalance),
      ],
    },
    layout: lightLines,
    margin: [0, 0, 0, 10],
  };
  const aging: Content = {
    stack: [
      { text: section.aging.heading, bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: [...section.aging.labels.map(() => 'auto'), 'auto'],
          body: [
            [...section.aging.labels.map((label) => head(label, 'right')), head(captions.total, 'right')],
            [...section.aging.amounts.map((amount) => right(amount)), right(section.aging.total, true)],
          ],
        },
        layout: lightLines,
      },
    ],
    unbreakable: true,
  };
  return { stack: [{ text: section.heading, bold: true, fontSize: 11, margin: [0, 0, 0, 6] }, entries, aging], margin: [0, 0, 0, 20] };
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
