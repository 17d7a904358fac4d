/**
 * The ledger entries of invoicing a purchase document (BC codeunits 90 Purch.-Post and 826 Purch.
 * Post Invoice): a purchase invoice, the invoiced part of an order, and — signs flipped — a credit
 * memo or the invoiced part of a return order. The same builder as sales (sales-invoice-posting.ts)
 * on the purchase side: purchases and VAT debited, the pay-to vendor credited on the Payables
 * Account, the vendor ledger entry with it, reverse charge VAT posted on both VAT accounts.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import type { Decimal } from '../money/decimal.ts';
import type { PostingBatch } from './entries.ts';
import type { DiscountPosting, GeneralPostingSetupInvoiceAccounts } from './invoice-posting-buffer.ts';
import type { VatPostingSetupSales } from './posting-setup.ts';
import { buildSalesInvoicePosting, type SalesPostingHeader, type SalesPostingLine } from './sales-invoice-posting.ts';

export interface PurchaseInvoicePostingInput {
  documentType: 'invoice' | 'creditMemo';
  header: PurchasePostingHeader;
  /** The lines this posting invoices, amounts in document currency, positive on an invoice. */
  lines: readonly Omit<SalesPostingLine, 'costAmountLcy'>[];
  setup: {
    /** Purchases & Payables Setup. */
    discountPosting: DiscountPosting;
    paymentDiscountExcludingVat: boolean;
    paymentDiscountGracePeriod: string;
    amountRoundingPrecision: Decimal | string;
    lcyAmountRoundingPrecision: Decimal | string;
  };
  accounts: {
    vendorPostingGroup: { code: string; payablesAccount: string };
    generalPostingSetups: readonly GeneralPostingSetupInvoiceAccounts[];
    vatPostingSetups: readonly VatPostingSetupSales[];
  };
}

/** The purchase header facts the posting reads: those of a sales header, with the vendors and the vendor's document no. */
export type PurchasePostingHeader = Pick<SalesPostingHeader,
  'genBusPostingGroup' | 'vatBusPostingGroup' | 'postingDescription' | 'postingDate' | 'dueDate' | 'paymentDiscountPercent' | 'paymentDiscountDate'
  | 'currencyCode' | 'currencyFactor' | 'pricesIncludingVat'> & {
  payToVendorNo: string;
  buyFromVendorNo: string;
  documentNo: string;
  /** Vendor Invoice No. (Vendor Cr. Memo No.): the vendor ledger entry's External Document No. */
  vendorDocumentNo: string;
  documentDate: IsoDate | null;
  purchaserCode: string;
  paymentMethodCode: string;
};

export function buildPurchaseInvoicePosting(input: PurchaseInvoicePostingInput): PostingBatch {
  const { header, accounts } = input;
  return buildSalesInvoicePosting({
    family: 'purchase',
    documentType: input.documentType,
    // The builder's party fields carry the pay-to vendor (BC's Bill-to/Pay-to No.) and the buy-from vendor.
    header: {
      ...header, billToCustomerNo: header.payToVendorNo, sellToCustomerNo: header.buyFromVendorNo,
      externalDocumentNo: header.vendorDocumentNo, salespersonCode: header.purchaserCode,
    },
    lines: input.lines,
    setup: { ...input.setup, invoiceRounding: null },
    accounts: {
      customerPostingGroup: { code: accounts.vendorPostingGroup.code, receivablesAccount: accounts.vendorPostingGroup.payablesAccount, invoiceRoundingAccount: '' },
      generalPostingSetups: accounts.generalPostingSetups,
      vatPostingSetups: accounts.vatPostingSetups,
    },
  });
}
