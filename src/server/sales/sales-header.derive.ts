import { and, desc, eq, lte } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { assertCustomerNotBlocked, type CustomerBlocked } from '../../core/sales/customer-checks.ts';
import { defaultDates, defaultLocationCode, paymentTermsDates, quoteValidUntilDate } from '../../core/sales/header-defaults.ts';
import type { SalesDocumentType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { cachedSetup } from '../db/setup-cache.ts';
import { currencyExchangeRate, customer, paymentTerms, shipToAddress } from '../db/schema/index.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesHeaderRow } from './sales-document.types.ts';

type HeaderValues = Partial<SalesHeaderRow>;
type CustomerRow = typeof customer.$inferSelect;

async function loadCustomer(tx: Executor, no: string, field: string): Promise<CustomerRow> {
  const [row] = await tx.select().from(customer).where(eq(customer.no, no));
  if (!row) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Customer', value: no, field }, field);
  return row;
}

/** A party's name and address columns on a header (Sell-to …, Buy-from …), filled from a customer, vendor or address. */
export function partyBlock(
  prefix: 'sellTo' | 'billTo' | 'shipTo' | 'buyFrom' | 'payTo',
  source: Pick<CustomerRow, 'name' | 'name2' | 'address' | 'address2' | 'city' | 'postCode' | 'countryRegionCode' | 'phoneNo' | 'email'> & Partial<Pick<CustomerRow, 'county' | 'contact'>>,
): Record<string, string> {
  const fields = ['name', 'name2', 'address', 'address2', 'city', 'postCode', 'county', 'countryRegionCode', 'phoneNo', 'email', 'contact'] as const;
  return Object.fromEntries(fields.map((field) => [`${prefix}${field[0]!.toUpperCase()}${field.slice(1)}`, source[field] ?? '']));
}

/**
 * What choosing the customers puts on the header (spec §2.2): the sell-to customer gives the
 * addresses and shipping data, the bill-to customer (the sell-to's Bill-to Customer No., or itself)
 * who is invoiced: posting groups, terms, currency, price and discount groups.
 */
export async function customerFields(
  tx: Executor, documentType: SalesDocumentType, sellToNo: string, billToNo: string | undefined, context: SalesContext,
): Promise<HeaderValues> {
  const sellTo = await loadCustomer(tx, sellToNo, 'sellToCustomerNo');
  assertCustomerNotBlocked({ no: sellTo.no, blocked: sellTo.blocked as CustomerBlocked }, documentType, 'createDocument');
  const billToCustomerNo = billToNo ?? sellTo.billToCustomerNo ?? sellTo.no;
  const billTo = billToCustomerNo === sellTo.no ? sellTo : await loadCustomer(tx, billToCustomerNo, 'billToCustomerNo');
  if (billTo.no !== sellTo.no) assertCustomerNotBlocked({ no: billTo.no, blocked: billTo.blocked as CustomerBlocked }, documentType, 'createDocument');
  return {
    sellToCustomerNo: sellTo.no, ...partyBlock('sellTo', sellTo),
    billToCustomerNo: billTo.no, ...partyBlock('billTo', billTo),
    shipToCode: null, ...partyBlock('shipTo', sellTo),
    locationCode: defaultLocationCode({ customer: sellTo.locationCode, company: context.inventorySetup.defaultLocationCode }),
    salespersonCode: sellTo.salespersonCode,
    shipmentMethodCode: sellTo.shipmentMethodCode, shippingAgentCode: sellTo.shippingAgentCode,
    shippingAgentServiceCode: sellTo.shippingAgentServiceCode, shippingTime: sellTo.shippingTime,
    shippingAdvice: sellTo.shippingAdvice, combineShipments: documentType === 'order' && sellTo.combineShipments,
    languageCode: sellTo.languageCode,
    // Spec §26.1: the bill-to customer's percentage, on orders and quotes only.
    prepaymentPercent: documentType === 'order' || documentType === 'quote' ? billTo.prepaymentPercent : '0',
    customerPostingGroup: billTo.customerPostingGroup, genBusPostingGroup: billTo.genBusPostingGroup,
    vatBusPostingGroup: billTo.vatBusPostingGroup, paymentTermsCode: billTo.paymentTermsCode,
    paymentMethodCode: billTo.paymentMethodCode, currencyCode: billTo.currencyCode,
    pricesIncludingVat: billTo.pricesIncludingVat, customerPriceGroup: billTo.customerPriceGroup,
    customerDiscountGroup: billTo.customerDiscountGroup, invoiceDiscountCode: billTo.invoiceDiscountCode,
    allowLineDiscount: billTo.allowLineDiscount, vatRegistrationNo: billTo.vatRegistrationNo,
    prepmtPaymentTermsCode: documentType === 'order' ? billTo.paymentTermsCode : null,
  };
}

/** The ship-to address (or, without a code, the customer's own) and the location it ships from. */
export async function shipToFields(tx: Executor, customerNo: string, code: string | null, context: SalesContext): Promise<HeaderValues> {
  const sellTo = await loadCustomer(tx, customerNo, 'sellToCustomerNo');
  const company = context.inventorySetup.defaultLocationCode;
  if (code === null) return { shipToCode: null, ...partyBlock('shipTo', sellTo), locationCode: defaultLocationCode({ customer: sellTo.locationCode, company }) };
  const [address] = await tx.select().from(shipToAddress).where(and(eq(shipToAddress.customerNo, customerNo), eq(shipToAddress.code, code)));
  if (!address) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Ship-to Address', value: code, field: 'shipToCode' }, 'shipToCode');
  return {
    shipToCode: code, ...partyBlock('shipTo', address),
    locationCode: defaultLocationCode({ shipToAddress: address.locationCode, customer: sellTo.locationCode, company }),
    ...(address.shipmentMethodCode ? { shipmentMethodCode: address.shipmentMethodCode } : {}),
    ...(address.shippingAgentCode ? { shippingAgentCode: address.shippingAgentCode } : {}),
  };
}

export function newDocumentDates(documentType: SalesDocumentType, context: SalesContext): HeaderValues {
  return defaultDates(documentType, context.workDate, context.salesSetup.defaultPostingDate as 'workDate' | 'noDate');
}

/** Due date, payment discount date and % from the payment terms and the document date (spec §11.1). */
export async function paymentTermsFields(
  tx: Executor, header: { documentType: string; documentDate?: string | null; paymentTermsCode?: string | null },
): Promise<Pick<HeaderValues, 'dueDate' | 'paymentDiscountDate' | 'paymentDiscountPercent'>> {
  const code = header.paymentTermsCode;
  const terms = code ? await cachedSetup(tx, `payment_terms:${code}`, async (db) => (await db.select().from(paymentTerms).where(eq(paymentTerms.code, code)))[0]) : undefined;
  const dates = paymentTermsDates(header.documentType as SalesDocumentType, header.documentDate ?? null, terms
    ? { dueDateCalculation: terms.dueDateCalculation, discountDateCalculation: terms.discountDateCalculation, discountPercent: dec(terms.discountPercent), calculatePaymentDiscountOnCreditMemos: terms.calculatePaymentDiscountOnCreditMemos }
    : null);
  return { dueDate: dates.dueDate, paymentDiscountDate: dates.paymentDiscountDate, paymentDiscountPercent: dates.paymentDiscountPercent.toFixed(5) };
}

/** Prepayment Due Date, Prepmt. Pmt. Discount Date and % from the prepayment terms and the document date (spec §26.1); orders only. */
export async function prepaymentTermsFields(
  tx: Executor, header: { documentType: string; documentDate?: string | null; prepmtPaymentTermsCode?: string | null },
): Promise<Pick<HeaderValues, 'prepaymentDueDate' | 'prepmtPmtDiscountDate' | 'prepmtPaymentDiscountPercent'>> {
  if (header.documentType !== 'order') return {};
  const terms = await paymentTermsFields(tx, { documentType: 'order', documentDate: header.documentDate ?? null, paymentTermsCode: header.prepmtPaymentTermsCode ?? null });
  return { prepaymentDueDate: terms.dueDate ?? null, prepmtPmtDiscountDate: terms.paymentDiscountDate ?? null, prepmtPaymentDiscountPercent: terms.paymentDiscountPercent ?? '0' };
}

export function quoteValidityFields(header: HeaderValues & Pick<SalesHeaderRow, 'documentType'>, context: SalesContext): HeaderValues {
  if (header.documentType !== 'quote') return {};
  return { quoteValidUntilDate: quoteValidUntilDate(header.documentDate ?? null, context.salesSetup.quoteValidityCalculation) };
}

/** Currency factor at the posting date (work date when blank): document units per 1 LCY (spec §4.6). */
export async function currencyFactor(tx: Executor, currencyCode: string | null, postingDate: string | null, context: Pick<SalesContext, 'workDate'>): Promise<string> {
  if (!currencyCode) return '1';
  const date = postingDate ?? context.workDate;
  const [rate] = await tx.select().from(currencyExchangeRate)
    .where(and(eq(currencyExchangeRate.currencyCode, currencyCode), lte(currencyExchangeRate.startingDate, date)))
    .orderBy(desc(currencyExchangeRate.startingDate)).limit(1);
  if (!rate) throw new DomainError('EXCHANGE_RATE_MISSING', { currencyCode, date }, 'currencyCode');
  return dec(rate.exchangeRateAmount).div(dec(rate.relationalExchangeRateAmount)).toDecimalPlaces(12).toFixed(12);
}
