/**
 * Loads what a printed sales document needs and hands it to the pure builder (core/documents):
 * the document's header and lines as stored, the company information, the local currency, the
 * currency's amount scale, the payment terms' description and — for posted documents — the payment
 * discount the customer ledger entry offers.
 */
import { eq } from 'drizzle-orm';
import type { PrintableDocumentKind } from '../../core/documents/document-captions.ts';
import { buildPrintableDocument, type CompanySource, type PrintableDocument, type PrintableHeaderSource } from '../../core/documents/printable-document.ts';
import { dec, sum } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { companyInformation, currency, customerLedgerEntry, generalLedgerSetup, paymentTerms } from '../db/schema/index.ts';
import { loadPostedDocument } from '../sales/posted-sales-document.queries.ts';
import { loadDocument } from '../sales/sales-document.queries.ts';
import { paymentLinksForPostedInvoice, paymentLinksForSalesDocument } from '../payment-services/payment-links.ts';

const emptyCompany: CompanySource = {
  name: '', address: '', address2: '', postCode: '', city: '', countryRegionCode: '', phoneNo: '', email: '', homePage: '',
  vatRegistrationNo: '', registrationNo: '', bankName: '', iban: '', swiftCode: '',
};

interface PrintContext { company: CompanySource; lcyCode: string; amountDecimals: number; paymentTermsDescription?: string }

async function printContext(tx: Executor, header: { currencyCode: string | null; paymentTermsCode: string | null }): Promise<PrintContext> {
  const [company] = await tx.select().from(companyInformation);
  const [setup] = await tx.select({ lcyCode: generalLedgerSetup.lcyCode, precision: generalLedgerSetup.amountRoundingPrecision }).from(generalLedgerSetup);
  const [documentCurrency] = header.currencyCode
    ? await tx.select({ precision: currency.amountRoundingPrecision }).from(currency).where(eq(currency.code, header.currencyCode))
    : [];
  const [terms] = header.paymentTermsCode
    ? await tx.select({ description: paymentTerms.description }).from(paymentTerms).where(eq(paymentTerms.code, header.paymentTermsCode))
    : [];
  const precision = documentCurrency?.precision ?? setup?.precision ?? '0.01';
  return {
    company: company ?? emptyCompany,
    lcyCode: setup?.lcyCode ?? 'EUR',
    amountDecimals: dec(precision).decimalPlaces(),
    ...(terms?.description ? { paymentTermsDescription: terms.description } : {}),
  };
}

export type PostedPrintableType = 'invoice' | 'creditMemo';

/** A posted invoice or credit memo as printed: its stored totals and lines, its VAT per identifier. */
export async function loadPrintablePostedDocument(tx: Executor, documentType: PostedPrintableType, no: string): Promise<PrintableDocument> {
  const { header, lines } = await loadPostedDocument(tx, documentType, no);
  const [entry] = header.customerLedgerEntryNo === null ? [] : await tx
    .select({ paymentDiscount: customerLedgerEntry.originalPaymentDiscountPossible })
    .from(customerLedgerEntry).where(eq(customerLedgerEntry.entryNo, header.customerLedgerEntryNo));
  const context = await printContext(tx, header);
  const paymentLinks = documentType === 'invoice' ? await paymentLinksForPostedInvoice(tx, no) : [];
  return buildPrintableDocument({
    kind: documentType, header, lines, ...context, paymentLinks,
    ...(entry && !dec(entry.paymentDiscount).isZero() ? { paymentDiscountAmount: entry.paymentDiscount } : {}),
  });
}

export type UnpostedPrintableType = 'quote' | 'order' | 'invoice';

/**
 * A quote or an order confirmation: an unposted header has no totals of its own, so they are the
 * exact sums of its lines' stored amounts (kept current by every line change, spec §4.3).
 */
export async function loadPrintableSalesDocument(tx: Executor, documentType: UnpostedPrintableType, no: string): Promise<PrintableDocument> {
  const { header, lines } = await loadDocument(tx, documentType, no);
  const priced = lines.filter((line) => line.type !== 'comment');
  const totals = {
    amount: sum(priced.map((line) => dec(line.amount))).toString(),
    amountIncludingVat: sum(priced.map((line) => dec(line.amountIncludingVat))).toString(),
    invoiceDiscountAmount: sum(priced.map((line) => dec(line.invoiceDiscountAmount))).toString(),
  };
  const printedHeader: PrintableHeaderSource = { ...header, ...totals };
  const kind: PrintableDocumentKind = documentType;
  const paymentLinks = await paymentLinksForSalesDocument(tx, documentType, no);
  return buildPrintableDocument({ kind, header: printedHeader, lines, validUntil: header.quoteValidUntilDate, paymentLinks, ...(await printContext(tx, header)) });
}
