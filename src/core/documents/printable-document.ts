/**
 * The data a printed sales document shows (spec §21): letterhead, addresses, numbers and dates,
 * lines, VAT breakdown per VAT identifier and totals, already formatted in the customer's language.
 * A packing slip (posted shipment, return receipt) shows the quantities only: no prices, amounts,
 * VAT or payment terms. A pro forma invoice is an unposted order or invoice printed as an invoice.
 * Pure: the caller loads the document, its company information and its payment terms; the amounts
 * are the stored decimals of the document (what the ledger was posted from), only summed exactly
 * per VAT identifier and never recomputed.
 */
import { dec, sum } from '../money/decimal.ts';
import { documentCaptions, documentLanguageOf, fillCaption, type DocumentCaptions, type DocumentLanguage, type DocumentLayoutKind } from './document-captions.ts';
import { documentFormatter, type DocumentFormatter } from './document-format.ts';
import type { PaymentLink } from './payment-link.ts';
import { printableParties, type CompanySource, type PartySource, type PrintableAddress, type PrintableCompany } from './printable-parties.ts';

export type { CompanySource, PartySource, PrintableAddress } from './printable-parties.ts';

export interface PrintableHeaderSource extends PartySource {
  no: string;
  billToCustomerNo: string;
  documentDate: string | null;
  postingDate: string | null;
  dueDate: string | null;
  paymentDiscountDate: string | null;
  paymentDiscountPercent: string;
  paymentTermsCode: string | null;
  externalDocumentNo: string;
  yourReference: string;
  vatRegistrationNo: string;
  languageCode: string;
  /** A posted prepayment invoice or credit memo (spec §26.4–26.5): titled as such. */
  prepayment?: boolean;
  /** Printed on packing slips: when the goods left (a shipment) or came back (a return receipt). */
  shipmentDate?: string | null;
  currencyCode: string | null;
  pricesIncludingVat: boolean;
  amount: string;
  amountIncludingVat: string;
  invoiceDiscountAmount: string;
}

export interface PrintableLineSource {
  type: string;
  no: string;
  description: string;
  description2: string;
  quantity: string;
  unitOfMeasureCode: string | null;
  unitPrice: string;
  lineDiscountPercent: string;
  lineAmount: string;
  amount: string;
  amountIncludingVat: string;
  vatIdentifier: string;
  vatPercent: string;
  prepaymentLine?: boolean;
}

/** The documents printed from a sales header and its lines (the statement is printed from ledger entries: printable-statement.ts). */
export type HeaderDocumentKind = Exclude<DocumentLayoutKind, 'statement'>;

export interface PrintableSource {
  kind: HeaderDocumentKind;
  header: PrintableHeaderSource;
  lines: readonly PrintableLineSource[];
  company: CompanySource;
  /** The local currency code, printed when the document has no currency of its own. */
  lcyCode: string;
  amountDecimals?: number;
  paymentTermsDescription?: string;
  /** The payment discount the customer ledger entry offers (Original Pmt. Disc. Possible); none on unposted documents. */
  paymentDiscountAmount?: string;
  /** A quote's Quote Valid Until Date (§7.1). */
  validUntil?: string | null;
  /** "Pay with PayPal" and the like (§21.4): the posted invoice's links, or an unposted document's placeholders. */
  paymentLinks?: readonly PaymentLink[];
  /** The order (return order) a posted shipment (return receipt) came from, printed on the packing slip. */
  orderNo?: string | null;
}

export interface PrintableField { caption: string; value: string }

export interface PrintableLine {
  no: string; description: string; quantity: string; unit: string; unitPrice: string; discountPercent: string; lineAmount: string;
  /** A comment line: description only. */
  comment: boolean;
}

export interface PrintableVatRow { vatIdentifier: string; vatPercent: string; base: string; vatAmount: string; amountIncludingVat: string }

/** One currency of a customer statement: the balance before the period, the entries in it with a running balance, the balance at its end, the aging of what is open. */
export interface PrintableStatementSection {
  currencyCode: string;
  heading: string;
  openingBalance: string;
  lines: Array<{ postingDate: string; documentType: string; documentNo: string; description: string; dueDate: string; amount: string; remainingAmount: string; balance: string }>;
  closingBalance: string;
  aging: { heading: string; labels: string[]; amounts: string[]; total: string };
}

export interface PrintableDocument {
  kind: DocumentLayoutKind;
  language: DocumentLanguage;
  captions: DocumentCaptions;
  title: string;
  /** "Sales Invoice PSI000001.pdf": the attachment name (§21.3). */
  fileName: string;
  company: PrintableCompany;
  billTo: PrintableAddress;
  shipTo: PrintableAddress | null;
  fields: PrintableField[];
  lines: PrintableLine[];
  vatRows: PrintableVatRow[];
  totals: PrintableField[];
  /** The total including VAT, unformatted, for tests and payment links. */
  amountIncludingVat: string;
  paymentLines: PrintableField[];
  paymentLinks: PaymentLink[];
  /** Whether the document shows prices, amounts, VAT and totals: false on a packing slip and a statement. */
  priced: boolean;
  /** The caption of the lines' quantity column: "Quantity", or "Quantity Shipped" on a packing slip. */
  quantityCaption: string;
  /** Short texts printed under the totals (the pro forma invoice's "this is not an invoice"). */
  remarks: string[];
  /** A customer statement's sections, one per currency; none on the other documents. */
  statementSections: PrintableStatementSection[];
}

/** The file name's caption of each layout (§21.3): "Sales Invoice PSI000001.pdf". */
export const documentFileCaptions: Record<DocumentLayoutKind, string> = {
  invoice: 'Sales Invoice', creditMemo: 'Sales Credit Memo', quote: 'Sales Quote', order: 'Order Confirmation',
  proForma: 'Pro Forma Invoice', shipment: 'Sales Shipment', returnReceipt: 'Sales Return Receipt', statement: 'Customer Statement',
};

/** The packing slips: quantities only. */
const isPackingSlip = (kind: HeaderDocumentKind): kind is 'shipment' | 'returnReceipt' => kind === 'shipment' || kind === 'returnReceipt';

function titleOf(source: PrintableSource, captions: DocumentCaptions): string {
  if (!source.header.prepayment) return captions[source.kind];
  return source.kind === 'creditMemo' ? captions.prepaymentCreditMemo : captions.prepaymentInvoice;
}

export function buildPrintableDocument(source: PrintableSource): PrintableDocument {
  const language = documentLanguageOf(source.header.languageCode);
  const captions = documentCaptions(language);
  const format = documentFormatter(language, source.amountDecimals ?? 2);
  const parties = printableParties(source.header, source.company, captions);
  const document = {
    kind: source.kind, language, captions, title: titleOf(source, captions),
    fileName: `${documentFileCaptions[source.kind]} ${source.header.no}.pdf`,
    ...parties,
    fields: headerFields(source, captions, format),
    lines: source.lines.map((line) => printableLine(line, format)),
    statementSections: [],
  };
  if (isPackingSlip(source.kind)) {
    // The goods' address is what a packing slip is for: printed even when it is the bill-to address.
    return {
      ...document, shipTo: source.kind === 'shipment' ? parties.shipTo ?? parties.billTo : parties.shipTo,
      lines: document.lines.map((line) => ({ ...line, unitPrice: '', discountPercent: '', lineAmount: '' })),
      vatRows: [], totals: [], amountIncludingVat: '0', paymentLines: [], paymentLinks: [], priced: false,
      quantityCaption: source.kind === 'shipment' ? captions.quantityShipped : captions.quantityReceived, remarks: [],
    };
  }
  return {
    ...document,
    vatRows: vatBreakdown(source.lines, format),
    totals: totalFields(source, captions, format),
    amountIncludingVat: source.header.amountIncludingVat,
    paymentLines: paymentFields(source, captions, format),
    paymentLinks: [...(source.paymentLinks ?? [])],
    priced: true, quantityCaption: captions.quantity,
    remarks: source.kind === 'proForma' ? [captions.proFormaNote] : [],
  };
}

function headerFields(source: PrintableSource, captions: DocumentCaptions, format: DocumentFormatter): PrintableField[] {
  const { header } = source;
  const fields: Array<[string, string]> = [
    [captions.documentNo, header.no],
    [captions.customerNo, header.billToCustomerNo],
    [captions.documentDate, format.date(header.documentDate ?? header.postingDate)],
  ];
  if (isPackingSlip(source.kind)) {
    fields.push(source.kind === 'shipment'
      ? [captions.shipmentDate, format.date(header.shipmentDate ?? header.postingDate)]
      : [captions.receiptDate, format.date(header.postingDate)]);
    if (source.orderNo) fields.push([source.kind === 'shipment' ? captions.orderNo : captions.returnOrderNo, source.orderNo]);
    if (header.yourReference) fields.push([captions.yourReference, header.yourReference]);
    if (header.externalDocumentNo) fields.push([captions.externalDocumentNo, header.externalDocumentNo]);
    return fields.map(([caption, value]) => ({ caption, value }));
  }
  if (source.kind === 'invoice' || source.kind === 'creditMemo') fields.push([captions.postingDate, format.date(header.postingDate)]);
  if (header.dueDate && source.kind !== 'quote') fields.push([captions.dueDate, format.date(header.dueDate)]);
  if (source.kind === 'quote' && source.validUntil) fields.push([captions.validUntil, format.date(source.validUntil)]);
  if (header.yourReference) fields.push([captions.yourReference, header.yourReference]);
  if (header.externalDocumentNo) fields.push([captions.externalDocumentNo, header.externalDocumentNo]);
  if (header.vatRegistrationNo) fields.push([captions.vatRegistrationNo, header.vatRegistrationNo]);
  return fields.map(([caption, value]) => ({ caption, value }));
}

function printableLine(line: PrintableLineSource, format: DocumentFormatter): PrintableLine {
  const description = [line.description, line.description2].filter((text) => text !== '').join(' ');
  if (line.type === 'comment') {
    return { no: '', description, quantity: '', unit: '', unitPrice: '', discountPercent: '', lineAmount: '', comment: true };
  }
  const discount = dec(line.lineDiscountPercent);
  return {
    no: line.no, description, quantity: format.quantity(line.quantity), unit: line.unitOfMeasureCode ?? '',
    unitPrice: format.unitPrice(line.unitPrice), discountPercent: discount.isZero() ? '' : format.percent(line.lineDiscountPercent),
    lineAmount: format.amount(line.lineAmount), comment: false,
  };
}

/** One row per VAT identifier and rate, in the order they first appear; sums of the lines' stored amounts. */
export function vatBreakdown(lines: readonly PrintableLineSource[], format: DocumentFormatter): PrintableVatRow[] {
  const groups = new Map<string, PrintableLineSource[]>();
  for (const line of lines) {
    if (line.type === 'comment') continue;
    const key = `${line.vatIdentifier}\u0000${dec(line.vatPercent).toString()}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()].map((group) => {
    const base = sum(group.map((line) => dec(line.amount)));
    const including = sum(group.map((line) => dec(line.amountIncludingVat)));
    return {
      vatIdentifier: group[0]!.vatIdentifier, vatPercent: format.percent(group[0]!.vatPercent),
      base: format.amount(base.toString()), vatAmount: format.amount(including.minus(base).toString()),
      amountIncludingVat: format.amount(including.toString()),
    };
  });
}

function totalFields(source: PrintableSource, captions: DocumentCaptions, format: DocumentFormatter): PrintableField[] {
  const { header } = source;
  const currency = header.currencyCode || source.lcyCode;
  const vat = dec(header.amountIncludingVat).minus(dec(header.amount));
  const fields: PrintableField[] = [];
  if (!dec(header.invoiceDiscountAmount).isZero()) {
    fields.push({ caption: captions.invoiceDiscount, value: format.amount(dec(header.invoiceDiscountAmount).neg().toString()) });
  }
  fields.push(
    { caption: fillCaption(captions.totalExclVat, { currency }), value: format.amount(header.amount) },
    { caption: captions.vat, value: format.amount(vat.toString()) },
    { caption: fillCaption(captions.totalInclVat, { currency }), value: format.amount(header.amountIncludingVat) },
  );
  return fields;
}

function paymentFields(source: PrintableSource, captions: DocumentCaptions, format: DocumentFormatter): PrintableField[] {
  const { header } = source;
  const fields: PrintableField[] = [];
  if (header.paymentTermsCode) {
    fields.push({ caption: captions.paymentTerms, value: source.paymentTermsDescription || header.paymentTermsCode });
  }
  if (header.dueDate && source.kind !== 'quote') fields.push({ caption: captions.dueDate, value: format.date(header.dueDate) });
  const percent = dec(header.paymentDiscountPercent);
  if (!percent.isZero() && header.paymentDiscountDate) {
    const values = { percent: format.percent(header.paymentDiscountPercent), date: format.date(header.paymentDiscountDate) };
    const text = source.paymentDiscountAmount
      ? fillCaption(captions.paymentDiscountText, { ...values, amount: format.amount(dec(source.paymentDiscountAmount).abs().toString()) })
      : fillCaption(captions.paymentDiscountPercentText, values);
    fields.push({ caption: captions.paymentDiscount, value: text });
  }
  return fields;
}
