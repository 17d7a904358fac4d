/**
 * The checks of a journal line before it posts (BC's Gen. Jnl.-Check Line): the fields every line
 * needs, and the accounts on both of its sides. Errors name the field as `lines.<index>.<field>`,
 * the index being the line's position in the journal. Allowed posting dates are the shell's check.
 */
import { DomainError } from '../errors.ts';
import { ZERO } from '../money/decimal.ts';
import { requireAccount } from '../posting/posting-setup.ts';
import type {
  JournalAccounts, JournalBankAccount, JournalCustomer, JournalGlAccount, JournalVendor,
} from './journal-accounts.ts';
import type { JournalAccountType, JournalLine } from './journal-line.ts';

/** One side of a line: the line itself, or its balancing side (PostBalancingEntry's mirrored line). */
export interface JournalSide {
  line: JournalLine;
  index: number;
  /** Field path of this side's account no.: `lines.3.accountNo` or `lines.3.balAccountNo`. */
  path: string;
  balancing: boolean;
}

export type ResolvedSide =
  | { accountType: 'glAccount' }
  | { accountType: 'customer'; customer: JournalCustomer; receivablesAccount: string }
  | { accountType: 'vendor'; vendor: JournalVendor; payablesAccount: string }
  | { accountType: 'bankAccount'; bank: JournalBankAccount; glAccountNo: string };

export const accountCaptions: Record<JournalAccountType, string> = {
  glAccount: 'G/L Account', customer: 'Customer', vendor: 'Vendor', bankAccount: 'Bank Account',
};

/** The fields every line needs, whatever its accounts (BC's TestField calls of Check Line). */
export function checkLineFields(line: JournalLine, index: number): void {
  const path = `lines.${index}`;
  const required = (field: string, fieldCaption: string) =>
    new DomainError('FIELD_REQUIRED', { field, fieldCaption, documentTypeCaption: `journal line ${line.lineNo}`, action: 'posted' }, `${path}.${field}`);
  if (line.accountNo.trim() === '') throw required('accountNo', 'Account No.');
  if (line.documentNo.trim() === '') throw required('documentNo', 'Document No.');
  if (line.amount.isZero()) throw new DomainError('JOURNAL_AMOUNT_ZERO', { lineNo: line.lineNo, documentNo: line.documentNo }, `${path}.amount`);
  checkCurrency(line, path);
  checkBalancingAccount(line, path);
}

function checkCurrency(line: JournalLine, path: string): void {
  const refuse = (reason: string) => new DomainError('JOURNAL_CURRENCY_FACTOR_INVALID', {
    lineNo: line.lineNo, currencyFactor: line.currencyFactor.toString(), currencyCode: line.currencyCode, reason,
  }, `${path}.currencyFactor`);
  if (line.currencyCode === '') {
    if (!line.currencyFactor.eq(1)) throw refuse('a line in local currency has the factor 1');
    if (!line.amountLcy.eq(line.amount)) {
      throw new DomainError('INVALID_INPUT', { detail: `Journal line ${line.lineNo} is in local currency, so its Amount (LCY) must equal its Amount (${line.amount.toString()})` }, `${path}.amountLcy`);
    }
    return;
  }
  if (!line.currencyFactor.gt(ZERO)) throw refuse(`a currency factor (units of ${line.currencyCode} per 1 LCY) must be greater than 0`);
  if (line.amountLcy.isZero() || line.amountLcy.isNegative() !== line.amount.isNegative()) {
    throw new DomainError('INVALID_INPUT', { detail: `Amount (LCY) ${line.amountLcy.toString()} of journal line ${line.lineNo} must be other than 0 and have the sign of its Amount` }, `${path}.amountLcy`);
  }
}

function checkBalancingAccount(line: JournalLine, path: string): void {
  const refuse = (reason: string, field: string) =>
    new DomainError('JOURNAL_BALANCING_ACCOUNT_INVALID', { lineNo: line.lineNo, reason }, `${path}.${field}`);
  const hasNo = line.balAccountNo.trim() !== '';
  if (line.balAccountType === null && hasNo) throw refuse(`Bal. Account No. ${line.balAccountNo} needs a Bal. Account Type`, 'balAccountType');
  if (line.balAccountType !== null && !hasNo) throw refuse(`Bal. Account Type ${accountCaptions[line.balAccountType]} needs a Bal. Account No.`, 'balAccountNo');
  if (line.balAccountType === line.accountType && line.balAccountNo === line.accountNo) {
    throw refuse(`the line would post to ${accountCaptions[line.accountType]} ${line.accountNo} and balance on the same account`, 'balAccountNo');
  }
}

/** The side's account, checked (exists, not blocked, may be posted to) with the G/L account it posts to. */
export function resolveSide(side: JournalSide, accounts: JournalAccounts): ResolvedSide {
  const { line } = side;
  switch (line.accountType) {
    case 'glAccount':
      checkGlAccount(accounts.glAccounts.get(line.accountNo), line.accountNo, side.path, { direct: true });
      return { accountType: 'glAccount' };
    case 'customer': {
      const customer = existing(accounts.customers.get(line.accountNo), side);
      checkCustomerBlocked(customer, line, side.path);
      const receivablesAccount = postingAccount(accounts, side, customer.postingGroup
        ? `customer posting group '${customer.postingGroup}'` : `customer ${customer.no} (it has no customer posting group)`, 'Receivables Account', customer.receivablesAccount);
      return { accountType: 'customer', customer, receivablesAccount };
    }
    case 'vendor': {
      const vendor = existing(accounts.vendors.get(line.accountNo), side);
      checkVendorBlocked(vendor, line, side.path);
      const payablesAccount = postingAccount(accounts, side, vendor.postingGroup
        ? `vendor posting group '${vendor.postingGroup}'` : `vendor ${vendor.no} (it has no vendor posting group)`, 'Payables Account', vendor.payablesAccount);
      return { accountType: 'vendor', vendor, payablesAccount };
    }
    case 'bankAccount': {
      const bank = existing(accounts.bankAccounts.get(line.accountNo), side);
      if (bank.blocked) throw new DomainError('BANK_ACCOUNT_BLOCKED', { bankAccountNo: bank.no }, side.path);
      if (bank.currencyCode !== '' && bank.currencyCode !== line.currencyCode) {
        throw new DomainError('BANK_ACCOUNT_CURRENCY_MISMATCH', {
          lineNo: line.lineNo, bankAccountNo: bank.no, bankCurrency: bank.currencyCode, lineCurrency: line.currencyCode,
        }, `lines.${side.index}.currencyCode`);
      }
      const glAccountNo = postingAccount(accounts, side, bank.postingGroup
        ? `bank account posting group '${bank.postingGroup}'` : `bank account ${bank.no} (it has no bank account posting group)`, 'G/L Account No.', bank.glAccountNo);
      return { accountType: 'bankAccount', bank, glAccountNo };
    }
  }
}

function existing<T>(record: T | undefined, side: JournalSide): T {
  if (record === undefined) {
    const field = side.balancing ? 'balAccountNo' : 'accountNo';
    throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: accountCaptions[side.line.accountType], value: side.line.accountNo, field }, side.path);
  }
  return record;
}

function checkGlAccount(account: JournalGlAccount | undefined, accountNo: string, path: string, options: { direct: boolean }): void {
  if (account === undefined) {
    throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'G/L Account', value: accountNo, field: path.split('.').pop() }, path);
  }
  if (account.accountType !== 'posting') throw new DomainError('ACCOUNT_NOT_POSTING', { accountNo, field: path }, path);
  if (account.blocked) throw new DomainError('ACCOUNT_BLOCKED', { accountNo }, path);
  // Receivables, payables and bank G/L accounts are posted through their party: direct posting is not needed.
  if (options.direct && !account.directPosting) throw new DomainError('DIRECT_POSTING_NOT_ALLOWED', { accountNo, where: 'a journal line' }, path);
}

/** A posting group's account: set, and a posting account that is not blocked. */
function postingAccount(accounts: JournalAccounts, side: JournalSide, setup: string, field: string, accountNo: string): string {
  requireAccount(accountNo, setup, field, side.path);
  checkGlAccount(accounts.glAccounts.get(accountNo), accountNo, side.path, { direct: false });
  return accountNo;
}

// BC's CheckBlockedCustOnJnls: Blocked All refuses every line, Blocked Invoice refuses invoices and blank documents.
function checkCustomerBlocked(customer: JournalCustomer, line: JournalLine, path: string): void {
  const refused = customer.blocked === 'all' || (customer.blocked === 'invoice' && (line.documentType === 'invoice' || line.documentType === ''));
  if (!refused) return;
  throw new DomainError('CUSTOMER_BLOCKED', {
    actionText: 'post', documentTypeText: `journal line ${line.lineNo} (${line.documentType || 'blank document type'})`, customerNo: customer.no,
    blockedText: customer.blocked === 'all' ? 'all transactions' : 'invoicing',
  }, path);
}

// BC's CheckBlockedVendOnJnls: Blocked All refuses every line, Blocked Payment refuses payments.
function checkVendorBlocked(vendor: JournalVendor, line: JournalLine, path: string): void {
  const refused = vendor.blocked === 'all' || (vendor.blocked === 'payment' && line.documentType === 'payment');
  if (!refused) return;
  throw new DomainError('VENDOR_BLOCKED', {
    documentTypeText: `journal line ${line.lineNo} (${line.documentType || 'blank document type'})`, vendorNo: vendor.no,
    blockedText: vendor.blocked === 'all' ? 'all transactions' : 'payments',
  }, path);
}
