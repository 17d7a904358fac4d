/**
 * A posted sales invoice or credit memo as a Peppol BIS Billing 3.0 document (issue 17): the
 * posted lines and totals as stored (what the ledger was posted from), each line's VAT category
 * from its VAT posting setup, the invoice discount as document allowances per VAT category, line
 * discounts as line allowances, the invoice rounding as the payable rounding amount, and in a
 * foreign currency the VAT total in the local currency from the VAT entries. Pure: the caller
 * loads the sources. A field Peppol requires but the master data lacks is refused with
 * EINVOICE_FIELD_MISSING naming the field and the record to fill it in.
 */
import { DomainError } from '../../errors.ts';
import { ZERO, dec, sum } from '../../money/decimal.ts';
import type { CompanySource, PrintableHeaderSource, PrintableLineSource } from '../printable-document.ts';
import type {
  PeppolAddress, PeppolDocument, PeppolDocumentAllowance, PeppolLine, PeppolParty, PeppolTaxCategory, PeppolTaxCategoryCode, PeppolTaxSubtotal,
} from './peppol-model.ts';

export interface EInvoiceCompany extends CompanySource { electronicAddress: string; electronicAddressScheme: string }

export interface EInvoiceCustomer { no: string; electronicAddress: string; electronicAddressScheme: string; gln: string; email: string; phoneNo: string }

export interface EInvoiceHeaderSource extends PrintableHeaderSource {
  shipmentDate: string | null;
  correctedInvoiceNo: string | null;
  appliesToDocumentType: string | null;
  appliesToDocumentNo: string | null;
}

export interface EInvoiceLineSource extends PrintableLineSource {
  lineNo: number;
  lineDiscountAmount: string;
  invoiceDiscountAmount: string;
  vatCalculationType: string;
  vatBusPostingGroup: string | null;
  vatProdPostingGroup: string | null;
}

export interface EInvoiceVatSetup {
  vatBusPostingGroup: string | null; vatProdPostingGroup: string | null;
  vatCalculationType: string; vatPercent: string; taxCategory: string; vatExemptionReasonCode: string; vatExemptionReason: string;
}

export interface EInvoiceSource {
  kind: 'invoice' | 'creditMemo';
  header: EInvoiceHeaderSource;
  lines: readonly EInvoiceLineSource[];
  vatSetups: readonly EInvoiceVatSetup[];
  /** Unit of measure code → its UN/ECE Rec. 20 code (International Standard Code). */
  unitCodes: Readonly<Record<string, string>>;
  company: EInvoiceCompany;
  customer: EInvoiceCustomer;
  lcyCode: string;
  /** What the customer ledger entry says is due, in the document currency and positive (invoice rounding included). */
  payableAmount?: string;
  /** The document's VAT in the local currency from its VAT entries, positive; stated when the document is in another currency. */
  vatAmountLcy?: string;
  billingReference?: { id: string; issueDate: string | null } | null;
  paymentTermsDescription?: string;
  /** The PDF of the document, embedded as an attachment (BG-24). */
  pdf?: { fileName: string; content: Uint8Array };
}

/** Reasons Peppol needs for the exempt categories when the VAT posting setup names none (VATEX code list). */
const defaultExemptions: Partial<Record<PeppolTaxCategoryCode, { code: string; text: string }>> = {
  AE: { code: 'VATEX-EU-AE', text: 'Reverse charge' },
  K: { code: 'VATEX-EU-IC', text: 'Intra-Community supply' },
  G: { code: 'VATEX-EU-G', text: 'Export outside the EU' },
  O: { code: 'VATEX-EU-O', text: 'Not subject to VAT' },
};
const ratedCategories: readonly PeppolTaxCategoryCode[] = ['S', 'L', 'M'];
const legalSchemes = new Set(['0106', '0190', '0208']);

/** The rec. 20 codes of common unit of measure codes without an International Standard Code. */
const commonUnitCodes: Readonly<Record<string, string>> = {
  PCS: 'H87', PC: 'H87', PIECE: 'H87', STK: 'H87', EA: 'EA', EACH: 'EA', BOX: 'XBX', HOUR: 'HUR', HR: 'HUR', H: 'HUR', DAY: 'DAY',
  KG: 'KGM', G: 'GRM', M: 'MTR', KM: 'KMT', L: 'LTR', LTR: 'LTR', M2: 'MTK', M3: 'MTQ', SET: 'SET', PACK: 'XPK', PALLET: 'XPX',
};

export function eInvoiceFileName(kind: 'invoice' | 'creditMemo', no: string): string {
  return `${kind === 'invoice' ? 'Sales Invoice' : 'Sales Credit Memo'} ${no}.xml`;
}

function documentCaption(source: EInvoiceSource) {
  return `${source.kind === 'invoice' ? 'Sales invoice' : 'Sales credit memo'} ${source.header.no}`;
}

function required(source: EInvoiceSource, value: string, field: string, record: string): string {
  if (value.trim() === '') throw new DomainError('EINVOICE_FIELD_MISSING', { document: documentCaption(source), field, record }, field);
  return value.trim();
}

/** The VAT category of a line: its VAT posting setup's Tax Category, where S cannot be (reverse charge → AE, 0 % → Z). */
function lineTaxCategory(source: EInvoiceSource, line: EInvoiceLineSource): PeppolTaxCategory {
  const setup = source.vatSetups.find((row) => row.vatBusPostingGroup === line.vatBusPostingGroup && row.vatProdPostingGroup === line.vatProdPostingGroup);
  let code = (setup?.taxCategory ?? 'S') as PeppolTaxCategoryCode;
  if (code === 'S' && line.vatCalculationType === 'reverseCharge') code = 'AE';
  else if (code === 'S' && dec(line.vatPercent).isZero()) code = 'Z';
  const rated = ratedCategories.includes(code);
  const reason = rated || code === 'Z' ? { code: '', text: '' } : {
    code: setup?.vatExemptionReasonCode || (setup?.vatExemptionReason ? '' : defaultExemptions[code]?.code ?? ''),
    text: setup?.vatExemptionReason || (setup?.vatExemptionReasonCode ? '' : defaultExemptions[code]?.text ?? ''),
  };
  if (!rated && code !== 'Z' && reason.code === '' && reason.text === '') {
    required(source, '', 'VAT Exemption Reason', `VAT posting setup ${line.vatBusPostingGroup ?? ''}/${line.vatProdPostingGroup ?? ''}`);
  }
  return {
    code,
    percent: code === 'O' ? null : rated ? dec(line.vatPercent) : ZERO,
    exemptionReasonCode: reason.code, exemptionReason: reason.text,
  };
}

const categoryKey = (category: PeppolTaxCategory) => `${category.code}\u0000${category.percent?.toString() ?? ''}`;

function unitCode(source: EInvoiceSource, code: string | null): string {
  if (!code) return 'C62';
  return source.unitCodes[code] || commonUnitCodes[code.toUpperCase()] || 'C62';
}

function billToAddress(header: EInvoiceHeaderSource): PeppolAddress {
  return {
    street: header.billToAddress, additionalStreet: header.billToAddress2, city: header.billToCity, postCode: header.billToPostCode,
    countrySubentity: header.billToCounty, countryCode: header.billToCountryRegionCode,
  };
}

function sellerParty(source: EInvoiceSource, statesVat: boolean): PeppolParty {
  const { company } = source;
  const record = 'company information';
  const countryCode = required(source, company.countryRegionCode, 'Country/Region Code', record).toUpperCase();
  const registrationScheme = legalSchemes.has(company.electronicAddressScheme) && company.electronicAddress === company.registrationNo
    ? company.electronicAddressScheme
    : countryCode === 'NL' ? '0106' : countryCode === 'BE' ? '0208' : '';
  return {
    endpointId: required(source, company.electronicAddress, 'Electronic Address (endpoint ID)', record),
    endpointScheme: required(source, company.electronicAddressScheme, 'Electronic Address Scheme', record),
    name: required(source, company.name, 'Name', record),
    address: {
      street: company.address, additionalStreet: company.address2, city: company.city, postCode: company.postCode, countrySubentity: '', countryCode,
    },
    vatId: statesVat ? required(source, company.vatRegistrationNo, 'VAT Registration No.', record) : '',
    legalId: company.registrationNo, legalIdScheme: company.registrationNo ? registrationScheme : '',
    contact: { name: '', phone: company.phoneNo, email: company.email },
  };
}

function buyerParty(source: EInvoiceSource, statesVat: boolean, needsVat: boolean): PeppolParty {
  const { header, customer } = source;
  const record = `customer ${customer.no}`;
  const [endpointId, endpointScheme] = customer.electronicAddress
    ? [customer.electronicAddress, required(source, customer.electronicAddressScheme, 'Electronic Address Scheme', record)]
    : customer.gln ? [customer.gln, '0088'] : [required(source, '', 'Electronic Address (endpoint ID)', record), ''];
  const vatId = header.vatRegistrationNo.trim();
  if (needsVat) required(source, vatId, 'VAT Registration No.', `${record} (a reverse-charge or intra-community line needs the buyer's VAT number)`);
  return {
    endpointId, endpointScheme,
    name: required(source, header.billToName, 'Bill-to Name', documentCaption(source)),
    address: { ...billToAddress(header), countryCode: required(source, header.billToCountryRegionCode, 'Bill-to Country/Region Code', documentCaption(source)).toUpperCase() },
    vatId: statesVat ? vatId : '',
    legalId: legalSchemes.has(endpointScheme) ? endpointId : '', legalIdScheme: legalSchemes.has(endpointScheme) ? endpointScheme : '',
    contact: { name: header.billToContact, phone: customer.phoneNo, email: customer.email },
  };
}

interface PricedLine { source: EInvoiceLineSource; category: PeppolTaxCategory; line: PeppolLine }

function peppolLine(source: EInvoiceSource, line: EInvoiceLineSource, category: PeppolTaxCategory): PeppolLine {
  const quantity = dec(line.quantity);
  const name = [line.description, line.no].find((text) => text.trim() !== '') ?? `Line ${line.lineNo}`;
  const base = {
    id: String(line.lineNo), unitCode: unitCode(source, line.unitOfMeasureCode), name: name.trim(), description: line.description2.trim(),
    sellersItemId: line.type === 'item' ? line.no : '', taxCategory: category,
  };
  if (source.header.pricesIncludingVat || quantity.isZero()) {
    // Prices including VAT: the net line amount after every discount, at its net unit price.
    const amount = dec(line.amount);
    const signedQuantity = quantity.isZero() ? dec('1') : quantity;
    const price = amount.div(signedQuantity).toDecimalPlaces(6);
    return { ...base, quantity: price.isNeg() ? signedQuantity.neg() : signedQuantity, lineExtensionAmount: amount, allowances: [], price: price.abs() };
  }
  const price = dec(line.unitPrice);
  const discount = dec(line.lineDiscountAmount);
  return {
    ...base,
    // A negative price is stated as a positive price of a negative quantity (BR-27).
    quantity: price.isNeg() ? quantity.neg() : quantity,
    price: price.abs(),
    lineExtensionAmount: dec(line.lineAmount),
    allowances: discount.isZero() ? [] : [{
      reasonCode: '95', reason: `Line discount ${dec(line.lineDiscountPercent).toString()} %`, amount: price.isNeg() ? discount.neg() : discount,
    }],
  };
}

/** Per VAT category and rate: the invoice discount as one document allowance (BG-20) and the VAT breakdown (BG-23) of the posted amounts. */
function vatGroups(source: EInvoiceSource, priced: readonly PricedLine[]) {
  const groups = new Map<string, PricedLine[]>();
  for (const entry of priced) groups.set(categoryKey(entry.category), [...(groups.get(categoryKey(entry.category)) ?? []), entry]);
  const allowances: PeppolDocumentAllowance[] = source.header.pricesIncludingVat ? [] : [...groups.values()].flatMap((group) => {
    const discount = sum(group.map((entry) => dec(entry.source.invoiceDiscountAmount)));
    return discount.isZero() ? [] : [{ reasonCode: '95', reason: 'Invoice discount', amount: discount, taxCategory: group[0]!.category }];
  });
  const taxSubtotals: PeppolTaxSubtotal[] = [...groups.values()].map((group) => {
    const taxableAmount = sum(group.map((entry) => dec(entry.source.amount)));
    const including = sum(group.map((entry) => dec(entry.source.amountIncludingVat)));
    return { taxableAmount, taxAmount: including.minus(taxableAmount), taxCategory: group[0]!.category };
  });
  return { allowances, taxSubtotals };
}

/** BG-22: the sums of the lines, allowances and VAT; what the customer ledger entry says is due, its difference the invoice rounding. */
function documentTotals(source: EInvoiceSource, priced: readonly PricedLine[], groups: ReturnType<typeof vatGroups>): PeppolDocument['totals'] {
  const lineExtensionAmount = sum(priced.map((entry) => entry.line.lineExtensionAmount));
  const allowanceTotalAmount = sum(groups.allowances.map((entry) => entry.amount));
  const taxExclusiveAmount = lineExtensionAmount.minus(allowanceTotalAmount);
  const taxAmount = sum(groups.taxSubtotals.map((entry) => entry.taxAmount));
  const taxInclusiveAmount = taxExclusiveAmount.plus(taxAmount);
  const payableAmount = dec(source.payableAmount ?? source.header.amountIncludingVat);
  return {
    lineExtensionAmount, taxExclusiveAmount, taxInclusiveAmount, allowanceTotalAmount, taxAmount,
    payableRoundingAmount: payableAmount.minus(taxInclusiveAmount), payableAmount,
  };
}

function pricedLines(source: EInvoiceSource): PricedLine[] {
  const priced = source.lines
    .filter((line) => line.type !== 'comment' && !(dec(line.quantity).isZero() && dec(line.amount).isZero()))
    .map((line) => {
      const category = lineTaxCategory(source, line);
      return { source: line, category, line: peppolLine(source, line, category) };
    });
  if (priced.length === 0) required(source, '', 'a line with an amount', documentCaption(source));
  return priced;
}

function paymentMeansOf(source: EInvoiceSource, totals: PeppolDocument['totals']): PeppolDocument['paymentMeans'] {
  if (source.kind !== 'invoice' || !totals.payableAmount.isPos()) return null;
  return {
    code: '58', paymentId: source.header.no,
    iban: required(source, source.company.iban, 'IBAN', 'company information').replace(/\s+/g, ''),
    accountName: source.company.name, bic: source.company.swiftCode.trim(),
  };
}

export function buildPeppolDocument(source: EInvoiceSource): PeppolDocument {
  const { header } = source;
  const invoice = source.kind === 'invoice';
  const priced = pricedLines(source);
  const categories = new Set(priced.map((entry) => entry.category.code));
  // Category O states no VAT numbers at all (BR-O-02, BR-O-03); AE and K need the buyer's (BR-AE-03, BR-IC-03).
  const statesVat = !categories.has('O');
  const seller = sellerParty(source, statesVat);
  const buyer = buyerParty(source, statesVat, categories.has('AE') || categories.has('K'));
  // Dutch suppliers' credit notes must name the invoice they credit (NL-R-001).
  if (!invoice && !source.billingReference && seller.address.countryCode === 'NL') {
    required(source, '', 'Applies-to Doc. No. (the invoice the credit memo credits)', documentCaption(source));
  }
  const groups = vatGroups(source, priced);
  const totals = documentTotals(source, priced, groups);
  const currencyCode = header.currencyCode || source.lcyCode;
  const orderReference = header.externalDocumentNo.trim();
  const paymentTerms = source.paymentTermsDescription || header.paymentTermsCode || '';
  return {
    kind: invoice ? 'invoice' : 'creditNote',
    id: header.no,
    issueDate: required(source, header.documentDate ?? header.postingDate ?? '', 'Document Date', documentCaption(source)),
    dueDate: invoice ? header.dueDate : null,
    note: '',
    currencyCode,
    taxCurrency: currencyCode !== source.lcyCode && source.vatAmountLcy !== undefined ? { code: source.lcyCode, taxAmount: dec(source.vatAmountLcy) } : null,
    // PEPPOL-EN16931-R003: a buyer reference or an order reference; without either, the customer's number.
    buyerReference: header.yourReference.trim() || (orderReference ? '' : header.billToCustomerNo),
    orderReference,
    billingReference: source.billingReference ?? null,
    attachments: source.pdf ? [{
      id: header.no, description: source.pdf.fileName.replace(/\.pdf$/i, ''), fileName: source.pdf.fileName, mimeCode: 'application/pdf', content: source.pdf.content,
    }] : [],
    seller,
    buyer,
    delivery: deliveryOf(header),
    paymentMeans: paymentMeansOf(source, totals),
    // BR-CO-25: an amount due needs a due date or payment terms; a credit note states its terms here.
    paymentTermsNote: paymentTerms || (invoice ? '' : header.dueDate ? `Due ${header.dueDate}` : 'Credited amount'),
    ...groups,
    totals,
    lines: priced.map((entry) => entry.line),
  };
}

function deliveryOf(header: EInvoiceHeaderSource): PeppolDocument['delivery'] {
  const shipTo = header.shipToCountryRegionCode.trim() !== '';
  const address: PeppolAddress | null = shipTo
    ? {
      street: header.shipToAddress, additionalStreet: header.shipToAddress2, city: header.shipToCity, postCode: header.shipToPostCode,
      countrySubentity: header.shipToCounty, countryCode: header.shipToCountryRegionCode.toUpperCase(),
    }
    : header.billToCountryRegionCode.trim() ? { ...billToAddress(header), countryCode: header.billToCountryRegionCode.toUpperCase() } : null;
  return { date: header.shipmentDate ?? header.postingDate, address, partyName: shipTo ? header.shipToName.trim() : '' };
}

