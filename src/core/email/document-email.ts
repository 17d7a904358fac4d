/**
 * The content of a document email (spec §21.3, worked example 14): the subject
 * "<Company Name> - <Document Caption> <No.>", the attachment name "<Document Caption> <No.>.pdf",
 * and an HTML body in the customer's language with a greeting, the document number and dates
 * (due date included), an extract of the lines, the totals and the payment links. Pure: built from
 * the printable document (already formatted by core/documents) and the links the caller loaded.
 * Every text that comes from data is HTML-escaped.
 */
import { escapeHtml } from '../text/escape-html.ts';
import type { DocumentLanguage, PrintableDocumentKind } from '../documents/document-captions.ts';
import type { PaymentLink } from '../documents/payment-link.ts';
import type { PrintableDocument } from '../documents/printable-document.ts';

/** The caption of subject and attachment name: the same as the PDF download's file name. */
const documentEmailCaptions: Record<PrintableDocumentKind, string> = {
  invoice: 'Sales Invoice', creditMemo: 'Sales Credit Memo', quote: 'Sales Quote', order: 'Order Confirmation',
};

export function documentEmailCaption(kind: PrintableDocumentKind): string {
  return documentEmailCaptions[kind];
}

export function emailSubject(companyName: string, kind: PrintableDocumentKind, no: string): string {
  const caption = `${documentEmailCaption(kind)} ${no}`;
  return companyName.trim() === '' ? caption : `${companyName.trim()} - ${caption}`;
}

export function attachmentFileName(kind: PrintableDocumentKind, no: string): string {
  return `${documentEmailCaption(kind)} ${no}.pdf`;
}

const emailTexts: Record<DocumentLanguage, { greeting: string; intro: string; payOnline: string; closing: string }> = {
  en: { greeting: 'Dear {name},', intro: 'Please find attached {document} {no}.', payOnline: 'You can pay this invoice online:', closing: 'Kind regards,' },
  nl: { greeting: 'Beste {name},', intro: 'In de bijlage vindt u {document} {no}.', payOnline: 'U kunt deze factuur online betalen:', closing: 'Met vriendelijke groet,' },
};



function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

export interface DocumentEmailModel {
  kind: PrintableDocumentKind;
  documentNo: string;
  document: PrintableDocument;
  companyName: string;
  /** Whom the greeting names: the bill-to (or sell-to) customer's name. */
  customerName: string;
  paymentLinks: readonly PaymentLink[];
  /** The user's own text (the email dialog), instead of the standard extract. */
  ownText?: string;
}

const cell = 'padding: 4px 8px; border-bottom: 1px solid #ddd;';
const numberCell = `${cell} text-align: right; white-space: nowrap;`;

/** The header fields the email repeats: number and dates. */
function dateFields(document: PrintableDocument): Array<{ caption: string; value: string }> {
  const { captions } = document;
  const wanted = new Set<string>([captions.documentNo, captions.documentDate, captions.postingDate, captions.dueDate, captions.validUntil, captions.yourReference]);
  return document.fields.filter((field) => wanted.has(field.caption) && field.value !== '');
}

function fieldsTable(document: PrintableDocument): string {
  const rows = dateFields(document).map((field) =>
    `<tr><th style="${cell} text-align: left;">${escapeHtml(field.caption)}</th><td style="${cell}">${escapeHtml(field.value)}</td></tr>`);
  return `<table class="document-fields" style="border-collapse: collapse;">${rows.join('')}</table>`;
}

function linesTable(document: PrintableDocument): string {
  const { captions } = document;
  const head = `<tr><th style="${cell} text-align: left;">${escapeHtml(captions.description)}</th><th style="${numberCell}">${escapeHtml(captions.quantity)}</th>`
    + `<th style="${numberCell}">${escapeHtml(captions.unitPrice)}</th><th style="${numberCell}">${escapeHtml(captions.lineAmount)}</th></tr>`;
  const rows = document.lines.map((line) => line.comment
    ? `<tr><td colspan="4" style="${cell}">${escapeHtml(line.description)}</td></tr>`
    : `<tr><td style="${cell}">${escapeHtml(line.description)}</td><td style="${numberCell}">${escapeHtml(line.quantity)}</td>`
      + `<td style="${numberCell}">${escapeHtml(line.unitPrice)}</td><td style="${numberCell}">${escapeHtml(line.lineAmount)}</td></tr>`);
  return `<table class="document-lines" style="border-collapse: collapse; width: 100%;"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function totalsTable(document: PrintableDocument): string {
  const rows = document.totals.map((field) =>
    `<tr><th style="${cell} text-align: left;">${escapeHtml(field.caption)}</th><td style="${numberCell}">${escapeHtml(field.value)}</td></tr>`);
  return `<table class="document-totals" style="border-collapse: collapse; margin-left: auto;">${rows.join('')}</table>`;
}

export function paymentLinksHtml(links: readonly PaymentLink[], intro: string): string {
  if (links.length === 0) return '';
  const items = links.map((link) => `<p class="payment-link"><a href="${escapeHtml(link.url)}">${escapeHtml(link.caption)}</a>`
    + `${link.sandboxNote ? ` <em>(${escapeHtml(link.sandboxNote)})</em>` : ''}</p>`);
  return `<p>${escapeHtml(intro)}</p>${items.join('')}`;
}

/** The user's text, paragraphs on blank lines, line breaks kept. */
function ownTextHtml(text: string): string {
  return text.trim().split(/\r?\n\s*\r?\n/).map((paragraph) =>
    `<p>${paragraph.split(/\r?\n/).map(escapeHtml).join('<br>')}</p>`).join('');
}

export function documentEmailHtml(model: DocumentEmailModel): string {
  const { document } = model;
  const texts = emailTexts[document.language];
  const greeting = fill(texts.greeting, { name: model.customerName.trim() || document.billTo.lines[0] || '' });
  const intro = fill(texts.intro, { document: documentEmailCaption(model.kind), no: model.documentNo });
  const content = model.ownText !== undefined && model.ownText.trim() !== ''
    ? ownTextHtml(model.ownText)
    : `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p>${fieldsTable(document)}${linesTable(document)}${totalsTable(document)}`;
  const closing = model.companyName.trim() === '' ? '' : `<p>${escapeHtml(texts.closing)}<br>${escapeHtml(model.companyName.trim())}</p>`;
  return `<!DOCTYPE html><html lang="${document.language}"><head><meta charset="utf-8"><title>${escapeHtml(emailSubject(model.companyName, model.kind, model.documentNo))}</title></head>`
    + `<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #222;">`
    + `${content}${paymentLinksHtml(model.paymentLinks, texts.payOnline)}${closing}</body></html>`;
}
