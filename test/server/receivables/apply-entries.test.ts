import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api.ts';
import {
  assertLedgerConsistent, detailedRows, entryOf, givenReceivablesCompany, glRows, paymentLine, postedInvoice, postJournal, type Send,
} from './receivables-fixture.ts';

// Apply Entries → Post Application on posted entries (spec §20.2 item 3), and Applies-to ID marks (item 1).
let api: TestApi;
let send: Send;
beforeEach(async () => ({ api, send } = await givenReceivablesCompany('2026-03-08')));
afterEach(() => api.close());

async function unappliedPayment(amount: string, documentNo = 'PAY-1', postingDate = '2026-03-08') {
  const posted = await postJournal(send, [paymentLine({ amount, documentNo, postingDate })]);
  expect(posted.statusCode, posted.body).toBe(201);
  return entryOf(api, documentNo);
}

describe('POST /api/v1/customerLedgerEntries/{entryNo}/apply', () => {
  it('applies a payment posted earlier to an invoice with the payment discount it earns, on the latest posting date of the two', async () => {
    const invoiceNo = await postedInvoice(send);
    const payment = await unappliedPayment('-950.00');
    const invoice = await entryOf(api, invoiceNo);
    const response = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/apply`, { appliedEntries: [{ entryNo: invoice.entryNo }] });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ postingDate: '2026-03-08', documentNo: 'PAY-1' });
    expect(result.customerLedgerEntries).toEqual([
      { entryNo: invoice.entryNo, remainingAmount: '0.00', remainingAmountLcy: '0.00', open: false },
      { entryNo: payment.entryNo, remainingAmount: '0.00', remainingAmountLcy: '0.00', open: false },
    ]);
    expect(await detailedRows(api, result.transactionNo)).toEqual([
      ['PAY-1', 'paymentDiscount', '-50.00', '-50.00'],
      [invoiceNo, 'application', '-1000.00', '-1000.00'],
      ['PAY-1', 'application', '1000.00', '1000.00'],
    ]);
    expect(await glRows(api, result.transactionNo)).toEqual([['7910', '50.00'], ['1300', '-50.00']]);
    await assertLedgerConsistent(api);
  });

  it('applies only the Amount to Apply, and refuses closed entries, other customers, a date before the entries and unknown entries', async () => {
    const first = await postedInvoice(send, { unitPrice: '100' });
    const second = await postedInvoice(send, { unitPrice: '200' });
    const payment = await unappliedPayment('-400.00');
    const [a, b] = [await entryOf(api, first), await entryOf(api, second)];
    const applied = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/apply`, {
      appliedEntries: [{ entryNo: a.entryNo, amountToApply: '60.00' }, { entryNo: b.entryNo }],
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect((await entryOf(api, first)).remainingAmount).toBe('65.00');
    expect((await entryOf(api, second)).remainingAmount).toBe('0.00');
    // 60.00 of the first (no discount: it stays open), 250.00 less its 12.50 discount of the second.
    expect((await entryOf(api, 'PAY-1')).remainingAmount).toBe('-102.50');

    const closed = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/apply`, { appliedEntries: [{ entryNo: b.entryNo }] });
    expect(closed.statusCode).toBe(422);
    expect(closed.json()).toMatchObject({ code: 'APPLICATION_INVALID', detail: expect.stringContaining('already closed') });
    const early = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/apply`, { appliedEntries: [{ entryNo: a.entryNo }], postingDate: '2026-03-02' });
    expect(early.json()).toMatchObject({ code: 'APPLICATION_INVALID', errors: [{ field: 'postingDate' }] });
    const unknown = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/apply`, { appliedEntries: [{ entryNo: 999999 }] });
    expect(unknown.statusCode).toBe(404);
    const empty = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/apply`, { appliedEntries: [] });
    expect(empty.json()).toMatchObject({ status: 400, errors: [{ field: 'appliedEntries' }] });
    await assertLedgerConsistent(api);
  });

  it('refuses to apply a payment to another payment (same sign), writing nothing', async () => {
    const first = await unappliedPayment('-100.00', 'PAY-1');
    const second = await unappliedPayment('-40.00', 'PAY-2');
    const refused = await send('POST', `/api/v1/customerLedgerEntries/${first.entryNo}/apply`, { appliedEntries: [{ entryNo: second.entryNo }] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'APPLICATION_INVALID', errors: [{ field: 'appliedEntries' }] });
    expect((await entryOf(api, 'PAY-1')).remainingAmount).toBe('-100.00');
    expect((await entryOf(api, 'PAY-2')).remainingAmount).toBe('-40.00');
  });

  it('can be unapplied like a journal application', async () => {
    const invoiceNo = await postedInvoice(send, { unitPrice: '100' });
    const payment = await unappliedPayment('-125.00');
    const invoice = await entryOf(api, invoiceNo);
    expect((await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/apply`, { appliedEntries: [{ entryNo: invoice.entryNo }] })).statusCode).toBe(201);
    const unapplied = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/unapply`, {});
    expect(unapplied.statusCode, unapplied.body).toBe(201);
    expect((await entryOf(api, invoiceNo)).remainingAmount).toBe('125.00');
    expect((await entryOf(api, 'PAY-1')).remainingAmount).toBe('-125.00');
    await assertLedgerConsistent(api);
  });
});

describe('/api/v1/customerEntryApplyMarks/{appliesToId}', () => {
  it('marks entries for a journal line to apply by Applies-to ID, replaces the marks, and checks the amounts', async () => {
    const first = await postedInvoice(send, { unitPrice: '100' });
    const second = await postedInvoice(send, { unitPrice: '200' });
    const [a, b] = [await entryOf(api, first), await entryOf(api, second)];
    const marked = await send('PUT' as never, '/api/v1/customerEntryApplyMarks/PAY-9', { entries: [{ entryNo: a.entryNo, amountToApply: '25.00' }, { entryNo: b.entryNo }] });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().entries.map((entry: { entryNo: number; amountToApply: string }) => [entry.entryNo, entry.amountToApply]))
      .toEqual([[a.entryNo, '25.00'], [b.entryNo, '0.00']]);
    const tooMuch = await send('PUT' as never, '/api/v1/customerEntryApplyMarks/PAY-9', { entries: [{ entryNo: a.entryNo, amountToApply: '500.00' }] });
    expect(tooMuch.json()).toMatchObject({ code: 'APPLICATION_INVALID', errors: [{ field: 'entries.0.amountToApply' }] });

    const posted = await postJournal(send, [paymentLine({ documentNo: 'PAY-9', amount: '-275.00', appliesToId: 'PAY-9' })]);
    expect(posted.statusCode, posted.body).toBe(201);
    expect((await entryOf(api, first)).remainingAmount).toBe('100.00');
    expect((await entryOf(api, second)).remainingAmount).toBe('0.00');
    expect((await send('GET', '/api/v1/customerEntryApplyMarks/PAY-9')).json().entries).toEqual([]);
    await assertLedgerConsistent(api);
  });
});
