/**
 * Writes a Peppol BIS Billing 3.0 document (UBL 2.1 Invoice or CreditNote) from the plain model,
 * with fast-xml-parser's XMLBuilder. Elements follow the UBL schema's order; empty values are left
 * out (Peppol forbids empty elements, PEPPOL-EN16931-R008). Amounts have two decimals (BR-DEC-*).
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Decimal } from '../../money/decimal.ts';
import type {
  PeppolAddress, PeppolAllowance, PeppolDocument, PeppolLine, PeppolParty, PeppolTaxCategory, PeppolTaxSubtotal,
} from './peppol-model.ts';

export const peppolCustomizationId = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const peppolProfileId = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

type XmlNode = { [name: string]: XmlValue };
type XmlValue = string | XmlNode | XmlNode[] | XmlValue[];

/** Keeps the entries whose value is not empty: a blank text, null or an empty object or array. */
function compact(entries: Array<[string, XmlValue | null | undefined]>): XmlNode {
  const node: XmlNode = {};
  for (const [name, value] of entries) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).filter((key) => !key.startsWith('@_')).length === 0) continue;
    node[name] = value;
  }
  return node;
}

const amount = (value: Decimal, currency: string): XmlNode => ({ '#text': value.toFixed(2), '@_currencyID': currency });
const withScheme = (value: string, scheme: string): XmlValue => (value === '' ? '' : scheme === '' ? value : { '#text': value, '@_schemeID': scheme });
const plain = (value: Decimal) => value.toString();

function taxCategory(category: PeppolTaxCategory, withReason: boolean): XmlNode {
  return compact([
    ['cbc:ID', category.code],
    ['cbc:Percent', category.percent === null ? null : plain(category.percent)],
    ['cbc:TaxExemptionReasonCode', withReason ? category.exemptionReasonCode : null],
    ['cbc:TaxExemptionReason', withReason ? category.exemptionReason : null],
    ['cac:TaxScheme', { 'cbc:ID': 'VAT' }],
  ]);
}

function address(value: PeppolAddress): XmlNode {
  return compact([
    ['cbc:StreetName', value.street],
    ['cbc:AdditionalStreetName', value.additionalStreet],
    ['cbc:CityName', value.city],
    ['cbc:PostalZone', value.postCode],
    ['cbc:CountrySubentity', value.countrySubentity],
    ['cac:Country', { 'cbc:IdentificationCode': value.countryCode }],
  ]);
}

function party(value: PeppolParty): XmlNode {
  return {
    'cac:Party': compact([
      ['cbc:EndpointID', { '#text': value.endpointId, '@_schemeID': value.endpointScheme }],
      ['cac:PartyName', { 'cbc:Name': value.name }],
      ['cac:PostalAddress', address(value.address)],
      ['cac:PartyTaxScheme', value.vatId === '' ? null : { 'cbc:CompanyID': value.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }],
      ['cac:PartyLegalEntity', compact([['cbc:RegistrationName', value.name], ['cbc:CompanyID', withScheme(value.legalId, value.legalIdScheme)]])],
      ['cac:Contact', compact([['cbc:Name', value.contact.name], ['cbc:Telephone', value.contact.phone], ['cbc:ElectronicMail', value.contact.email]])],
    ]),
  };
}

function allowance(value: PeppolAllowance, currency: string, category: PeppolTaxCategory | null): XmlNode {
  return compact([
    ['cbc:ChargeIndicator', 'false'],
    ['cbc:AllowanceChargeReasonCode', value.reasonCode],
    ['cbc:AllowanceChargeReason', value.reason],
    ['cbc:Amount', amount(value.amount, currency)],
    ['cac:TaxCategory', category ? taxCategory(category, false) : null],
  ]);
}

function taxSubtotal(value: PeppolTaxSubtotal, currency: string): XmlNode {
  return {
    'cbc:TaxableAmount': amount(value.taxableAmount, currency),
    'cbc:TaxAmount': amount(value.taxAmount, currency),
    'cac:TaxCategory': taxCategory(value.taxCategory, true),
  };
}

function line(value: PeppolLine, document: PeppolDocument): XmlNode {
  const quantityElement = document.kind === 'invoice' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity';
  return compact([
    ['cbc:ID', value.id],
    [quantityElement, { '#text': plain(value.quantity), '@_unitCode': value.unitCode }],
    ['cbc:LineExtensionAmount', amount(value.lineExtensionAmount, document.currencyCode)],
    ['cac:AllowanceCharge', value.allowances.map((entry) => allowance(entry, document.currencyCode, null))],
    ['cac:Item', compact([
      ['cbc:Description', value.description],
      ['cbc:Name', value.name],
      ['cac:SellersItemIdentification', value.sellersItemId === '' ? null : { 'cbc:ID': value.sellersItemId }],
      ['cac:ClassifiedTaxCategory', taxCategory(value.taxCategory, false)],
    ])],
    ['cac:Price', { 'cbc:PriceAmount': { '#text': plain(value.price), '@_currencyID': document.currencyCode } }],
  ]);
}

function taxTotals(document: PeppolDocument): XmlNode[] {
  const totals: XmlNode[] = [{
    'cbc:TaxAmount': amount(document.totals.taxAmount, document.currencyCode),
    'cac:TaxSubtotal': document.taxSubtotals.map((subtotal) => taxSubtotal(subtotal, document.currencyCode)),
  }];
  // BR-53: the VAT total in the VAT accounting currency, without subtotals (PEPPOL-EN16931-R054).
  if (document.taxCurrency) totals.push({ 'cbc:TaxAmount': amount(document.taxCurrency.taxAmount, document.taxCurrency.code) });
  return totals;
}

function delivery(document: PeppolDocument): XmlNode | null {
  return document.delivery && compact([
    ['cbc:ActualDeliveryDate', document.delivery.date],
    ['cac:DeliveryLocation', document.delivery.address ? { 'cac:Address': address(document.delivery.address) } : null],
    ['cac:DeliveryParty', document.delivery.partyName ? { 'cac:PartyName': { 'cbc:Name': document.delivery.partyName } } : null],
  ]);
}

function paymentMeans(document: PeppolDocument): XmlNode | null {
  const means = document.paymentMeans;
  return means && compact([
    ['cbc:PaymentMeansCode', means.code],
    ['cbc:PaymentID', means.paymentId],
    ['cac:PayeeFinancialAccount', compact([
      ['cbc:ID', means.iban],
      ['cbc:Name', means.accountName],
      ['cac:FinancialInstitutionBranch', means.bic ? { 'cbc:ID': means.bic } : null],
    ])],
  ]);
}

function attachments(document: PeppolDocument): XmlNode[] {
  return document.attachments.map((attachment) => compact([
    ['cbc:ID', attachment.id],
    ['cbc:DocumentDescription', attachment.description],
    ['cac:Attachment', {
      'cbc:EmbeddedDocumentBinaryObject': { '#text': base64(attachment.content), '@_mimeCode': attachment.mimeCode, '@_filename': attachment.fileName },
    }],
  ]));
}

function monetaryTotal(document: PeppolDocument): XmlNode {
  const { totals, currencyCode: currency } = document;
  return compact([
    ['cbc:LineExtensionAmount', amount(totals.lineExtensionAmount, currency)],
    ['cbc:TaxExclusiveAmount', amount(totals.taxExclusiveAmount, currency)],
    ['cbc:TaxInclusiveAmount', amount(totals.taxInclusiveAmount, currency)],
    ['cbc:AllowanceTotalAmount', totals.allowanceTotalAmount.isZero() ? null : amount(totals.allowanceTotalAmount, currency)],
    ['cbc:PayableRoundingAmount', totals.payableRoundingAmount.isZero() ? null : amount(totals.payableRoundingAmount, currency)],
    ['cbc:PayableAmount', amount(totals.payableAmount, currency)],
  ]);
}

/** The document's elements in the order of the UBL 2.1 Invoice and CreditNote schemas. */
function documentBody(document: PeppolDocument): Array<[string, XmlValue | null | undefined]> {
  const invoice = document.kind === 'invoice';
  const typeCode: Array<[string, XmlValue | null]> = invoice
    ? [['cbc:DueDate', document.dueDate], ['cbc:InvoiceTypeCode', '380']]
    : [['cbc:CreditNoteTypeCode', '381']];
  const billingReference = document.billingReference && {
    'cac:InvoiceDocumentReference': compact([['cbc:ID', document.billingReference.id], ['cbc:IssueDate', document.billingReference.issueDate]]),
  };
  return [
    ['cbc:CustomizationID', peppolCustomizationId],
    ['cbc:ProfileID', peppolProfileId],
    ['cbc:ID', document.id],
    ['cbc:IssueDate', document.issueDate],
    ...typeCode,
    ['cbc:Note', document.note],
    ['cbc:DocumentCurrencyCode', document.currencyCode],
    ['cbc:TaxCurrencyCode', document.taxCurrency?.code],
    ['cbc:BuyerReference', document.buyerReference],
    ['cac:OrderReference', document.orderReference ? { 'cbc:ID': document.orderReference } : null],
    ['cac:BillingReference', billingReference],
    ['cac:AdditionalDocumentReference', attachments(document)],
    ['cac:AccountingSupplierParty', party(document.seller)],
    ['cac:AccountingCustomerParty', party(document.buyer)],
    ['cac:Delivery', delivery(document)],
    ['cac:PaymentMeans', paymentMeans(document)],
    ['cac:PaymentTerms', document.paymentTermsNote ? { 'cbc:Note': document.paymentTermsNote } : null],
    ['cac:AllowanceCharge', document.allowances.map((entry) => allowance(entry, document.currencyCode, entry.taxCategory))],
    ['cac:TaxTotal', taxTotals(document)],
    ['cac:LegalMonetaryTotal', monetaryTotal(document)],
    [invoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine', document.lines.map((entry) => line(entry, document))],
  ];
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 base64 without Node's Buffer, so the core stays usable in the browser. */
export function base64(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const [a, b, c] = [bytes[index]!, bytes[index + 1], bytes[index + 2]];
    const chunk = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    text += base64Alphabet[(chunk >> 18) & 63]! + base64Alphabet[(chunk >> 12) & 63]!
      + (b === undefined ? '=' : base64Alphabet[(chunk >> 6) & 63]!) + (c === undefined ? '=' : base64Alphabet[chunk & 63]!);
  }
  return text;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', format: true, indentBy: '  ', suppressEmptyNode: false });

/** The UBL XML text of the document, UTF-8, with its XML declaration. */
export function peppolXml(document: PeppolDocument): string {
  const root = document.kind === 'invoice' ? 'Invoice' : 'CreditNote';
  const namespace = `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`;
  const body = compact(documentBody(document));
  const tree = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [root]: {
      '@_xmlns': namespace,
      '@_xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
      '@_xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
      ...body,
    },
  };
  return builder.build(tree) as string;
}
