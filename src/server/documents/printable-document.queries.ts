/**
 * Loads what a printed sales document needs and hands it to the pure builder (core/documents):
 * the document's header and lines as stored, the company information, the local currency, the
 * currency's amount scale, the payment terms' description and — for posted documents — the payment
 * discount the customer ledger entry offers. The customer statement is read from the customer's
 * ledger entries (core/receivables builds the statement and the aging; core/documents prints them).
 */
import { and, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { IsoDate } from '../../core/dates/calendar-date.ts';
import { DomainError } from '../../core/errors.ts';
import { buildPrintableDocument, type CompanySource, type HeaderDocumentKind, type PrintableDocument, type PrintableHeaderSource } from '../../core/documents/printable-document.ts';
import { buildPrintableStatement, statementEntryKey, type StatementSectionSource } from '../../core/documents/printable-statement.ts';
import { defaultAgingPeriods } from '../../core/receivables/aging.ts';
import { customerStatement } from '../../core/receivables/customer-statement.ts';
import { dec, sum, ZERO, type Decimal } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { companyInformation, currency, customer, customerLedgerEntry, detailedCustomerLedgerEntry, generalLedgerSetup, paymentTerms } from '../db/schema/index.ts';
import { agedReceivables, statementMovements } from '../receivables/reports.queries.ts';
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

/** The posted documents printed as packing slips: quantities, no prices. */
export type PackingSlipType = 'shipment' | 'returnReceipt';

/**
 * A posted invoice or credit memo as printed: its stored totals and lines, its VAT per identifier;
 * a posted shipment or return receipt as its packing slip, with the order it came from.
 */
export async function loadPrintablePostedDocument(tx: Executor, documentType: PostedPrintableType | PackingSlipType, no: string): Promise<PrintableDocument> {
  const { header, lines } = await loadPostedDocument(tx, documentType, no);
  if (documentType === 'shipment' || documentType === 'returnReceipt') {
    const fromOrder = header.sourceDocumentType === 'order' || header.sourceDocumentType === 'returnOrder';
    return buildPrintableDocument({ kind: documentType, header, lines, ...(await printContext(tx, header)), orderNo: fromOrder ? header.sourceDocumentNo : null });
  }
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

/** The unposted documents a pro forma invoice is printed from (BC's report 1302 Standard Sales - Pro Forma Inv). */
export type ProFormaSourceType = 'order' | 'invoice';

/**
 * A quote, an order confirmation or a draft invoice (layout `proForma`: the pro forma invoice of an
 * order or invoice): an unposted header has no totals of its own, so they are the exact sums of its
 * lines' stored amounts (kept current by every line change, spec §4.3). Nothing is posted or numbered.
 */
export async function loadPrintableSalesDocument(
  tx: Executor, documentType: UnpostedPrintableType, no: string, layout: 'document' | 'proForma' = 'document',
): Promise<PrintableDocument> {
  const { header, lines } = await loadDocument(tx, documentType, no);
  const priced = lines.filter((line) => line.type !== 'comment');
  const totals = {
    amount: sum(priced.map((line) => dec(line.amount))).toString(),
    amountIncludingVat: sum(priced.map((line) => dec(line.amountIncludingVat))).toString(),
    invoiceDiscountAmount: sum(priced.map((line) => dec(line.invoiceDiscountAmount))).toString(),
  };
  const printedHeader: PrintableHeaderSource = { ...header, ...totals };
  const kind: HeaderDocumentKind = layout === 'proForma' ? 'proForma' : documentType;
  const paymentLinks = layout === 'proForma' ? [] : await paymentLinksForSalesDocument(tx, documentType, no);
  return buildPrintableDocument({ kind, header: printedHeader, lines, validUntil: header.quoteValidUntilDate, paymentLinks, ...(await printContext(tx, header)) });
}

/** Per currency ('' = LCY): Σ of the detailed entries of the customer's entries in it posted before the date. */
async function balancesBefore(tx: Executor, customerNo: string, date: IsoDate): Promise<Map<string, string>> {
  const rows = await tx.select({ currencyCode: customerLedgerEntry.currencyCode, balance: sql<string>`sum(${detailedCustomerLedgerEntry.amount})::text` })
    .from(detailedCustomerLedgerEntry)
    .innerJoin(customerLedgerEntry, eq(detailedCustomerLedgerEntry.customerLedgerEntryNo, customerLedgerEntry.entryNo))
    .where(and(eq(customerLedgerEntry.customerNo, customerNo), lt(detailedCustomerLedgerEntry.postingDate, date)))
    .groupBy(customerLedgerEntry.currencyCode);
  return new Map(rows.map((row) => [row.currencyCode, row.balance]));
}

/** What is open at the end date on each entry posted in the period (Σ of its detailed entries up to then), by currency and document. */
async function remainingAmountsAt(tx: Executor, customerNo: string, from: IsoDate, to: IsoDate): Promise<Map<string, Map<string, Decimal>>> {
  const rows = await tx.select({
    currencyCode: customerLedgerEntry.currencyCode, documentType: customerLedgerEntry.documentType, documentNo: customerLedgerEntry.documentNo,
    remaining: sql<string>`sum(${detailedCustomerLedgerEntry.amount})::text`,
  }).from(detailedCustomerLedgerEntry)
    .innerJoin(customerLedgerEntry, eq(detailedCustomerLedgerEntry.customerLedgerEntryNo, customerLedgerEntry.entryNo))
    .where(and(
      eq(customerLedgerEntry.customerNo, customerNo), gte(customerLedgerEntry.postingDate, from), lte(customerLedgerEntry.postingDate, to),
      lte(detailedCustomerLedgerEntry.postingDate, to),
    ))
    .groupBy(customerLedgerEntry.currencyCode, customerLedgerEntry.documentType, customerLedgerEntry.documentNo);
  const byCurrency = new Map<string, Map<string, Decimal>>();
  for (const row of rows) {
    const amounts = byCurrency.get(row.currencyCode) ?? new Map<string, Decimal>();
    amounts.set(statementEntryKey(row.documentType, row.documentNo), dec(row.remaining));
    byCurrency.set(row.currencyCode, amounts);
  }
  return byCurrency;
}

/**
 * A customer's statement for a period, one section per currency the customer has a balance or
 * entries in (LCY alone when there are none): core/receivables' statement of the currency's detailed
 * entries (their amounts in the currency stand in for the LCY ones, so the balances are the
 * currency's), and the aged receivables of the customer as of the end date in that currency.
 */
export async function loadPrintableStatement(tx: Executor, customerNo: string, from: IsoDate, to: IsoDate): Promise<PrintableDocument> {
  const [found] = await tx.select().from(customer).where(eq(customer.no, customerNo));
  if (!found) throw new DomainError('NOT_FOUND', { entity: 'Customer', key: customerNo });
  const [company] = await tx.select().from(companyInformation);
  const [setup] = await tx.select({ lcyCode: generalLedgerSetup.lcyCode, precision: generalLedgerSetup.amountRoundingPrecision }).from(generalLedgerSetup);
  const movements = await statementMovements(tx, customerNo, from, to);
  const openings = await balancesBefore(tx, customerNo, from);
  const remaining = await remainingAmountsAt(tx, customerNo, from, to);
  const aging = await agedReceivables(tx, { asOf: to, agingBy: 'dueDate', periods: defaultAgingPeriods, customerNo });
  const agedCurrencies = aging.customers[0]?.currencies ?? [];
  const codes = [...new Set(['', ...openings.keys(), ...movements.map((movement) => movement.currencyCode), ...agedCurrencies.map((amounts) => amounts.currencyCode)])].sort();
  const precisions = new Map((codes.length > 1
    ? await tx.select({ code: currency.code, precision: currency.amountRoundingPrecision }).from(currency).where(inArray(currency.code, codes))
    : []).map((row) => [row.code, row.precision]));
  const sections: StatementSectionSource[] = codes.map((currencyCode) => {
    const inCurrency = movements.filter((movement) => movement.currencyCode === currencyCode).map((movement) => ({ ...movement, amountLcy: movement.amount }));
    const statement = customerStatement({ from, to }, dec(openings.get(currencyCode) ?? '0'), inCurrency);
    const aged = agedCurrencies.find((amounts) => amounts.currencyCode === currencyCode);
    return {
      currencyCode, amountDecimals: dec(precisions.get(currencyCode) ?? setup?.precision ?? '0.01').decimalPlaces(), statement,
      remainingAmounts: remaining.get(currencyCode) ?? new Map(),
      aging: { buckets: aging.buckets, amounts: aged?.amounts ?? aging.buckets.map(() => ZERO) },
    };
  });
  // A currency with nothing before, in or at the end of the period has nothing to say; LCY stays when it is the only one.
  const shown = sections.filter((section) => section.statement.lines.length > 0 || !section.statement.openingBalanceLcy.isZero() || section.aging.amounts.some((amount) => !amount.isZero()));
  return buildPrintableStatement({
    customer: found, company: company ?? emptyCompany, lcyCode: setup?.lcyCode ?? 'EUR', from, to,
    sections: shown.length > 0 ? shown : sections.filter((section) => section.currencyCode === ''),
  });
}
