/**
 * A vendor journal line's entries (BC's Gen. Jnl.-Post Line, PostVend): the vendor ledger entry and
 * the G/L entry on the vendor posting group's Payables Account for the same amount (LCY). The
 * mirror of customer-line.ts: an invoice is negative (owed to the vendor), a payment positive.
 */
import { ZERO } from '../money/decimal.ts';
import type { GlEntry, VendorLedgerEntryDraft } from '../posting/entries.ts';
import type { JournalLine } from './journal-line.ts';

export function vendorLineEntries(
  line: JournalLine, payablesAccount: string,
): { vendorLedgerEntry: VendorLedgerEntryDraft; glEntry: GlEntry } {
  const party = line.party;
  const vendorLedgerEntry: VendorLedgerEntryDraft = {
    vendorNo: line.accountNo,
    buyFromVendorNo: party?.sellToBuyFromNo ?? line.accountNo,
    documentType: line.documentType,
    currencyCode: line.currencyCode,
    currencyFactor: line.currencyFactor,
    amount: line.amount,
    amountLcy: line.amountLcy,
    purchaseLcy: party?.salesPurchaseLcy ?? ZERO,
    invoiceDiscountLcy: party?.invoiceDiscountLcy ?? ZERO,
    dueDate: line.terms?.dueDate ?? line.postingDate,
    paymentDiscountDate: line.terms?.paymentDiscountDate ?? null,
    paymentDiscountToleranceDate: line.terms?.paymentDiscountToleranceDate ?? null,
    originalPaymentDiscountPossible: line.terms?.paymentDiscountPossible ?? ZERO,
    documentDate: line.documentDate,
    purchaserCode: party?.salespersonPurchaserCode ?? '',
    paymentMethodCode: party?.paymentMethodCode ?? '',
    vendorPostingGroup: party?.postingGroup ?? '',
  };
  const glEntry: GlEntry = {
    accountNo: payablesAccount,
    amount: line.amountLcy,
    description: line.description,
    genPostingType: '',
    genBusPostingGroup: '',
    genProdPostingGroup: '',
    vatBusPostingGroup: '',
    vatProdPostingGroup: '',
    sourceType: 'vendor',
    sourceNo: line.accountNo,
  };
  return { vendorLedgerEntry, glEntry };
}
