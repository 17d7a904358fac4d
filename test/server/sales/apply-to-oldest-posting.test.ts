import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import {
  assertLedgerConsistent, detailedRows, entryOf, givenReceivablesCompany, glRows, paymentLine, postedInvoice, postJournal, type Send,
} from '../receivables/receivables-fixture.ts';

// Spec §20.3, BC's codeunit 12 ApplyCustLedgEntry: a customer who applies to oldest has every posted
// sales invoice and credit memo without an Applies-to applied at posting, in the same transaction.
let api: TestApi;
let send: Send;
afterEach(() => api?.close());

async function company(applicationMethod: 'applyToOldest' | 'manual') {
  ({ api, send } = await givenReceivablesCompany('2026-03-08'));
  const patched = await send('PATCH', '/api/v1/customers/C', { applicationMethod });
  expect(patched.statusCode, patched.body).toBe(200);
}

/** A payment on account (no Applies-to) of the customer; there is nothing open for it to apply to yet. */
async function paymentOnAccount(documentNo: string, amount: string, postingDate = '2026-03-02') {
  const response = await postJournal(send, [paymentLine({ documentNo, amount, postingDate })]);
  expect(response.statusCode, response.body).toBe(201);
}

/** A posted credit memo of 200.00 + 25 % VAT = 250.00 for customer C; its number and transaction. */
async function postedCreditMemo(fields: Record<string, unknown> = {}): Promise<{ creditMemoNo: string; transactionNo: number }> {
  const memo = await created(send, '/api/v1/salesCreditMemos', {
    sellToCustomerNo: 'C', postingDate: '2026-03-05', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '200' }], ...fields,
  });
  return created(send, `/api/v1/salesCreditMemos/${memo.no}/post`, undefined);
}

const transactionOf = async (documentNo: string) => (await entryOf(api, documentNo)).transactionNo;

describe('a sales posting for a customer whose Application Method is Apply to Oldest', () => {
  it('applies the new invoice to an open payment on account: the payment closes, the invoice keeps the rest', async () => {
    await company('applyToOldest');
    await paymentOnAccount('PAY-1', '-600');
    const invoiceNo = await postedInvoice(send, { postingDate: '2026-03-05' });
    const transactionNo = await transactionOf(invoiceNo);
    expect(await detailedRows(api, transactionNo)).toEqual([['PAY-1', 'application', '600.00', '600.00'], [invoiceNo, 'application', '-600.00', '-600.00']]);
    expect(await entryOf(api, 'PAY-1')).toMatchObject({ remainingAmount: '0.00', open: false, closedAtDate: '2026-03-05', closedByAmount: '-600.00' });
    const invoice = await entryOf(api, invoiceNo);
    expect(invoice).toMatchObject({ amount: '1000.00', remainingAmount: '400.00', remainingAmountLcy: '400.00', open: true });
    expect((await entryOf(api, 'PAY-1')).closedByEntryNo).toBe(invoice.entryNo);
    // Both entries on the same receivables account: the application posts no G/L entry of its own.
    expect((await glRows(api, transactionNo)).filter(([account]) => account === '1300')).toEqual([['1300', '1000.00']]);
    await assertLedgerConsistent(api);
  });

  it('takes the open payments oldest due date first and stops when the invoice is used up; a payment dated after the invoice is left out', async () => {
    await company('applyToOldest');
    await paymentOnAccount('PAY-2', '-900', '2026-03-03');
    await paymentOnAccount('PAY-1', '-300', '2026-03-02');
    await paymentOnAccount('PAY-LATE', '-50', '2026-03-07');
    const invoiceNo = await postedInvoice(send, { postingDate: '2026-03-05' });
    expect(await detailedRows(api, await transactionOf(invoiceNo))).toEqual([
      ['PAY-1', 'application', '300.00', '300.00'], [invoiceNo, 'application', '-300.00', '-300.00'],
      ['PAY-2', 'application', '700.00', '700.00'], [invoiceNo, 'application', '-700.00', '-700.00'],
    ]);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(await entryOf(api, 'PAY-1')).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(await entryOf(api, 'PAY-2')).toMatchObject({ remainingAmount: '-200.00', open: true });
    expect(await entryOf(api, 'PAY-LATE')).toMatchObject({ remainingAmount: '-50.00', open: true });
    await assertLedgerConsistent(api);
  });

  it('applies a credit memo to the open invoice; no payment discount is granted to it (BC: only a payment or refund earns one)', async () => {
    await company('applyToOldest');
    const invoiceNo = await postedInvoice(send, { postingDate: '2026-03-01' });
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '1000.00', remainingPaymentDiscountPossible: '50.00' });
    const { creditMemoNo, transactionNo } = await postedCreditMemo();
    expect(await detailedRows(api, transactionNo)).toEqual([[invoiceNo, 'application', '-250.00', '-250.00'], [creditMemoNo, 'application', '250.00', '250.00']]);
    expect(await entryOf(api, creditMemoNo)).toMatchObject({ amount: '-250.00', remainingAmount: '0.00', open: false });
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '750.00', open: true, remainingPaymentDiscountPossible: '50.00', pmtDiscGivenLcy: '0.00' });
    await assertLedgerConsistent(api);
  });

  it('does not apply a document that names its Applies-to entry elsewhere, nor one its payment method pays at posting', async () => {
    await company('applyToOldest');
    const older = await postedInvoice(send, { postingDate: '2026-03-01' });
    const named = await postedInvoice(send, { postingDate: '2026-03-02' });
    const { creditMemoNo } = await postedCreditMemo({ appliesToDocumentType: 'invoice', appliesToDocumentNo: named });
    expect(await entryOf(api, older)).toMatchObject({ remainingAmount: '1000.00', open: true });
    expect(await entryOf(api, named)).toMatchObject({ remainingAmount: '750.00', open: true });
    expect(await entryOf(api, creditMemoNo)).toMatchObject({ open: false });

    await created(send, '/api/v1/glAccounts', { no: '2900', name: 'Cash', incomeBalance: 'balanceSheet' });
    await created(send, '/api/v1/paymentMethods', { code: 'CASH', description: 'Cash', balancingAccountType: 'glAccount', balancingAccountNo: '2900' });
    const { creditMemoNo: refunded, transactionNo } = await postedCreditMemo({ paymentMethodCode: 'CASH' });
    // Only the refund applied to the credit memo; the open invoices are untouched.
    expect((await detailedRows(api, transactionNo)).map(([documentNo]) => documentNo)).toEqual([refunded, refunded]);
    expect(await entryOf(api, refunded)).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(await entryOf(api, older)).toMatchObject({ remainingAmount: '1000.00', open: true });
    expect(await entryOf(api, named)).toMatchObject({ remainingAmount: '750.00', open: true });
    await assertLedgerConsistent(api);
  });

  it('shows the application in the sales posting preview, which keeps nothing', async () => {
    await company('applyToOldest');
    await paymentOnAccount('PAY-1', '-600');
    const invoice = await created(send, '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C', postingDate: '2026-03-05', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '800' }],
    });
    const count = async () => (await api.db.execute(sql`select (select count(*) from detailed_customer_ledger_entry) as detailed,
      (select count(*) from customer_ledger_entry where open) as open`) as unknown as { rows: unknown[] }).rows[0];
    const before = await count();
    const preview = await send('POST', `/api/v1/salesInvoices/${invoice.no}/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    const applications = preview.json().detailedCustomerLedgerEntries
      .filter((row: { entryType: string }) => row.entryType === 'application').map((row: { amount: string }) => row.amount);
    expect(applications).toEqual(['600.00', '-600.00']);
    expect(await count()).toEqual(before);
    expect(await entryOf(api, 'PAY-1')).toMatchObject({ remainingAmount: '-600.00', open: true });
  });
});

describe('a customer whose Application Method is Manual', () => {
  it('keeps the invoice, the credit memo and the payment on account open, unapplied', async () => {
    await company('manual');
    await paymentOnAccount('PAY-1', '-600');
    const invoiceNo = await postedInvoice(send, { postingDate: '2026-03-05' });
    const { creditMemoNo, transactionNo } = await postedCreditMemo();
    expect(await detailedRows(api, await transactionOf(invoiceNo))).toEqual([]);
    expect(await detailedRows(api, transactionNo)).toEqual([]);
    expect(await entryOf(api, 'PAY-1')).toMatchObject({ remainingAmount: '-600.00', open: true });
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '1000.00', open: true });
    expect(await entryOf(api, creditMemoNo)).toMatchObject({ remainingAmount: '-250.00', open: true });
    await assertLedgerConsistent(api);
  });
});
