import { afterEach, describe, expect, it } from 'vitest';
import { generalJournalPost } from '../../../src/core/journal/general-journal.schemas.ts';
import type { Executor } from '../../../src/server/db/connection.ts';
import { customerEntryApplyMark, vatEntry } from '../../../src/server/db/schema/index.ts';
import { postGeneralJournal } from '../../../src/server/journal/general-journal.commands.ts';
import { loadSalesContext } from '../../../src/server/sales/sales-context.ts';
import type { TestApi } from '../../support/api.ts';
import {
  assertLedgerConsistent, detailedRows, entryOf, givenReceivablesCompany, glRows, paymentLine, postedInvoice, postJournal, type Send,
} from './receivables-fixture.ts';

let api: TestApi;
let send: Send;
afterEach(() => api?.close());

async function company() {
  ({ api, send } = await givenReceivablesCompany('2026-03-08'));
}

/** Posts the lines and answers the one transaction's number. */
async function posted(lines: Record<string, unknown>[], options: Record<string, unknown> = {}): Promise<number> {
  const response = await postJournal(send, lines, options);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().transactions.at(-1).transactionNo;
}

describe('worked example 13 over the general journal (spec §20.4)', () => {
  it('950.00 on 2026-03-08 closes PI-20 with the 50.00 discount: Cr receivables 1000, Dr payment discount 50, Dr bank 950', async () => {
    await company();
    const invoiceNo = await postedInvoice(send);
    const invoice = await entryOf(api, invoiceNo);
    expect(invoice).toMatchObject({ amount: '1000.00', paymentDiscountDate: '2026-03-09', originalPaymentDiscountPossible: '50.00', dueDate: '2026-03-31' });
    const transactionNo = await posted([paymentLine({ amount: '-950', appliesToDocType: 'invoice', appliesToDocNo: invoiceNo })]);
    expect(await detailedRows(api, transactionNo)).toEqual([
      ['PAY-1', 'paymentDiscount', '-50.00', '-50.00'], [invoiceNo, 'application', '-1000.00', '-1000.00'], ['PAY-1', 'application', '1000.00', '1000.00'],
    ]);
    expect(await glRows(api, transactionNo)).toEqual([['1300', '-1000.00'], ['7910', '50.00'], ['2910', '950.00']]);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '0.00', open: false, remainingPaymentDiscountPossible: '0.00', pmtDiscGivenLcy: '50.00', closedAtDate: '2026-03-08' });
    expect(await entryOf(api, 'PAY-1')).toMatchObject({ remainingAmount: '0.00', open: false });
    await assertLedgerConsistent(api);
  });

  it('with Adjust for Payment Discount: Dr sales payment discount 40.00 and Dr sales VAT 10.00, a VAT entry of base 40.00 and VAT 10.00', async () => {
    await company();
    await send('PATCH', '/api/v1/generalLedgerSetup', { adjustForPaymentDiscount: true });
    const setups = (await send('GET', '/api/v1/vatPostingSetups')).json().items;
    await send('PATCH', `/api/v1/vatPostingSetups/${setups.find((row: { vatProdPostingGroup: string }) => row.vatProdPostingGroup === 'VAT25').id}`, { adjustForPaymentDiscount: true });
    const invoiceNo = await postedInvoice(send);
    const transactionNo = await posted([paymentLine({ amount: '-950', appliesToDocNo: invoiceNo })]);
    expect(await glRows(api, transactionNo)).toEqual([['1300', '-1000.00'], ['7930', '40.00'], ['2310', '10.00'], ['2910', '950.00']]);
    const vat = (await api.db.select().from(vatEntry)).filter((row) => row.transactionNo === transactionNo);
    expect(vat.map((row) => [row.type, row.base, row.amount, row.vatIdentifier, row.documentNo])).toEqual([['sale', '40.00', '10.00', 'VAT25', 'PAY-1']]);
    expect((await detailedRows(api, transactionNo)).slice(0, 3)).toEqual([
      ['PAY-1', 'paymentDiscountVatExcl', '0.00', '-40.00'], ['PAY-1', 'paymentDiscountVatAdjustment', '0.00', '-10.00'], ['PAY-1', 'paymentDiscount', '-50.00', '0.00'],
    ]);
    await assertLedgerConsistent(api);
  });

  it('no discount after the discount date (50.00 stays open) or when 900 + 50 < 1000 (100.00 stays open)', async () => {
    await company();
    const late = await postedInvoice(send);
    const short = await postedInvoice(send);
    await posted([paymentLine({ postingDate: '2026-03-12', amount: '-950', appliesToDocNo: late })]);
    await posted([paymentLine({ documentNo: 'PAY-2', amount: '-900', appliesToDocNo: short })]);
    expect(await entryOf(api, late)).toMatchObject({ remainingAmount: '50.00', open: true, remainingPaymentDiscountPossible: '50.00' });
    expect(await entryOf(api, short)).toMatchObject({ remainingAmount: '100.00', open: true });
    await assertLedgerConsistent(api);
  });

  it('a late payment within the grace period: accepted grants the discount as payment discount tolerance, declined leaves 50.00', async () => {
    await company();
    await send('PATCH', '/api/v1/generalLedgerSetup', { paymentDiscountGracePeriod: '5D', paymentDiscountToleranceWarning: true });
    const accepted = await postedInvoice(send);
    const declined = await postedInvoice(send);
    expect(await entryOf(api, accepted)).toMatchObject({ paymentDiscountToleranceDate: '2026-03-14' });
    const transactionNo = await posted([paymentLine({ postingDate: '2026-03-12', amount: '-950', appliesToDocNo: accepted })], { acceptPaymentDiscountTolerance: true });
    expect((await detailedRows(api, transactionNo))[0]).toEqual(['PAY-1', 'paymentDiscountTolerance', '-50.00', '-50.00']);
    expect(await entryOf(api, accepted)).toMatchObject({ open: false, acceptedPmtDiscTolerance: true });
    await posted([paymentLine({ postingDate: '2026-03-12', documentNo: 'PAY-2', amount: '-950', appliesToDocNo: declined })], { acceptPaymentDiscountTolerance: false });
    expect(await entryOf(api, declined)).toMatchObject({ remainingAmount: '50.00', open: true, acceptedPmtDiscTolerance: false });
    await assertLedgerConsistent(api);
  });
});

describe('payment tolerance (spec §20.5): 1 %, max 5.00', () => {
  async function toleranceCompany(warning = false) {
    await company();
    await send('PATCH', '/api/v1/generalLedgerSetup', { paymentTolerancePercent: '1', maxPaymentToleranceAmount: '5', paymentToleranceWarning: warning });
    await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: '14D' });
  }

  it('an invoice gets Max. Payment Tolerance 5.00; 996.00 closes it with 4.00 (Dr 7920), 994.00 leaves 6.00, 1004.00 closes both (Cr 7921)', async () => {
    await toleranceCompany();
    const [under, over, beyond] = [await postedInvoice(send), await postedInvoice(send), await postedInvoice(send)];
    expect(await entryOf(api, under)).toMatchObject({ maxPaymentTolerance: '5.00' });
    const first = await posted([paymentLine({ amount: '-996', appliesToDocNo: under })]);
    expect(await glRows(api, first)).toEqual([['1300', '-1000.00'], ['7920', '4.00'], ['2910', '996.00']]);
    expect(await entryOf(api, under)).toMatchObject({ open: false, acceptedPaymentTolerance: '4.00' });
    const second = await posted([paymentLine({ documentNo: 'PAY-2', amount: '-1004', appliesToDocNo: over })]);
    expect(await glRows(api, second)).toEqual([['1300', '-1000.00'], ['7921', '-4.00'], ['2910', '1004.00']]);
    expect(await entryOf(api, 'PAY-2')).toMatchObject({ remainingAmount: '0.00', open: false });
    await posted([paymentLine({ documentNo: 'PAY-3', amount: '-994', appliesToDocNo: beyond })]);
    expect(await entryOf(api, beyond)).toMatchObject({ remainingAmount: '6.00', open: true });
    await assertLedgerConsistent(api);
  });

  it('with the warning on: accepted posts the tolerance, declined or not answered leaves the balance (never refused)', async () => {
    await toleranceCompany(true);
    const [accepted, declined, unanswered] = [await postedInvoice(send), await postedInvoice(send), await postedInvoice(send)];
    await posted([paymentLine({ amount: '-996', appliesToDocNo: accepted })], { acceptPaymentTolerance: true });
    await posted([paymentLine({ documentNo: 'PAY-2', amount: '-996', appliesToDocNo: declined })], { acceptPaymentTolerance: false });
    await posted([paymentLine({ documentNo: 'PAY-3', amount: '-996', appliesToDocNo: unanswered })]);
    expect((await entryOf(api, accepted)).open).toBe(false);
    expect((await entryOf(api, declined)).remainingAmount).toBe('4.00');
    expect((await entryOf(api, unanswered)).remainingAmount).toBe('4.00');
    await assertLedgerConsistent(api);
  });
});

describe('partial payments, overpayments, several invoices, apply to oldest', () => {
  it('a partial payment leaves the invoice open; an overpayment leaves the payment open with the excess', async () => {
    await company();
    await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: '14D' });
    const [first, second] = [await postedInvoice(send), await postedInvoice(send)];
    await posted([paymentLine({ amount: '-400', appliesToDocNo: first })]);
    await posted([paymentLine({ documentNo: 'PAY-2', amount: '-1250', appliesToDocNo: second })]);
    expect(await entryOf(api, first)).toMatchObject({ remainingAmount: '600.00', open: true });
    expect(await entryOf(api, 'PAY-1')).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(await entryOf(api, second)).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(await entryOf(api, 'PAY-2')).toMatchObject({ remainingAmount: '-250.00', open: true });
    await assertLedgerConsistent(api);
  });

  it('one payment to several invoices by Applies-to ID with an Amount to Apply per entry; the marks are used up', async () => {
    await company();
    await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: '14D' });
    const [first, second, third] = [await postedInvoice(send), await postedInvoice(send, { unitPrice: '400' }), await postedInvoice(send)];
    const marks = [[first, '0'], [second, '200']] as const;
    for (const [documentNo, amountToApply] of marks) {
      await api.db.insert(customerEntryApplyMark).values({ customerLedgerEntryNo: (await entryOf(api, documentNo)).entryNo, appliesToId: 'PAY-1', amountToApply });
    }
    const transactionNo = await posted([paymentLine({ amount: '-1300', appliesToId: 'PAY-1' })]);
    expect(await entryOf(api, first)).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(await entryOf(api, second)).toMatchObject({ remainingAmount: '300.00', open: true });
    expect(await entryOf(api, third)).toMatchObject({ remainingAmount: '1000.00', open: true });
    expect(await entryOf(api, 'PAY-1')).toMatchObject({ remainingAmount: '-100.00', open: true });
    expect((await detailedRows(api, transactionNo)).filter((row) => row[0] !== 'PAY-1')).toEqual([
      [first, 'application', '-1000.00', '-1000.00'], [second, 'application', '-200.00', '-200.00'],
    ]);
    expect(await api.db.select().from(customerEntryApplyMark)).toEqual([]);
    const unmarked = await postJournal(send, [paymentLine({ documentNo: 'PAY-2', amount: '-10', appliesToId: 'NOBODY' })]);
    expect([unmarked.statusCode, unmarked.json().code, unmarked.json().errors?.[0]?.field]).toEqual([422, 'JOURNAL_APPLICATION_NOT_SUPPORTED', 'lines.0.appliesToId']);
    await assertLedgerConsistent(api);
  });

  // Two connections: PGlite has one (its transactions take turns), so this runs on a server only.
  it.skipIf(!process.env.TEST_DATABASE_URL)('a posting that waited for the entries of a posting using up their marks finds the marks gone', async () => {
    await company();
    const invoiceNo = await postedInvoice(send);
    await api.db.insert(customerEntryApplyMark).values({ customerLedgerEntryNo: (await entryOf(api, invoiceNo)).entryNo, appliesToId: 'PAY-1', amountToApply: '300' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let written!: () => void;
    const firstWritten = new Promise<void>((resolve) => { written = resolve; });
    // The first payment applies the marked 300.00 and uses the mark up; it commits only once the second waits for the invoice's entry.
    const first = api.db.transaction(async (tx) => {
      const context = await loadSalesContext(tx as unknown as Executor, '2026-03-08', 'admin');
      await postGeneralJournal(tx as unknown as Executor, generalJournalPost.parse({ lines: [paymentLine({ amount: '-300', appliesToId: 'PAY-1' })] }), context);
      written();
      await held;
    });
    await firstWritten;
    const second = postJournal(send, [paymentLine({ documentNo: 'PAY-2', amount: '-300', appliesToId: 'PAY-1' })]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await first;
    // Reading the mark as it stood before the first payment would apply 300.00 again (400.00 left).
    const refused = await second;
    expect([refused.statusCode, refused.json().code, refused.json().errors?.[0]?.field]).toEqual([422, 'JOURNAL_APPLICATION_NOT_SUPPORTED', 'lines.0.appliesToId']);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '700.00', open: true });
    await assertLedgerConsistent(api);
  });

  it('apply to oldest: a payment without applies-to closes the oldest due invoices first, never one posted after it', async () => {
    await company();
    await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: '14D', applicationMethod: 'applyToOldest' });
    const later = await postedInvoice(send, { postingDate: '2026-03-05' });
    const oldest = await postedInvoice(send, { postingDate: '2026-03-01' });
    const future = await postedInvoice(send, { postingDate: '2026-03-09' });
    await posted([paymentLine({ amount: '-1500' })]);
    expect(await entryOf(api, oldest)).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(await entryOf(api, later)).toMatchObject({ remainingAmount: '500.00', open: true });
    expect(await entryOf(api, future)).toMatchObject({ remainingAmount: '1000.00', open: true });
    expect(await entryOf(api, 'PAY-1')).toMatchObject({ remainingAmount: '0.00', open: false });
    await assertLedgerConsistent(api);
  });
});

describe('realized gains and losses (same currency, different rates)', () => {
  it('USD 110.00 invoiced at 1.1 and paid at 1.0 realizes a gain of 10.00; another paid at 1.25 a loss of 12.00', async () => {
    await company();
    const usd = { currencyCode: 'USD', accountNo: 'C', accountType: 'customer' };
    await posted([{ ...usd, postingDate: '2026-03-01', documentType: 'invoice', documentNo: 'JI-1', amount: '110', currencyFactor: '1.1', balAccountType: 'glAccount', balAccountNo: '8000' }]);
    await posted([{ ...usd, postingDate: '2026-03-01', documentType: 'invoice', documentNo: 'JI-2', amount: '110', currencyFactor: '1.1', balAccountType: 'glAccount', balAccountNo: '8000' }]);
    const gain = await posted([paymentLine({ currencyCode: 'USD', currencyFactor: '1', amount: '-110', appliesToDocNo: 'JI-1' })]);
    expect(await detailedRows(api, gain)).toEqual([['PAY-1', 'realizedGain', '0.00', '10.00'], ['JI-1', 'application', '-110.00', '-100.00'], ['PAY-1', 'application', '110.00', '100.00']]);
    expect(await glRows(api, gain)).toEqual([['1300', '-100.00'], ['9310', '-10.00'], ['2910', '110.00']]);
    const loss = await posted([paymentLine({ documentNo: 'PAY-2', currencyCode: 'USD', currencyFactor: '1.25', amount: '-110', appliesToDocNo: 'JI-2' })]);
    expect(await glRows(api, loss)).toEqual([['1300', '-100.00'], ['9320', '12.00'], ['2910', '88.00']]);
    expect(await entryOf(api, 'JI-2')).toMatchObject({ remainingAmountLcy: '0.00', open: false });
    expect(await entryOf(api, 'PAY-2')).toMatchObject({ remainingAmountLcy: '0.00', open: false });
    await assertLedgerConsistent(api);
  });
});
