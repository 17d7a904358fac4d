/**
 * A small chart of accounts for journal tests: G/L accounts, a customer, a vendor and two bank
 * accounts (one in LCY, one in USD), and a builder for journal lines defaulted to an LCY line.
 */
import { ONE, dec } from '../../../src/core/money/decimal.ts';
import type { JournalAccounts, JournalGlAccount, OpenCustomerEntry } from '../../../src/core/journal/journal-accounts.ts';
import type { JournalLine } from '../../../src/core/journal/journal-line.ts';

export const gl = {
  receivables: '2310', payables: '5410', bank: '2910', bankUsd: '2920', rent: '8110', cash: '2900', office: '8210',
  heading: '8000', blocked: '8999', noDirect: '2999',
} as const;

const glAccount = (no: string, overrides: Partial<JournalGlAccount> = {}): [string, JournalGlAccount] =>
  [no, { no, accountType: 'posting', blocked: false, directPosting: true, ...overrides }];

export function journalAccounts(overrides: Partial<JournalAccounts> = {}): JournalAccounts {
  return {
    glAccounts: new Map([
      glAccount(gl.receivables, { directPosting: false }), glAccount(gl.payables, { directPosting: false }),
      glAccount(gl.bank, { directPosting: false }), glAccount(gl.bankUsd, { directPosting: false }),
      glAccount(gl.rent), glAccount(gl.cash), glAccount(gl.office),
      glAccount(gl.heading, { accountType: 'heading' }), glAccount(gl.blocked, { blocked: true }), glAccount(gl.noDirect, { directPosting: false }),
    ]),
    customers: new Map([
      ['C10', { no: 'C10', blocked: 'none', postingGroup: 'DOMESTIC', receivablesAccount: gl.receivables, salespersonCode: 'JO' }],
      ['CBLOCK', { no: 'CBLOCK', blocked: 'all', postingGroup: 'DOMESTIC', receivablesAccount: gl.receivables, salespersonCode: '' }],
      ['CINV', { no: 'CINV', blocked: 'invoice', postingGroup: 'DOMESTIC', receivablesAccount: gl.receivables, salespersonCode: '' }],
      ['CNOGROUP', { no: 'CNOGROUP', blocked: 'none', postingGroup: '', receivablesAccount: '', salespersonCode: '' }],
    ]),
    vendors: new Map([
      ['V20', { no: 'V20', blocked: 'none', postingGroup: 'DOMESTIC', payablesAccount: gl.payables, purchaserCode: 'PU' }],
      ['VPAY', { no: 'VPAY', blocked: 'payment', postingGroup: 'DOMESTIC', payablesAccount: gl.payables, purchaserCode: '' }],
    ]),
    bankAccounts: new Map([
      ['GIRO', { no: 'GIRO', blocked: false, currencyCode: '', postingGroup: 'CHECKING', glAccountNo: gl.bank }],
      ['USD', { no: 'USD', blocked: false, currencyCode: 'USD', postingGroup: 'FOREIGN', glAccountNo: gl.bankUsd }],
      ['CLOSED', { no: 'CLOSED', blocked: true, currencyCode: '', postingGroup: 'CHECKING', glAccountNo: gl.bank }],
    ]),
    openCustomerEntries: [],
    ...overrides,
  };
}

export function journalLine(overrides: Partial<JournalLine> = {}): JournalLine {
  const amount = overrides.amount ?? dec('100');
  return {
    lineNo: 1, postingDate: '2026-03-08', documentType: '', documentNo: 'G00001', externalDocumentNo: '', documentDate: '2026-03-08',
    accountType: 'glAccount', accountNo: gl.rent, description: 'Rent', currencyCode: '', currencyFactor: ONE,
    amount, amountLcy: amount, balAccountType: null, balAccountNo: '', appliesToDocType: null, appliesToDocNo: null,
    genPostingType: '', genBusPostingGroup: '', genProdPostingGroup: '', vatBusPostingGroup: '', vatProdPostingGroup: '',
    terms: null, party: null,
    ...overrides,
  };
}

/** An open invoice entry of a customer, as the shell loads it. */
export function openInvoice(entryNo: number, documentNo: string, amount: string, overrides: Partial<OpenCustomerEntry> = {}): OpenCustomerEntry {
  return {
    entryNo, newEntryIndex: null, customerNo: 'C10', currencyCode: '', documentType: 'invoice', documentNo,
    amount: dec(amount), amountLcy: dec(amount), remainingAmount: dec(amount), remainingAmountLcy: dec(amount), open: true,
    ...overrides,
  };
}
