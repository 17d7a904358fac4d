import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bankAccountLedgerEntry, customerLedgerEntry, glRegister } from '../../../src/server/db/schema/index.ts';
import type { TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { assertLedgerConsistent, detailedRows, givenReceivablesCompany, glRows, type Send } from '../receivables/receivables-fixture.ts';

// Spec §20.8: a payment method with a balancing account pays the invoice (refunds the credit memo) at posting.
let api: TestApi;
let send: Send;
beforeEach(async () => {
  ({ api, send } = await givenReceivablesCompany('2026-03-01'));
  await created(send, '/api/v1/glAccounts', { no: '2900', name: 'Cash', incomeBalance: 'balanceSheet' });
  await created(send, '/api/v1/paymentMethods', { code: 'CASH', description: 'Cash', balancingAccountType: 'glAccount', balancingAccountNo: '2900' });
  await created(send, '/api/v1/paymentMethods', { code: 'GIROPAY', description: 'Paid into the giro account', balancingAccountType: 'bankAccount', balancingAccountNo: 'GIRO' });
  await created(send, '/api/v1/paymentTerms', { code: 'NET', dueDateCalculation: '0D' });
  await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: 'NET' });
});
afterEach(() => api.close());

async function postInvoice(paymentMethodCode: string, unitPrice = '100') {
  const invoice = await created(send, '/api/v1/salesInvoices', {
    sellToCustomerNo: 'C', paymentMethodCode, lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice }],
  });
  return created(send, `/api/v1/salesInvoices/${invoice.no}/post`, undefined);
}

const entries = () => api.db.select().from(customerLedgerEntry).orderBy(asc(customerLedgerEntry.entryNo));

describe('an invoice whose payment method has a balancing account', () => {
  it('is paid in the same transaction and closed at posting: payment entry of the same number, Dr cash, Cr receivables', async () => {
    const { invoiceNo, transactionNo } = await postInvoice('CASH');
    expect((await entries()).map((row) => [row.documentType, row.documentNo, row.amount, row.remainingAmount, row.open, row.transactionNo])).toEqual([
      ['invoice', invoiceNo, '125.00', '0.00', false, transactionNo],
      ['payment', invoiceNo, '-125.00', '0.00', false, transactionNo],
    ]);
    expect(await api.db.select().from(glRegister)).toHaveLength(1);
    const gl = await glRows(api, transactionNo);
    expect(gl).toEqual(expect.arrayContaining([['6100', '-100.00'], ['1300', '125.00'], ['1300', '-125.00'], ['2900', '125.00']]));
    expect(await detailedRows(api, transactionNo)).toEqual([[invoiceNo, 'application', '-125.00', '-125.00'], [invoiceNo, 'application', '125.00', '125.00']]);
    await assertLedgerConsistent(api);
  });

  it('into a bank account: a bank account ledger entry of the money received', async () => {
    const { invoiceNo } = await postInvoice('GIROPAY', '40');
    const bank = await api.db.select().from(bankAccountLedgerEntry);
    expect(bank.map((row) => [row.bankAccountNo, row.documentType, row.documentNo, row.amount, row.balAccountType, row.balAccountNo]))
      .toEqual([['GIRO', 'payment', invoiceNo, '50.00', 'customer', 'C']]);
    await assertLedgerConsistent(api);
  });

  it('cannot be cancelled or corrected while paid; after Unapply, Correct succeeds and the customer keeps a credit of the invoice amount', async () => {
    const { invoiceNo } = await postInvoice('CASH');
    const refused = await send('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/correct`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'INVOICE_PAID' });
    expect((await send('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/cancel`)).json()).toMatchObject({ code: 'INVOICE_PAID' });

    const payment = (await entries()).find((row) => row.documentType === 'payment')!;
    const unapplied = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/unapply`, {});
    expect(unapplied.statusCode, unapplied.body).toBe(201);
    const corrected = await send('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/correct`);
    expect(corrected.statusCode, corrected.body).toBe(201);
    const after = await entries();
    expect(after.find((row) => row.documentNo === invoiceNo && row.documentType === 'invoice')).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(after.find((row) => row.entryNo === payment.entryNo)).toMatchObject({ remainingAmount: '-125.00', open: true });
    const balance = after.filter((row) => row.customerNo === 'C').reduce((total, row) => total + Number(row.remainingAmount), 0);
    expect(balance.toFixed(2)).toBe('-125.00');
    await assertLedgerConsistent(api);
  });

  it('a credit memo with such a method is refunded at posting', async () => {
    const memo = await created(send, '/api/v1/salesCreditMemos', {
      sellToCustomerNo: 'C', paymentMethodCode: 'CASH', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '20' }],
    });
    const posted = await created(send, `/api/v1/salesCreditMemos/${memo.no}/post`, undefined);
    const rows = await api.db.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.transactionNo, posted.transactionNo)).orderBy(asc(customerLedgerEntry.entryNo));
    expect(rows.map((row) => [row.documentType, row.amount, row.open])).toEqual([['creditMemo', '-25.00', false], ['refund', '25.00', false]]);
    expect(await glRows(api, posted.transactionNo)).toEqual(expect.arrayContaining([['2900', '-25.00']]));
    await assertLedgerConsistent(api);
  });
});
