/**
 * A customer statement as printed (BC's report 1316 Standard Statement): the company letterhead,
 * the customer's address, the period, and per currency the customer has entries in: the balance
 * before the period, the entries posted in it (document type, number, dates, amount, what is still
 * open at the end date, running balance), the balance at the end date and the aging of what is open
 * then by due date. Pure: the statement lines come from core/receivables/customer-statement.ts and
 * the aging from core/receivables/aging.ts, in the section's currency; here they are only formatted
 * in the customer's language.
 */
import { daysBetween, type IsoDate } from '../dates/calendar-date.ts';
import type { AgingBucket } from '../receivables/aging.ts';
import type { CustomerStatement, StatementLine } from '../receivables/customer-statement.ts';
import { type Decimal, sum } from '../money/decimal.ts';
import { documentCaptions, documentLanguageOf, fillCaption, type CaptionKey, type DocumentCaptions } from './document-captions.ts';
import { documentFormatter, type DocumentFormatter } from './document-format.ts';
import { documentFileCaptions, type PrintableDocument, type PrintableStatementSection } from './printable-document.ts';
import { printableParties, type CompanySource, type PartySource } from './printable-parties.ts';

export interface StatementCustomerSource {
  no: string;
  name: string; name2: string; address: string; address2: string; postCode: string; city: string; county: string; countryRegionCode: string; contact: string;
  languageCode: string;
  vatRegistrationNo: string;
}

export interface StatementSectionSource {
  /** '' = local currency. */
  currencyCode: string;
  amountDecimals: number;
  /** The statement in this currency: amounts and balances in the currency (the `…Lcy` fields hold them). */
  statement: CustomerStatement;
  /** What is open at the end date on an entry posted in the period, by `documentType/documentNo` of the customer ledger entry. */
  remainingAmounts: ReadonlyMap<string, Decimal>;
  /** The aging buckets as of the end date and what is open in each in this currency. */
  aging: { buckets: readonly AgingBucket[]; amounts: readonly Decimal[] };
}

export interface StatementSource {
  customer: StatementCustomerSource;
  company: CompanySource;
  lcyCode: string;
  from: IsoDate;
  to: IsoDate;
  sections: readonly StatementSectionSource[];
}

/** The key of remainingAmounts: a customer ledger entry's document. */
export const statementEntryKey = (documentType: string, documentNo: string) => `${documentType}/${documentNo}`;

const documentTypeCaptions: Readonly<Record<string, CaptionKey>> = {
  invoice: 'docTypeInvoice', creditMemo: 'docTypeCreditMemo', payment: 'docTypePayment', refund: 'docTypeRefund',
  financeChargeMemo: 'docTypeFinanceChargeMemo', reminder: 'docTypeReminder',
};

/** The adjustment lines (core/receivables/customer-statement.ts) by what they are to the customer. */
function adjustmentCaption(entryType: string, captions: DocumentCaptions): string {
  if (entryType === 'application') return captions.adjustmentApplication;
  if (entryType.startsWith('paymentDiscount')) return captions.adjustmentPaymentDiscount;
  if (entryType.startsWith('paymentTolerance')) return captions.adjustmentPaymentTolerance;
  return captions.adjustmentRounding;
}

function partiesOf(customer: StatementCustomerSource): PartySource {
  return {
    billToName: customer.name, billToName2: customer.name2, billToAddress: customer.address, billToAddress2: customer.address2,
    billToPostCode: customer.postCode, billToCity: customer.city, billToCounty: customer.county, billToCountryRegionCode: customer.countryRegionCode,
    billToContact: customer.contact,
    shipToName: '', shipToName2: '', shipToAddress: '', shipToAddress2: '', shipToPostCode: '', shipToCity: '', shipToCounty: '',
    shipToCountryRegionCode: '', shipToContact: '',
  };
}

/** "Not Due", "1–30 Days", "Over 90 Days": the buckets of aging.ts in the customer's language. */
function agingLabel(bucket: AgingBucket, asOf: IsoDate, captions: DocumentCaptions): string {
  if (bucket.to === null) return captions.agingCurrent;
  if (bucket.from === null) return fillCaption(captions.agingOver, { days: String(daysBetween(bucket.to, asOf) - 1) });
  return fillCaption(captions.agingDays, { from: String(daysBetween(bucket.to, asOf)), to: String(daysBetween(bucket.from, asOf)) });
}

function statementLine(line: StatementLine, section: StatementSectionSource, captions: DocumentCaptions, format: DocumentFormatter) {
  const initial = line.entryType === 'initialEntry';
  const typeCaption = documentTypeCaptions[line.documentType];
  const remaining = initial ? section.remainingAmounts.get(statementEntryKey(line.documentType, line.documentNo)) : undefined;
  return {
    postingDate: format.date(line.postingDate),
    documentType: typeCaption ? captions[typeCaption] : '',
    documentNo: line.documentNo,
    description: initial ? line.description : adjustmentCaption(line.entryType, captions),
    dueDate: format.date(line.dueDate),
    amount: format.amount(line.amountLcy.toString()),
    remainingAmount: remaining === undefined ? '' : format.amount(remaining.toString()),
    balance: format.amount(line.balanceLcy.toString()),
  };
}

function printableSection(section: StatementSectionSource, source: StatementSource, captions: DocumentCaptions, language: 'en' | 'nl'): PrintableStatementSection {
  const format = documentFormatter(language, section.amountDecimals);
  const { statement } = section;
  const currency = section.currencyCode || source.lcyCode;
  return {
    currencyCode: currency,
    heading: fillCaption(captions.statementCurrency, { currency }),
    openingBalance: format.amount(statement.openingBalanceLcy.toString()),
    lines: statement.lines.map((line) => statementLine(line, section, captions, format)),
    closingBalance: format.amount(statement.closingBalanceLcy.toString()),
    aging: {
      heading: fillCaption(captions.aging, { date: format.date(source.to) }),
      labels: section.aging.buckets.map((bucket) => agingLabel(bucket, source.to, captions)),
      amounts: section.aging.amounts.map((amount) => format.amount(amount.toString())),
      total: format.amount(sum([...section.aging.amounts]).toString()),
    },
  };
}

export function buildPrintableStatement(source: StatementSource): PrintableDocument {
  const language = documentLanguageOf(source.customer.languageCode);
  const captions = documentCaptions(language);
  const format = documentFormatter(language);
  const parties = printableParties(partiesOf(source.customer), source.company, captions);
  const fields = [
    { caption: captions.customerNo, value: source.customer.no },
    { caption: captions.startDate, value: format.date(source.from) },
    { caption: captions.endDate, value: format.date(source.to) },
    ...(source.customer.vatRegistrationNo ? [{ caption: captions.vatRegistrationNo, value: source.customer.vatRegistrationNo }] : []),
  ];
  return {
    kind: 'statement', language, captions, title: captions.statement,
    fileName: `${documentFileCaptions.statement} ${source.customer.no} ${source.from} ${source.to}.pdf`,
    ...parties, shipTo: null, fields,
    lines: [], vatRows: [], totals: [], amountIncludingVat: '0', paymentLines: [], paymentLinks: [],
    priced: false, quantityCaption: captions.quantity, remarks: [],
    statementSections: source.sections.map((section) => printableSection(section, source, captions, language)),
  };
}
