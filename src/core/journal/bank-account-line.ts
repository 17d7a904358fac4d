/**
 * A bank account journal line's entries (BC's Gen. Jnl.-Post Line, PostBankAcc): the bank account
 * ledger entry and the G/L entry on the bank account posting group's G/L account. A bank account
 * in local currency records the line's Amount (LCY), whatever the line's currency; one kept in a
 * currency records the line's amount (the caller has checked the currencies agree).
 */
import type { BankAccountLedgerEntryDraft, GlEntry } from '../posting/entries.ts';
import type { JournalAccountType, JournalLine } from './journal-line.ts';

export function bankAccountLineEntries(
  line: JournalLine,
  bank: { currencyCode: string; glAccountNo: string },
  other: { accountType: JournalAccountType | null; accountNo: string },
): { bankAccountLedgerEntry: BankAccountLedgerEntryDraft; glEntry: GlEntry } {
  const inLcy = bank.currencyCode === '';
  const bankAccountLedgerEntry: BankAccountLedgerEntryDraft = {
    bankAccountNo: line.accountNo,
    currencyCode: bank.currencyCode,
    amount: inLcy ? line.amountLcy : line.amount,
    amountLcy: line.amountLcy,
    balAccountType: other.accountType ?? '',
    balAccountNo: other.accountType === null ? '' : other.accountNo,
  };
  const glEntry: GlEntry = {
    accountNo: bank.glAccountNo,
    amount: line.amountLcy,
    description: line.description,
    genPostingType: '',
    genBusPostingGroup: '',
    genProdPostingGroup: '',
    vatBusPostingGroup: '',
    vatProdPostingGroup: '',
    sourceType: 'bankAccount',
    sourceNo: line.accountNo,
  };
  return { bankAccountLedgerEntry, glEntry };
}
