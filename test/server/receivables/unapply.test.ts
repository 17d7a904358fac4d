import { asc } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { detailedCustomerLedgerEntry, glRegister, vatEntry } from '../../../src/server/db/schema/index.ts';
import type { TestApi } from '../../support/api.ts';
import {
  assertLedgerConsistent, entryOf, givenReceivablesCompany, glBalances, paymentLine, postedInvoice, postJournal, type Send,
} from './receivables-fixture.ts';

let api: TestApi;
let send: Send;
afterEach(() => api?.close());

const unapply = (entryNo: number, body?: unknown) => send('POST', `/api/v1/customerLedgerEntries/${entryNo}/unapply`, body);

async function posted(lines: Record<string, unknown>[], options: Record<string, unknown> = {}): Promise<void> {
  const response = await postJournal(send, lines, options);
  expect(response.statusCode, response.body).toBe(201);
}

describe('POST /api/v1/customerLedgerEntries/{entryNo}/unapply', () => {
  it('undoes worked example 13 with Adjust for Payment Discount: entries reopen, discount, VAT and G/L reversed, detailed entries flagged', async () => {
    ({ api, send } = await givenReceivablesCompany('2026-03-08'));
    await send('PATCH', '/api/v1/generalLedgerSetup', { adjustForPaymentDiscount: true });
    const setups = (await send('GET', '/api/v1/vatPostingSetups')).json().items;
    await send('PATCH', `/api/v1/vatPostingSetups/${setups[0].id}`, { adjustForPaymentDiscount: true });
    const invoiceNo = await postedInvoice(send);
    await posted([paymentLine({ amount: '-950' })]);
    // The books with the payment posted but not applied: what unapply must come back to.
    const unapplied = await glBalances(api);
    const invoice = await entryOf(api, invoiceNo);
    await unapply((await entryOf(api, 'PAY-1')).entryNo).then((response) => expect(response.json().code).toBe('NOTHING_TO_UNAPPLY'));
    const { entryNo: secondPayment } = await reapply(invoiceNo);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ open: false, pmtDiscGivenLcy: '50.00' });
    const response = await unapply(invoice.entryNo);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ postingDate: '2026-03-08', documentNo: 'PAY-2' });
    expect(result.customerLedgerEntries).toEqual(expect.arrayContaining([
      { entryNo: invoice.entryNo, remainingAmount: '1000.00', remainingAmountLcy: '1000.00', open: true },
      { entryNo: secondPayment, remainingAmount: '-950.00', remainingAmountLcy: '-950.00', open: true },
    ]));
    expect(await entryOf(api, invoiceNo)).toMatchObject({
      remainingAmount: '1000.00', open: true, closedByEntryNo: null, closedAtDate: null, remainingPaymentDiscountPossible: '50.00', pmtDiscGivenLcy: '0.00',
    });
    const withSecond = { ...unapplied, 1300: '-900.00', 2910: '1900.00' };
    expect(await glBalances(api)).toEqual(withSecond);
    const details = await api.db.select().from(detailedCustomerLedgerEntry).orderBy(asc(detailedCustomerLedgerEntry.entryNo));
    const undone = details.filter((row) => row.transactionNo === result.unappliedTransactionNo && row.entryType !== 'initialEntry');
    const reversals = details.filter((row) => row.transactionNo === result.transactionNo);
    expect(undone.map((row) => row.entryType)).toEqual(['paymentDiscountVatExcl', 'paymentDiscountVatAdjustment', 'paymentDiscount', 'application', 'application']);
    expect(undone.every((row) => row.unapplied && reversals.some((reversal) => reversal.entryNo === row.unappliedByEntryNo))).toBe(true);
    expect(reversals.map((row) => [row.entryType, row.amount, row.amountLcy, row.unapplied])).toEqual(undone.map((row) => [
      row.entryType, (-Number(row.amount)).toFixed(2), (-Number(row.amountLcy)).toFixed(2), true,
    ]));
    const vat = (await api.db.select().from(vatEntry)).filter((row) => row.transactionNo === result.transactionNo);
    expect(vat.map((row) => [row.base, row.amount])).toEqual([['-40.00', '-10.00']]);
    const [register] = (await api.db.select().from(glRegister)).filter((row) => row.no === result.transactionNo);
    expect(register).toMatchObject({ sourceCode: 'UNAPPSALES', documentNo: 'PAY-2' });
    await assertLedgerConsistent(api);
  });

  it('reverses payment tolerance and a realized gain on their accounts, and the entries can be applied again', async () => {
    ({ api, send } = await givenReceivablesCompany('2026-03-08'));
    await send('PATCH', '/api/v1/generalLedgerSetup', { paymentTolerancePercent: '1', maxPaymentToleranceAmount: '5' });
    await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: '14D' });
    const invoiceNo = await postedInvoice(send);
    const before = await glBalances(api);
    await posted([paymentLine({ amount: '-996', appliesToDocNo: invoiceNo })]);
    expect((await glBalances(api))['7920']).toBe('4.00');
    expect((await unapply((await entryOf(api, 'PAY-1')).entryNo)).statusCode).toBe(201);
    expect(await glBalances(api)).toEqual({ ...before, 1300: '4.00', 2910: '996.00' });
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '1000.00', open: true, acceptedPaymentTolerance: '0.00' });
    const usd = { currencyCode: 'USD', accountNo: 'C', accountType: 'customer', postingDate: '2026-03-01', documentType: 'invoice', currencyFactor: '1.1', balAccountType: 'glAccount', balAccountNo: '8000' };
    await posted([{ ...usd, documentNo: 'JI-1', amount: '110' }]);
    await posted([paymentLine({ documentNo: 'PAY-USD', currencyCode: 'USD', currencyFactor: '1', amount: '-110', appliesToDocNo: 'JI-1' })]);
    expect((await glBalances(api))['9310']).toBe('-10.00');
    expect((await unapply((await entryOf(api, 'JI-1')).entryNo, { postingDate: '2026-03-09' })).statusCode).toBe(201);
    expect((await glBalances(api))['9310']).toBeUndefined();
    expect(await entryOf(api, 'PAY-USD')).toMatchObject({ remainingAmount: '-110.00', remainingAmountLcy: '-110.00', open: true });
    expect(await entryOf(api, 'JI-1')).toMatchObject({ remainingAmount: '110.00', remainingAmountLcy: '100.00', open: true });
    await posted([paymentLine({ documentNo: 'PAY-3', postingDate: '2026-03-09', amount: '-1000', appliesToDocNo: invoiceNo })]);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '0.00', open: false });
    await assertLedgerConsistent(api);
  });

  it('refuses while a later application exists, an unknown entry, a posting date not allowed or too early, and without the posting permission', async () => {
    ({ api, send } = await givenReceivablesCompany('2026-03-08'));
    await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: '14D' });
    const invoiceNo = await postedInvoice(send);
    await posted([paymentLine({ amount: '-300', appliesToDocNo: invoiceNo })]);
    await posted([paymentLine({ documentNo: 'PAY-2', postingDate: '2026-03-10', amount: '-200', appliesToDocNo: invoiceNo })]);
    const [first, second] = [await entryOf(api, 'PAY-1'), await entryOf(api, 'PAY-2')];
    const refused = await unapply(first.entryNo);
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'APPLICATION_NOT_LATEST']);
    expect(refused.json().detail).toContain('PAY-2');
    expect((await unapply(99_999)).statusCode).toBe(404);
    expect((await unapply(second.entryNo, { postingDate: '2026-03-09' })).json().code).toBe('UNAPPLY_POSTING_DATE_TOO_EARLY');
    await send('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: '2026-04-01' });
    const notAllowed = await unapply(second.entryNo);
    expect([notAllowed.json().code, notAllowed.json().errors?.[0]?.field]).toEqual(['POSTING_DATE_NOT_ALLOWED', 'postingDate']);
    await send('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: null });
    expect((await api.as('viewer')('POST', `/api/v1/customerLedgerEntries/${second.entryNo}/unapply`)).statusCode).toBe(403);
    expect((await unapply(second.entryNo)).statusCode).toBe(201);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '700.00' });
    expect((await unapply(first.entryNo)).statusCode).toBe(201);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '1000.00', open: true });
    expect((await unapply(first.entryNo)).json().code).toBe('NOTHING_TO_UNAPPLY');
    await assertLedgerConsistent(api);
  });
});

/** A second payment of 950.00 applied to the invoice (the first stays unapplied); the new payment entry. */
async function reapply(invoiceNo: string) {
  await posted([paymentLine({ documentNo: 'PAY-2', amount: '-950', appliesToDocNo: invoiceNo })]);
  return entryOf(api, 'PAY-2');
}
