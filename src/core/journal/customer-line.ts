/**
 * A customer journal line's entries (BC's Gen. Jnl.-Post Line, PostCust): the customer ledger entry
 * with its facts, and the G/L entry on the customer posting group's Receivables Account for the
 * same amount (LCY). Invoices, credit memos and payments all reach the customer ledger this way.
 */
import { ZERO } from '../money/decimal.ts';
import type { CustomerLedgerEntryDraft, GlEntry } from '../posting/entries.ts';
import type { JournalLine } from './journal-line.ts';

export function customerLineEntries(
  line: JournalLine, receivablesAccount: string,
): { customerLedgerEntry: CustomerLedgerEntryDraft; glEntry: GlEntry } {
  const party = line.party;
  const customerLedgerEntry: CustomerLedgerEntryDraft = {
    customerNo: line.accountNo,
    documentType: line.documentType,
    currencyCode: line.currencyCode,
    currencyFactor: line.currencyFactor,
    amount: line.amount,
    amountLcy: line.amountLcy,
    salesLcy: party?.salesPurchaseLcy ?? ZERO,
    invoiceDiscountLcy: party?.invoiceDiscountLcy ?? ZERO,
    dueDate: line.terms?.dueDate ?? line.postingDate,
    paymentDiscountDate: line.terms?.paymentDiscountDate ?? null,
    paymentDiscountToleranceDate: line.terms?.paymentDiscountToleranceDate ?? null,
    originalPaymentDiscountPossible: line.terms?.paymentDiscountPossible ?? ZERO,
    sellToCustomerNo: party?.sellToBuyFromNo ?? line.accountNo,
    documentDate: line.documentDate,
    salespersonCode: party?.salespersonPurchaserCode ?? '',
    paymentMethodCode: party?.paymentMethodCode ?? '',
    customerPostingGroup: party?.postingGroup ?? '',
  };
  if (party?.profitLcy !== undefined) customerLedgerEntry.profitLcy = party.profitLcy;
  const glEntry: GlEntry = {
    accountNo: receivablesAccount,
    amount: line.amountLcy,
    description: line.description,
    genPostingType: '',
    genBusPostingGroup: '',
    genProdPostingGroup: '',
    vatBusPostingGroup: '',
    vatProdPostingGroup: '',
    sourceType: 'customer',
    sourceNo: line.accountNo,
  };
  return { customerLedgerEntry, glEntry };
}
