/**
 * The plain model of a Peppol BIS Billing 3.0 document (UBL 2.1 Invoice or CreditNote, EN 16931):
 * what peppol-invoice.ts writes as XML. Amounts are decimals in the document currency, already
 * summed; the writer only formats them. Business terms (BT-…) name the EN 16931 field each holds.
 */
import type { Decimal } from '../../money/decimal.ts';

/** UNCL5305 VAT category codes the e-invoices use (EN 16931 BT-151). */
export const peppolTaxCategories = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M'] as const;
export type PeppolTaxCategoryCode = (typeof peppolTaxCategories)[number];

export interface PeppolTaxCategory {
  code: PeppolTaxCategoryCode;
  /** The rate; null for O (not subject to VAT), which states none. */
  percent: Decimal | null;
  /** VATEX code (BT-121) and text (BT-120): only on categories other than S, Z, L and M. */
  exemptionReasonCode: string;
  exemptionReason: string;
}

export interface PeppolAddress {
  street: string; additionalStreet: string; city: string; postCode: string; countrySubentity: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
}

export interface PeppolParty {
  /** Electronic address (BT-34 / BT-49) and its EAS scheme. */
  endpointId: string;
  endpointScheme: string;
  name: string;
  address: PeppolAddress;
  /** VAT identifier (BT-31 / BT-48); empty when the document states none (category O). */
  vatId: string;
  /** Legal registration (BT-30 / BT-47) and its ICD scheme ('' for none). */
  legalId: string;
  legalIdScheme: string;
  contact: { name: string; phone: string; email: string };
}

export interface PeppolAllowance {
  /** UNCL5189 reason code, 95 = discount. */
  reasonCode: string;
  reason: string;
  amount: Decimal;
}

export interface PeppolDocumentAllowance extends PeppolAllowance { taxCategory: PeppolTaxCategory }

export interface PeppolLine {
  id: string;
  quantity: Decimal;
  /** UN/ECE Recommendation 20 unit code. */
  unitCode: string;
  /** BT-131: quantity × price − line allowances, before the document's allowances. */
  lineExtensionAmount: Decimal;
  allowances: PeppolAllowance[];
  name: string;
  description: string;
  sellersItemId: string;
  taxCategory: PeppolTaxCategory;
  /** Net price (BT-146), never negative. */
  price: Decimal;
}

export interface PeppolTaxSubtotal { taxableAmount: Decimal; taxAmount: Decimal; taxCategory: PeppolTaxCategory }

export interface PeppolAttachment { id: string; description: string; fileName: string; mimeCode: string; content: Uint8Array }

export interface PeppolDocument {
  kind: 'invoice' | 'creditNote';
  id: string;
  issueDate: string;
  /** Invoices: BT-9. Credit notes state no due date here. */
  dueDate: string | null;
  note: string;
  currencyCode: string;
  /** The VAT accounting currency (BT-6) and the VAT total in it (BT-111), when the document is in another currency. */
  taxCurrency: { code: string; taxAmount: Decimal } | null;
  buyerReference: string;
  orderReference: string;
  billingReference: { id: string; issueDate: string | null } | null;
  attachments: PeppolAttachment[];
  seller: PeppolParty;
  buyer: PeppolParty;
  delivery: { date: string | null; address: PeppolAddress | null; partyName: string } | null;
  paymentMeans: { code: string; paymentId: string; iban: string; accountName: string; bic: string } | null;
  paymentTermsNote: string;
  allowances: PeppolDocumentAllowance[];
  taxSubtotals: PeppolTaxSubtotal[];
  totals: {
    lineExtensionAmount: Decimal; taxExclusiveAmount: Decimal; taxInclusiveAmount: Decimal; allowanceTotalAmount: Decimal;
    taxAmount: Decimal; payableRoundingAmount: Decimal; payableAmount: Decimal;
  };
  lines: PeppolLine[];
}
