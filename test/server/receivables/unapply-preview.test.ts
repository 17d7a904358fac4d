import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api.ts';
import {
  assertLedgerConsistent, customerEntries, entryOf, givenReceivablesCompany, paymentLine, postedInvoice, postJournal, type Send,
} from './receivables-fixture.ts';

// Preview of Unapply (BC's Preview Unapply): the entries the unapply would write, numbered as it would
// number them; nothing is written, locked or drawn.
let api: TestApi;
let send: Send;
afterEach(() => api?.close());

const preview = (entryNo: number, body?: unknown) => send('POST', `/api/v1/customerLedgerEntries/${entryNo}/unapply/preview`, body);
const unapply = (entryNo: number, body?: unknown) => send('POST', `/api/v1/customerLedgerEntries/${entryNo}/unapply`, body);

const rowCounts = async () => (await api.db.execute(sql`select (select count(*) from gl_entry) as gl, (select count(*) from gl_register) as registers,
  (select count(*) from vat_entry) as vat, (select count(*) from detailed_customer_ledger_entry) as detailed,
  (select count(*) from detailed_customer_ledger_entry where unapplied) as unapplied`) as unknown as { rows: unknown[] }).rows[0];
const sequenceValues = async () => (await api.db.execute(sql`select sequencename, last_value from pg_sequences where schemaname = 'public' order by sequencename`) as unknown as { rows: unknown[] }).rows;
const ledgerRows = async (table: 'gl_entry' | 'vat_entry' | 'detailed_customer_ledger_entry', transactionNo: number) =>
  (await api.db.execute(sql`select * from ${sql.identifier(table)} where transaction_no = ${transactionNo} order by entry_no`) as unknown as { rows: Record<string, unknown>[] }).rows;

/** Worked example 13 with Adjust for Payment Discount: PI-20 paid 950.00 on time, the discount split 40.00 / 10.00. */
async function appliedWithDiscount() {
  ({ api, send } = await givenReceivablesCompany('2026-03-08'));
  await send('PATCH', '/api/v1/generalLedgerSetup', { adjustForPaymentDiscount: true });
  const setups = (await send('GET', '/api/v1/vatPostingSetups')).json().items;
  await send('PATCH', `/api/v1/vatPostingSetups/${setups[0].id}`, { adjustForPaymentDiscount: true });
  const invoiceNo = await postedInvoice(send);
  const response = await postJournal(send, [paymentLine({ amount: '-950', appliesToDocNo: invoiceNo })]);
  expect(response.statusCode, response.body).toBe(201);
  return { invoiceNo, payment: await entryOf(api, 'PAY-1') };
}

describe('POST /api/v1/customerLedgerEntries/{entryNo}/unapply/preview', () => {
  it('lists the reversing G/L, VAT and detailed entries the unapply would write, changes nothing, and the unapply then writes exactly those', async () => {
    const { invoiceNo, payment } = await appliedWithDiscount();
    const before = { counts: await rowCounts(), sequences: await sequenceValues(), entries: await customerEntries(api) };
    const response = await preview(payment.entryNo);
    expect(response.statusCode, response.body).toBe(200);
    const planned = response.json();
    expect(planned).toMatchObject({ postingDate: '2026-03-08', documentNo: 'PAY-1', unappliedTransactionNo: payment.transactionNo });
    expect(planned.glEntries.map((row: { glAccountNo: string; amount: string }) => [row.glAccountNo, row.amount]))
      .toEqual([['7930', '-40.00'], ['2310', '-10.00'], ['1300', '50.00']]);
    expect(planned.vatEntries.map((row: { base: string; amount: string; documentNo: string }) => [row.base, row.amount, row.documentNo])).toEqual([['-40.00', '-10.00', 'PAY-1']]);
    expect(planned.detailedCustomerLedgerEntries.map((row: { entryType: string; amount: string; amountLcy: string; unapplied: boolean }) => [row.entryType, row.amount, row.amountLcy, row.unapplied]))
      .toEqual([
        ['paymentDiscountVatExcl', '0.00', '40.00', true], ['paymentDiscountVatAdjustment', '0.00', '10.00', true], ['paymentDiscount', '50.00', '0.00', true],
        ['application', '1000.00', '1000.00', true], ['application', '-1000.00', '-1000.00', true],
      ]);
    const invoice = await entryOf(api, invoiceNo);
    expect(planned.customerLedgerEntries).toEqual(expect.arrayContaining([
      { entryNo: invoice.entryNo, remainingAmount: '1000.00', remainingAmountLcy: '1000.00', open: true },
      { entryNo: payment.entryNo, remainingAmount: '-950.00', remainingAmountLcy: '-950.00', open: true },
    ]));
    // Nothing written, no number or sequence value consumed, no entry changed.
    expect(await rowCounts()).toEqual(before.counts);
    expect(await sequenceValues()).toEqual(before.sequences);
    expect(await customerEntries(api)).toEqual(before.entries);

    const unapplied = await unapply(payment.entryNo);
    expect(unapplied.statusCode, unapplied.body).toBe(201);
    const { transactionNo } = unapplied.json();
    expect(transactionNo).toBe(planned.transactionNo);
    const stored = async (table: Parameters<typeof ledgerRows>[0]) => (await ledgerRows(table, transactionNo)).map((row) => ({ entryNo: row.entry_no, amount: row.amount }));
    expect(await stored('gl_entry')).toEqual(planned.glEntries.map((row: { entryNo: number; amount: string }) => ({ entryNo: row.entryNo, amount: row.amount })));
    expect(await stored('vat_entry')).toEqual(planned.vatEntries.map((row: { entryNo: number; amount: string }) => ({ entryNo: row.entryNo, amount: row.amount })));
    expect(await stored('detailed_customer_ledger_entry'))
      .toEqual(planned.detailedCustomerLedgerEntries.map((row: { entryNo: number; amount: string }) => ({ entryNo: row.entryNo, amount: row.amount })));
    await assertLedgerConsistent(api);
  });

  it('refuses as the unapply would: a posting date too early or not allowed, nothing to unapply, an unknown entry, no posting permission', async () => {
    const { payment } = await appliedWithDiscount();
    expect((await preview(payment.entryNo, { postingDate: '2026-03-07' })).json().code).toBe('UNAPPLY_POSTING_DATE_TOO_EARLY');
    await send('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: '2026-04-01' });
    expect((await preview(payment.entryNo)).json()).toMatchObject({ code: 'POSTING_DATE_NOT_ALLOWED' });
    await send('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: null });
    expect((await preview(99_999)).statusCode).toBe(404);
    expect((await api.as('viewer')('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/unapply/preview`)).statusCode).toBe(403);
    expect((await preview(payment.entryNo, { postingDate: '2026-03-09' })).json()).toMatchObject({ postingDate: '2026-03-09' });
    expect((await unapply(payment.entryNo)).statusCode).toBe(201);
    const nothing = await preview(payment.entryNo);
    expect([nothing.statusCode, nothing.json().code]).toEqual([422, 'NOTHING_TO_UNAPPLY']);
  });
});
