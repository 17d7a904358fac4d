import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journalLineFromInput } from '../../../src/core/journal/journal-line-input.ts';
import type { JournalAccountType, JournalLine } from '../../../src/core/journal/journal-line.ts';
import { journalPostings, journalTransactions } from '../../../src/core/journal/journal-posting.ts';
import { ONE, dec, sum } from '../../../src/core/money/decimal.ts';
import { glBalance } from '../../../src/core/posting/assert-balanced.ts';
import type { Posting } from '../../../src/core/posting/posting.ts';
import { domainErrorOf } from '../domain-error-helper.ts';
import { gl, journalAccounts, journalLine, openInvoice } from './journal-fixture.ts';

const facts = { sourceCode: 'GENJNL', userId: 'ANNA' };
const post = (lines: JournalLine[], accounts = journalAccounts()) => journalPostings(lines, accounts, facts);
const glRows = (posting: Posting) => posting.entries.glEntries.map((entry) => [entry.accountNo, entry.amount.toFixed(2)]);

describe('journalPostings: one posting per transaction', () => {
  it('posts a G/L line against a G/L balancing account: two G/L entries that balance', () => {
    const [posting, ...more] = post([journalLine({ amount: dec('250'), balAccountType: 'glAccount', balAccountNo: gl.cash, externalDocumentNo: 'R-7' })]);
    expect(more).toEqual([]);
    expect(posting!.facts).toEqual({
      postingDate: '2026-03-08', sourceCode: 'GENJNL', userId: 'ANNA',
      document: { documentType: '', documentNo: 'G00001', externalDocumentNo: 'R-7', description: 'Rent' },
    });
    expect(glRows(posting!)).toEqual([[gl.rent, '250.00'], [gl.cash, '-250.00']]);
    expect(posting!.entries.glEntries.every((entry) => entry.document?.documentNo === 'G00001' && entry.sourceType === '')).toBe(true);
    expect(posting!.entries.customerLedgerEntries).toEqual([]);
    expect(posting!.items).toBeNull();
    expect(posting!.customerApplications).toEqual([]);
  });

  it('posts a customer payment balanced on a bank account (spec §20.2): customer entry, bank entry, Dr bank Cr receivables', () => {
    const [posting] = post([journalLine({
      documentType: 'payment', documentNo: 'P-1', accountType: 'customer', accountNo: 'C10', amount: dec('-950'), description: 'Payment C10',
      balAccountType: 'bankAccount', balAccountNo: 'GIRO',
    })]);
    const { customerLedgerEntries, bankAccountLedgerEntries, vendorLedgerEntries } = posting!.entries;
    expect(customerLedgerEntries).toHaveLength(1);
    expect(customerLedgerEntries[0]).toMatchObject({
      customerNo: 'C10', documentType: 'payment', currencyCode: '', customerPostingGroup: 'DOMESTIC', salespersonCode: 'JO', dueDate: '2026-03-08',
      document: { documentType: 'payment', documentNo: 'P-1' },
    });
    expect(customerLedgerEntries[0]!.amount.toFixed(2)).toBe('-950.00');
    expect(customerLedgerEntries[0]!.salesLcy.isZero()).toBe(true);
    expect(bankAccountLedgerEntries).toHaveLength(1);
    expect(bankAccountLedgerEntries![0]).toMatchObject({ bankAccountNo: 'GIRO', currencyCode: '', balAccountType: 'customer', balAccountNo: 'C10' });
    expect(bankAccountLedgerEntries![0]!.amount.toFixed(2)).toBe('950.00');
    expect(vendorLedgerEntries).toEqual([]);
    expect(glRows(posting!)).toEqual([[gl.receivables, '-950.00'], [gl.bank, '950.00']]);
    expect(posting!.entries.glEntries.map((entry) => [entry.sourceType, entry.sourceNo])).toEqual([['customer', 'C10'], ['bankAccount', 'GIRO']]);
  });

  it('posts a vendor payment from the bank: vendor entry positive, Dr payables Cr bank', () => {
    const [posting] = post([journalLine({
      documentType: 'payment', documentNo: 'VP-1', accountType: 'vendor', accountNo: 'V20', amount: dec('500'),
      balAccountType: 'bankAccount', balAccountNo: 'GIRO',
    })]);
    expect(posting!.entries.vendorLedgerEntries).toHaveLength(1);
    expect(posting!.entries.vendorLedgerEntries![0]).toMatchObject({
      vendorNo: 'V20', buyFromVendorNo: 'V20', documentType: 'payment', vendorPostingGroup: 'DOMESTIC', purchaserCode: 'PU',
    });
    expect(posting!.entries.vendorLedgerEntries![0]!.amount.toFixed(2)).toBe('500.00');
    expect(posting!.entries.bankAccountLedgerEntries![0]!.amount.toFixed(2)).toBe('-500.00');
    expect(glRows(posting!)).toEqual([[gl.payables, '500.00'], [gl.bank, '-500.00']]);
  });

  it('groups consecutive lines with the same posting date and document no. into one transaction, as BC does', () => {
    const lines = [
      journalLine({ lineNo: 1, accountNo: gl.rent, amount: dec('100') }),
      journalLine({ lineNo: 2, accountNo: gl.office, amount: dec('50') }),
      journalLine({ lineNo: 3, accountNo: gl.cash, amount: dec('-150') }),
      journalLine({ lineNo: 4, documentNo: 'G00002', amount: dec('20'), balAccountType: 'glAccount', balAccountNo: gl.cash }),
      journalLine({ lineNo: 5, documentNo: 'G00002', postingDate: '2026-03-09', amount: dec('30'), balAccountType: 'glAccount', balAccountNo: gl.cash }),
      journalLine({ lineNo: 6, documentNo: 'G00001', amount: dec('40'), balAccountType: 'glAccount', balAccountNo: gl.cash }),
    ];
    expect(journalTransactions(lines).map((group) => group.map((entry) => entry.index))).toEqual([[0, 1, 2], [3], [4], [5]]);
    const postings = post(lines);
    expect(postings.map((posting) => [posting.facts.postingDate, posting.facts.document.documentNo])).toEqual([
      ['2026-03-08', 'G00001'], ['2026-03-08', 'G00002'], ['2026-03-09', 'G00002'], ['2026-03-08', 'G00001'],
    ]);
    expect(glRows(postings[0]!)).toEqual([[gl.rent, '100.00'], [gl.office, '50.00'], [gl.cash, '-150.00']]);
  });

  it('refuses a transaction that does not balance, naming the document and the difference', () => {
    const error = domainErrorOf(() => post([
      journalLine({ accountNo: gl.rent, amount: dec('100') }),
      journalLine({ accountNo: gl.cash, amount: dec('-99.99') }),
      journalLine({ documentNo: 'G00002', accountNo: gl.cash, amount: dec('5'), balAccountType: 'glAccount', balAccountNo: gl.office }),
    ]));
    expect(error.code).toBe('JOURNAL_NOT_BALANCED');
    expect(error.params).toMatchObject({ documentNo: 'G00001', postingDate: '2026-03-08', difference: '0.01' });
    expect(error.field).toBe('lines.1.amount');
    expect(error.message).toContain('Document G00001 of 2026-03-08 does not balance');
  });

  it('posts a line in a currency: Amount (LCY) = Amount / factor rounded; a bank account in that currency keeps the currency amount', () => {
    const input = {
      postingDate: '2026-03-08', documentType: 'payment' as const, documentNo: 'P-USD', accountType: 'customer' as const, accountNo: 'C10',
      currencyCode: 'USD', amount: '-110.01', balAccountType: 'bankAccount' as const, balAccountNo: 'USD',
    };
    const line = journalLineFromInput(input, 0, { currencyFactor: dec('1.1'), lcyAmountPrecision: dec('0.01'), amountPrecision: dec('0.01') });
    expect(line.amountLcy.toFixed(2)).toBe('-100.01');
    const [posting] = post([line]);
    expect(posting!.entries.customerLedgerEntries[0]).toMatchObject({ currencyCode: 'USD' });
    expect(posting!.entries.customerLedgerEntries[0]!.currencyFactor!.toString()).toBe('1.1');
    expect(posting!.entries.bankAccountLedgerEntries![0]).toMatchObject({ currencyCode: 'USD' });
    expect(posting!.entries.bankAccountLedgerEntries![0]!.amount.toFixed(2)).toBe('110.01');
    expect(posting!.entries.bankAccountLedgerEntries![0]!.amountLcy.toFixed(2)).toBe('100.01');
    expect(glRows(posting!)).toEqual([[gl.receivables, '-100.01'], [gl.bankUsd, '100.01']]);
    // A bank account in LCY takes any currency, and records the LCY amount.
    const [inLcyBank] = post([{ ...line, balAccountNo: 'GIRO' }]);
    expect(inLcyBank!.entries.bankAccountLedgerEntries![0]).toMatchObject({ currencyCode: '' });
    expect(inLcyBank!.entries.bankAccountLedgerEntries![0]!.amount.toFixed(2)).toBe('100.01');
  });

  it('keeps Amount (LCY) when the line sends it, and fills in the terms of an invoice-like line', () => {
    const line = journalLineFromInput({
      postingDate: '2026-03-01', documentType: 'invoice', documentNo: 'J-INV', accountType: 'customer', accountNo: 'C10', currencyCode: 'USD',
      currencyFactor: '1.2', amount: '1000', amountLcy: '830', dueDate: '2026-03-31', paymentDiscountDate: '2026-03-09', paymentDiscountPercent: '5',
    }, 3, { currencyFactor: dec('1.2'), lcyAmountPrecision: dec('0.01'), amountPrecision: dec('0.01') });
    expect(line).toMatchObject({ lineNo: 4, documentDate: '2026-03-01', currencyCode: 'USD', terms: { dueDate: '2026-03-31', paymentDiscountDate: '2026-03-09' } });
    expect(line.amountLcy.toFixed(2)).toBe('830.00');
    expect(line.terms!.paymentDiscountPossible.toFixed(2)).toBe('50.00');
    const lcy = journalLineFromInput({ postingDate: '2026-03-01', documentNo: 'X', accountType: 'glAccount', accountNo: gl.rent, amount: '12.5' }, 0,
      { currencyFactor: dec('7'), lcyAmountPrecision: dec('0.01'), amountPrecision: dec('0.01') });
    expect([lcy.currencyFactor.toString(), lcy.amountLcy.toString(), lcy.documentType, lcy.terms]).toEqual(['1', '12.5', '', null]);
  });

  it('refuses by field an Amount (LCY) that no amount column could hold', () => {
    const error = domainErrorOf(() => journalLineFromInput(
      { postingDate: '2026-03-01', documentNo: 'X', accountType: 'glAccount', accountNo: gl.rent, currencyCode: 'USD', amount: '9999999999999999' }, 2,
      { currencyFactor: dec('0.000001'), lcyAmountPrecision: dec('0.01'), amountPrecision: dec('0.01') },
    ));
    expect([error.code, error.field]).toEqual(['INVALID_INPUT', 'lines.2.currencyFactor']);
    expect(error.message).toContain('larger than an amount can be');
  });
});

describe('journalPostings: applies-to', () => {
  const payment = (amount: string, overrides: Partial<JournalLine> = {}) => journalLine({
    documentType: 'payment', documentNo: 'P-1', accountType: 'customer', accountNo: 'C10', amount: dec(amount),
    balAccountType: 'bankAccount', balAccountNo: 'GIRO', appliesToDocType: 'invoice', appliesToDocNo: 'PSI-1', ...overrides,
  });

  it('applies the payment to the open invoice it names: the plan closes both when the amounts match', () => {
    const accounts = journalAccounts({ openCustomerEntries: [openInvoice(17, 'PSI-1', '1000')] });
    const [posting] = post([payment('-1000')], accounts);
    expect(posting!.customerApplications).toHaveLength(1);
    const plan = posting!.customerApplications[0]!;
    expect(plan).toMatchObject({ documentType: 'payment', documentNo: 'P-1' });
    expect(plan.applying).toMatchObject({ entry: { newEntryIndex: 0 }, other: { entryNo: 17 }, open: false });
    expect(plan.applied).toMatchObject({ entry: { entryNo: 17 }, other: { newEntryIndex: 0 }, open: false });
    expect(plan.applied.amount.toFixed(2)).toBe('-1000.00');
    expect(plan.applied.remainingAmount.isZero()).toBe(true);
  });

  it('a second payment in the same journal sees what the first left open', () => {
    const accounts = journalAccounts({ openCustomerEntries: [openInvoice(17, 'PSI-1', '1000')] });
    const postings = post([payment('-600'), payment('-600', { documentNo: 'P-2' })], accounts);
    const [first, second] = postings.map((posting) => posting.customerApplications[0]!);
    expect(first!.applied.remainingAmount.toFixed(2)).toBe('400.00');
    expect(first!.applied.open).toBe(true);
    expect(second!.applied.amount.toFixed(2)).toBe('-400.00');
    expect(second!.applied.open).toBe(false);
    expect(second!.applying.remainingAmount.toFixed(2)).toBe('-200.00');
    // Nothing is left to apply a third payment to.
    const error = domainErrorOf(() => post([payment('-600'), payment('-600', { documentNo: 'P-2' }), payment('-1', { documentNo: 'P-3' })], accounts));
    expect([error.code, error.field]).toEqual(['JOURNAL_APPLIES_TO_NOT_FOUND', 'lines.2.appliesToDocNo']);
  });

  it('applies on the customer side when the customer is the balancing account', () => {
    const accounts = journalAccounts({ openCustomerEntries: [openInvoice(17, 'PSI-1', '300')] });
    const [posting] = post([journalLine({
      documentType: 'payment', documentNo: 'P-9', accountType: 'bankAccount', accountNo: 'GIRO', amount: dec('300'),
      balAccountType: 'customer', balAccountNo: 'C10', appliesToDocType: 'invoice', appliesToDocNo: 'PSI-1',
    })], accounts);
    expect(posting!.entries.customerLedgerEntries[0]!.amount.toFixed(2)).toBe('-300.00');
    expect(posting!.customerApplications[0]!.applied.open).toBe(false);
  });

  it('applies a vendor payment to the open vendor invoice it names, on the payables account (BC ApplyVendLedgEntry)', () => {
    const vendorInvoice = openInvoice(21, 'PPI-1', '-400', { customerNo: 'V20' });
    const accounts = journalAccounts({ openVendorEntries: [vendorInvoice, openInvoice(22, 'PPI-2', '-50', { customerNo: 'V20' })] });
    const [posting] = post([payment('250', { accountType: 'vendor', accountNo: 'V20', appliesToDocNo: 'PPI-1' })], accounts);
    expect(posting!.customerApplications).toEqual([]);
    const [step] = posting!.vendorApplications!;
    expect(step!.applied).toMatchObject({ entry: { entryNo: 21 }, open: true });
    expect([step!.applied.amount.toFixed(2), step!.applied.remainingAmount.toFixed(2), step!.applying.remainingAmount.toFixed(2)]).toEqual(['250.00', '-150.00', '0.00']);
    expect(glRows(posting!)).toEqual([[gl.payables, '250.00'], [gl.bank, '-250.00']]);
    expect(posting!.entries.glEntries[0]).toMatchObject({ sourceType: 'vendor', sourceNo: 'V20' });
    // A vendor line finds only vendor entries, and only the vendor's own.
    const error = domainErrorOf(() => post([payment('250', { accountType: 'vendor', accountNo: 'V20', appliesToDocNo: 'PSI-1' })],
      journalAccounts({ openCustomerEntries: [openInvoice(17, 'PSI-1', '1000')] })));
    expect([error.code, error.field, error.message]).toEqual(['JOURNAL_APPLIES_TO_NOT_FOUND', 'lines.0.appliesToDocNo', 'Journal line 1: vendor V20 has no open invoice PSI-1 to apply to.']);
  });

  it('refuses an applies-to that finds nothing, a same-sign application, a line without a party and Applies-to ID', () => {
    const accounts = journalAccounts({ openCustomerEntries: [openInvoice(17, 'PSI-1', '1000'), openInvoice(18, 'PSI-2', '500', { customerNo: 'OTHER' })] });
    const cases: Array<[JournalLine, string, string]> = [
      [payment('-10', { appliesToDocNo: 'PSI-9' }), 'JOURNAL_APPLIES_TO_NOT_FOUND', 'lines.0.appliesToDocNo'],
      [payment('-10', { appliesToDocNo: 'PSI-2' }), 'JOURNAL_APPLIES_TO_NOT_FOUND', 'lines.0.appliesToDocNo'],
      [payment('-10', { appliesToDocType: 'creditMemo' }), 'JOURNAL_APPLIES_TO_NOT_FOUND', 'lines.0.appliesToDocNo'],
      [payment('10'), 'APPLICATION_INVALID', 'lines.0.appliesToDocNo'],
      [payment('10', { accountType: 'vendor', accountNo: 'V20' }), 'JOURNAL_APPLIES_TO_NOT_FOUND', 'lines.0.appliesToDocNo'],
      [payment('10', { accountType: 'glAccount', accountNo: gl.rent }), 'INVALID_INPUT', 'lines.0.appliesToDocNo'],
      [payment('-10', { appliesToDocNo: null, appliesToId: 'ANNA' }), 'JOURNAL_APPLICATION_NOT_SUPPORTED', 'lines.0.appliesToId'],
    ];
    for (const [line, code, field] of cases) {
      const error = domainErrorOf(() => post([line], accounts));
      expect([error.code, error.field], JSON.stringify(line.appliesToDocNo)).toEqual([code, field]);
    }
    // Any document type matches when the line names none.
    expect(post([payment('-10', { appliesToDocType: null })], accounts)[0]!.customerApplications).toHaveLength(1);
  });
});

describe('journalPostings: checks, each naming the field', () => {
  const balanced = (overrides: Partial<JournalLine>) => journalLine({ balAccountType: 'glAccount', balAccountNo: gl.cash, ...overrides });
  const cases: Array<[string, JournalLine, string, string]> = [
    ['account no. required', balanced({ accountNo: ' ' }), 'FIELD_REQUIRED', 'lines.1.accountNo'],
    ['document no. required', balanced({ documentNo: '' }), 'FIELD_REQUIRED', 'lines.1.documentNo'],
    ['amount not 0', balanced({ amount: dec('0') }), 'JOURNAL_AMOUNT_ZERO', 'lines.1.amount'],
    ['factor > 0', balanced({ currencyCode: 'USD', currencyFactor: dec('0') }), 'JOURNAL_CURRENCY_FACTOR_INVALID', 'lines.1.currencyFactor'],
    ['factor 1 in LCY', balanced({ currencyFactor: dec('2') }), 'JOURNAL_CURRENCY_FACTOR_INVALID', 'lines.1.currencyFactor'],
    ['LCY amount = amount in LCY', balanced({ amountLcy: dec('99') }), 'INVALID_INPUT', 'lines.1.amountLcy'],
    ['LCY amount sign', balanced({ currencyCode: 'USD', currencyFactor: dec('1.1'), amountLcy: dec('-1') }), 'INVALID_INPUT', 'lines.1.amountLcy'],
    ['bal. account no. needs a type', journalLine({ balAccountNo: gl.cash }), 'JOURNAL_BALANCING_ACCOUNT_INVALID', 'lines.1.balAccountType'],
    ['bal. account type needs a no.', journalLine({ balAccountType: 'glAccount' }), 'JOURNAL_BALANCING_ACCOUNT_INVALID', 'lines.1.balAccountNo'],
    ['bal. account is not the account', balanced({ balAccountNo: gl.rent }), 'JOURNAL_BALANCING_ACCOUNT_INVALID', 'lines.1.balAccountNo'],
    ['unknown G/L account', balanced({ accountNo: '9999' }), 'RELATED_RECORD_NOT_FOUND', 'lines.1.accountNo'],
    ['unknown bal. account', balanced({ balAccountNo: '9999' }), 'RELATED_RECORD_NOT_FOUND', 'lines.1.balAccountNo'],
    ['heading account', balanced({ accountNo: gl.heading }), 'ACCOUNT_NOT_POSTING', 'lines.1.accountNo'],
    ['blocked account', balanced({ balAccountNo: gl.blocked }), 'ACCOUNT_BLOCKED', 'lines.1.balAccountNo'],
    ['direct posting', balanced({ accountNo: gl.noDirect }), 'DIRECT_POSTING_NOT_ALLOWED', 'lines.1.accountNo'],
    ['customer blocked all', balanced({ accountType: 'customer', accountNo: 'CBLOCK', documentType: 'payment' }), 'CUSTOMER_BLOCKED', 'lines.1.accountNo'],
    ['customer blocked for invoices', balanced({ accountType: 'customer', accountNo: 'CINV', documentType: 'invoice' }), 'CUSTOMER_BLOCKED', 'lines.1.accountNo'],
    ['customer without posting group', balanced({ accountType: 'customer', accountNo: 'CNOGROUP' }), 'POSTING_SETUP_MISSING', 'lines.1.accountNo'],
    ['unknown customer', balanced({ accountType: 'customer', accountNo: 'NOBODY' }), 'RELATED_RECORD_NOT_FOUND', 'lines.1.accountNo'],
    ['vendor blocked for payments', balanced({ accountType: 'vendor', accountNo: 'VPAY', documentType: 'payment' }), 'VENDOR_BLOCKED', 'lines.1.accountNo'],
    ['bank blocked', balanced({ balAccountType: 'bankAccount', balAccountNo: 'CLOSED' }), 'BANK_ACCOUNT_BLOCKED', 'lines.1.balAccountNo'],
    ['bank currency', balanced({ balAccountType: 'bankAccount', balAccountNo: 'USD' }), 'BANK_ACCOUNT_CURRENCY_MISMATCH', 'lines.1.currencyCode'],
  ];
  it.each(cases)('%s', (_name, line, code, field) => {
    const fine = journalLine({ balAccountType: 'glAccount', balAccountNo: gl.cash });
    const error = domainErrorOf(() => post([fine, line]));
    expect([error.code, error.field]).toEqual([code, field]);
    expect(error.message).not.toContain('undefined');
  });

  it('lets a customer blocked for invoices receive payments, and a vendor blocked for payments take invoices', () => {
    expect(post([journalLine({ accountType: 'customer', accountNo: 'CINV', documentType: 'payment', amount: dec('-5'), balAccountType: 'glAccount', balAccountNo: gl.cash })])).toHaveLength(1);
    expect(post([journalLine({ accountType: 'vendor', accountNo: 'VPAY', documentType: 'invoice', amount: dec('-5'), balAccountType: 'glAccount', balAccountNo: gl.office })])).toHaveLength(1);
  });
});

describe('journalPostings: properties', () => {
  const sides: Array<[JournalAccountType, string]> = [['glAccount', gl.rent], ['glAccount', gl.office], ['customer', 'C10'], ['vendor', 'V20'], ['bankAccount', 'GIRO']];
  const lineArbitrary = fc.record({
    side: fc.constantFrom(...sides),
    balancing: fc.option(fc.constantFrom<[JournalAccountType, string]>(['glAccount', gl.cash], ['bankAccount', 'GIRO'], ['customer', 'C10'])),
    cents: fc.integer({ min: -10_000_000, max: 10_000_000 }).filter((value) => value !== 0),
    factor: fc.option(fc.constantFrom('0.0912', '1.1', '7.4521')),
  });
  // A transaction: some lines, usually closed by a G/L line that takes up their difference.
  const transactionArbitrary = fc.record({ lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 5 }), closed: fc.boolean() });

  const lineOf = (draw: typeof lineArbitrary extends fc.Arbitrary<infer T> ? T : never, documentNo: string): JournalLine => {
    const amount = dec((draw.cents / 100).toFixed(2));
    const currency = draw.factor && draw.side[0] !== 'bankAccount' && draw.balancing?.[0] !== 'bankAccount'
      ? { currencyCode: 'EUR', currencyFactor: dec(draw.factor), amountLcy: amount.div(dec(draw.factor)).toDecimalPlaces(2) }
      : { currencyCode: '', currencyFactor: ONE, amountLcy: amount };
    const balancing = draw.balancing && draw.balancing[1] !== draw.side[1] ? draw.balancing : null;
    return journalLine({
      documentNo, accountType: draw.side[0], accountNo: draw.side[1], amount, ...currency,
      balAccountType: balancing?.[0] ?? null, balAccountNo: balancing?.[1] ?? '',
    });
  };
  const openDifference = (lines: readonly JournalLine[]) => sum(lines.filter((line) => line.balAccountType === null).map((line) => line.amountLcy));

  it('every posting balances and every line posts both its sides; a transaction that does not balance is refused', () => {
    let posted = 0;
    fc.assert(fc.property(fc.array(transactionArbitrary, { minLength: 1, maxLength: 5 }), (drawn) => {
      const lines = drawn.flatMap((transaction, number) => {
        const own = transaction.lines.map((draw) => lineOf(draw, `D${number}`)).filter((line) => !line.amountLcy.isZero());
        const difference = openDifference(own);
        return transaction.closed && !difference.isZero() ? [...own, journalLine({ documentNo: `D${number}`, accountNo: gl.cash, amount: difference.negated() })] : own;
      }).map((line, index) => ({ ...line, lineNo: index + 1 }));
      if (lines.length === 0) return;
      const groups = journalTransactions(lines);
      if (groups.some((group) => !openDifference(group.map(({ line }) => line)).isZero())) {
        expect(domainErrorOf(() => post(lines)).code).toBe('JOURNAL_NOT_BALANCED');
        return;
      }
      const postings = post(lines);
      posted++;
      expect(postings).toHaveLength(groups.length);
      for (const posting of postings) expect(glBalance(posting.entries).isZero()).toBe(true);
      const sideCount = lines.reduce((count, line) => count + (line.balAccountType === null ? 1 : 2), 0);
      expect(postings.reduce((count, posting) => count + posting.entries.glEntries.length, 0)).toBe(sideCount);
    }), { numRuns: 300 });
    // The property must have seen postings, not only refusals.
    expect(posted).toBeGreaterThan(50);
  });
});
