import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { assertLedgerConsistent, customerEntries, entryOf, givenReceivablesCompany, postedInvoice, type Send } from './receivables-fixture.ts';

// Register Customer Payments (spec §20.2 item 2): customer C has terms P5 (30 days, 5 % within 8 days).
let api: TestApi;
let send: Send;
beforeEach(async () => {
  ({ api, send } = await givenReceivablesCompany('2026-03-05'));
  await created(send, '/api/v1/noSeries', { code: 'RCPT' });
  await created(send, '/api/v1/noSeries/RCPT/lines', { startingNo: 'G02001' });
  const batch = await send('PATCH', '/api/v1/journalTemplates/CASHRCPT/batches/GENERAL', { noSeriesCode: 'RCPT', balAccountType: 'bankAccount', balAccountNo: 'GIRO' });
  expect(batch.statusCode, batch.body).toBe(200);
});
afterEach(() => api.close());

const documents = async (query = '') => (await send('GET', `/api/v1/paymentRegistration/documents${query}`)).json().items;

describe('Register Customer Payments', () => {
  it('lists unpaid documents with the amount after discount, and finds them by number fragment or amount', async () => {
    const first = await postedInvoice(send, { unitPrice: '800' });
    await postedInvoice(send, { unitPrice: '100', postingDate: '2026-02-01' });
    const items = await documents('?customerNo=C');
    expect(items.map((item: Record<string, unknown>) => [item.documentNo, item.remainingAmount, item.amountAfterDiscount, item.overdue])).toEqual([
      // Posted 2026-02-01: due 2026-03-03, overdue on the work date, its discount date long past.
      [expect.any(String), '125.00', '125.00', true],
      [first, '1000.00', '950.00', false],
    ]);
    expect((await documents(`?search=${first.slice(-3)}`)).map((item: { documentNo: string }) => item.documentNo)).toContain(first);
    expect((await documents('?search=995&amountTolerancePercent=1')).map((item: { documentNo: string }) => item.documentNo)).toEqual([first]);
  });

  it('posts each ticked document as its own payment, discount granted, numbered from the batch series', async () => {
    const a = await postedInvoice(send, { unitPrice: '800' });
    const b = await postedInvoice(send, { unitPrice: '100' });
    const response = await send('POST', '/api/v1/paymentRegistration/post', {
      lines: [{ entryNo: (await entryOf(api, a)).entryNo }, { entryNo: (await entryOf(api, b)).entryNo, amountReceived: '100.00' }],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().transactions.map((row: Record<string, unknown>) => [row.documentNo, row.customerNo, row.amount]))
      .toEqual([['G02001', 'C', '950.00'], ['G02002', 'C', '100.00']]);
    expect((await entryOf(api, a))).toMatchObject({ remainingAmount: '0.00', open: false });
    // 100.00 of 125.00 received, less than the 118.75 that settles it: no discount, 25.00 stays open.
    expect((await entryOf(api, b)).remainingAmount).toBe('25.00');
    expect((await documents()).map((item: { documentNo: string }) => item.documentNo)).toEqual([b]);
    await assertLedgerConsistent(api);
  });

  it('posts a lump payment: one payment for the customer\'s documents, each closed', async () => {
    const a = await postedInvoice(send, { unitPrice: '800' });
    const b = await postedInvoice(send, { unitPrice: '100' });
    const response = await send('POST', '/api/v1/paymentRegistration/post', {
      lumpPayment: true, lines: [{ entryNo: (await entryOf(api, a)).entryNo }, { entryNo: (await entryOf(api, b)).entryNo }],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().transactions).toHaveLength(1);
    expect(response.json().transactions[0]).toMatchObject({ documentNo: 'G02001', amount: '1068.75' });
    const payments = (await customerEntries(api)).filter((entry) => entry.documentType === 'payment');
    expect(payments.map((entry) => [entry.documentNo, entry.amount, entry.remainingAmount])).toEqual([['G02001', '-1068.75', '0.00']]);
    expect(await documents()).toEqual([]);
    await assertLedgerConsistent(api);
  });

  it('names the line of a bad request and posts nothing', async () => {
    const a = await postedInvoice(send, { unitPrice: '800' });
    const entryNo = (await entryOf(api, a)).entryNo;
    const bad = await send('POST', '/api/v1/paymentRegistration/post', { lines: [{ entryNo }, { entryNo: 999999 }] });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'lines.1.entryNo' })]);
    const zero = await send('POST', '/api/v1/paymentRegistration/post', { lines: [{ entryNo, amountReceived: '0' }] });
    expect(zero.json()).toMatchObject({ status: 400, errors: [{ field: 'lines.0.amountReceived' }] });
    const noBank = await send('POST', '/api/v1/paymentRegistration/post', { lines: [{ entryNo }], balAccountType: 'bankAccount', balAccountNo: 'NOSUCH' });
    expect(noBank.statusCode).toBeGreaterThanOrEqual(400);
    expect((await customerEntries(api)).filter((entry) => entry.documentType === 'payment')).toEqual([]);
  });
});
