import { describe, expect, it } from 'vitest';
import type { JournalAccounts, JournalApplicationSetup } from '../../../src/core/journal/journal-accounts.ts';
import type { JournalLine } from '../../../src/core/journal/journal-line.ts';
import { journalPostings } from '../../../src/core/journal/journal-posting.ts';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import type { Posting } from '../../../src/core/posting/posting.ts';
import { domainErrorOf } from '../domain-error-helper.ts';
import { gl, journalAccounts, journalLine, openInvoice } from '../journal/journal-fixture.ts';
import { applicationSetup, domesticGroup } from './application-fixture.ts';

const application = (overrides: Partial<JournalApplicationSetup> = {}): JournalApplicationSetup => ({
  setup: applicationSetup({ customerPostingGroups: new Map([['DOMESTIC', { ...domesticGroup, receivablesAccount: gl.receivables }]]) }),
  currencyPrecisions: new Map([['', dec('0.01')]]), paymentTolerancePercent: dec('1'), maxPaymentToleranceAmount: dec('5'),
  ...overrides,
});
const facts = { sourceCode: 'CASHRECJNL', userId: 'ANNA' };
const post = (lines: JournalLine[], accounts: JournalAccounts, choices = {}) => journalPostings(lines, accounts, { ...facts, choices });
const payment = (amount: string, overrides: Partial<JournalLine> = {}) => journalLine({
  documentType: 'payment', documentNo: 'P-1', accountType: 'customer', accountNo: 'C10', amount: dec(amount), balAccountType: 'bankAccount', balAccountNo: 'GIRO', ...overrides,
});
const glRows = (posting: Posting) => posting.entries.glEntries.map((entry) => [entry.accountNo, entry.amount.toFixed(2)]);

describe('journal lines apply through the engine', () => {
  it('a discount: one receivables entry for the line (Cr 1000.00), Dr payment discount 50.00, Dr bank 950.00', () => {
    const invoice = openInvoice(17, 'PI-20', '1000', {
      customerPostingGroup: 'DOMESTIC', paymentDiscountDate: '2026-03-09', originalPaymentDiscountPossible: dec('50'), remainingPaymentDiscountPossible: dec('50'),
    });
    const [posting] = post([payment('-950', { appliesToDocNo: 'PI-20' })], journalAccounts({ openCustomerEntries: [invoice], application: application() }));
    expect(glRows(posting!)).toEqual([[gl.receivables, '-1000.00'], ['7910', '50.00'], [gl.bank, '950.00']]);
    expect(sum(posting!.entries.glEntries.map((entry) => entry.amount)).isZero()).toBe(true);
    expect(posting!.customerApplications[0]!.adjustments!.map((entry) => entry.entryType)).toEqual(['paymentDiscount']);
  });

  it('Applies-to ID: the marked entries by due date with their Amount to Apply; a mark is used up by the line that applies it', () => {
    const marked = [
      openInvoice(21, 'PI-21', '300', { appliesToId: 'P-1', amountToApply: dec('100'), dueDate: '2026-03-20' }),
      openInvoice(22, 'PI-22', '500', { appliesToId: 'P-1', dueDate: '2026-03-10' }),
      openInvoice(23, 'PI-23', '700'),
    ];
    const accounts = journalAccounts({ openCustomerEntries: marked });
    const [first] = post([payment('-800', { appliesToId: 'P-1' })], accounts);
    expect(first!.customerApplications.map((plan) => [plan.applied.entry, plan.applied.amount.toFixed(2)])).toEqual([
      [{ entryNo: 22 }, '-500.00'], [{ entryNo: 21 }, '-100.00'],
    ]);
    expect(first!.customerApplications.at(-1)!.applying.remainingAmount.toFixed(2)).toBe('-200.00');
    const error = domainErrorOf(() => post([payment('-800', { appliesToId: 'P-1' }), payment('-5', { documentNo: 'P-2', appliesToId: 'P-1' })], accounts));
    expect([error.code, error.field]).toEqual(['JOURNAL_APPLICATION_NOT_SUPPORTED', 'lines.1.appliesToId']);
  });

  it('apply to oldest for such a customer when the line names nothing; a manual customer applies nothing', () => {
    const open = [openInvoice(31, 'PI-31', '300', { dueDate: '2026-03-20' }), openInvoice(32, 'PI-32', '300', { dueDate: '2026-03-02' })];
    const oldestCustomer = journalAccounts({ openCustomerEntries: open });
    (oldestCustomer.customers.get('C10') as { applicationMethod?: string }).applicationMethod = 'applyToOldest';
    const [posting] = post([payment('-400')], oldestCustomer);
    expect(posting!.customerApplications.map((plan) => [plan.applied.entry, plan.applied.remainingAmount.toFixed(2)])).toEqual([
      [{ entryNo: 32 }, '0.00'], [{ entryNo: 31 }, '200.00'],
    ]);
    expect(post([payment('-400')], journalAccounts({ openCustomerEntries: open }))[0]!.customerApplications).toEqual([]);
  });

  it('an invoice line gets its Max. Payment Tolerance (1 %, max 5.00), none with Block Payment Tolerance; a payment line none', () => {
    const invoiceLine = journalLine({
      documentType: 'invoice', documentNo: 'JI-1', accountType: 'customer', accountNo: 'C10', amount: dec('300'), balAccountType: 'glAccount', balAccountNo: gl.rent,
    });
    const accounts = journalAccounts({ application: application() });
    expect(post([invoiceLine], accounts)[0]!.entries.customerLedgerEntries[0]!.maxPaymentTolerance!.toFixed(2)).toBe('3.00');
    expect(post([payment('-300')], accounts)[0]!.entries.customerLedgerEntries[0]!.maxPaymentTolerance!.isZero()).toBe(true);
    (accounts.customers.get('C10') as { blockPaymentTolerance?: boolean }).blockPaymentTolerance = true;
    expect(post([invoiceLine], accounts)[0]!.entries.customerLedgerEntries[0]!.maxPaymentTolerance!.isZero()).toBe(true);
  });

  it('the tolerance answer of the request decides when the warning is on', () => {
    const setup = application({ setup: { ...application().setup, paymentToleranceWarning: true } });
    const accounts = () => journalAccounts({ openCustomerEntries: [openInvoice(41, 'PI-41', '1000', { maxPaymentTolerance: dec('5') })], application: setup });
    const remaining = (choices: object) => post([payment('-996', { appliesToDocNo: 'PI-41' })], accounts(), choices)[0]!.customerApplications[0]!.applied.remainingAmount.toFixed(2);
    expect(remaining({ acceptPaymentTolerance: true })).toBe('0.00');
    expect(remaining({ acceptPaymentTolerance: false })).toBe('4.00');
    expect(remaining({})).toBe('4.00');
  });
});
