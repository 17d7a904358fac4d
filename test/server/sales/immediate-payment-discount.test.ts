import { afterEach, describe, expect, it } from 'vitest';
import { vatEntry } from '../../../src/server/db/schema/index.ts';
import type { TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { assertLedgerConsistent, detailedRows, entryOf, givenReceivablesCompany, glBalances, glRows, type Send } from '../receivables/receivables-fixture.ts';

// Spec §20.4, §20.8; BC's CalcPmtDiscIfAdjVAT: an invoice paid at posting by its payment method, within
// its discount terms, gets the payment discount; with Adjust for Payment Discount the discount is
// split into its net part and the output VAT it reverses, over the invoice's own VAT, as a journal
// payment's discount is.
let api: TestApi;
let send: Send;
afterEach(() => api?.close());

/**
 * The receivables company (customer C on 5 % within 8 days) with Adjust for Payment Discount on the
 * G/L setup and on VAT25, payment method CASH balancing on G/L 2900, and VAT10 (10 %, adjusted too)
 * on G/L account 6110.
 */
async function company() {
  ({ api, send } = await givenReceivablesCompany('2026-03-01'));
  await send('PATCH', '/api/v1/generalLedgerSetup', { adjustForPaymentDiscount: true });
  await created(send, '/api/v1/vatProductPostingGroups', { code: 'VAT10' });
  await created(send, '/api/v1/vatPostingSetups', {
    vatBusPostingGroup: 'DOMESTIC', vatProdPostingGroup: 'VAT10', vatPercent: '10', vatIdentifier: 'VAT10', salesVatAccount: '2310', adjustForPaymentDiscount: true,
  });
  const setups = (await send('GET', '/api/v1/vatPostingSetups')).json().items;
  await send('PATCH', `/api/v1/vatPostingSetups/${setups.find((row: { vatProdPostingGroup: string }) => row.vatProdPostingGroup === 'VAT25').id}`, { adjustForPaymentDiscount: true });
  await created(send, '/api/v1/glAccounts', { no: '6110', name: 'Services', incomeBalance: 'incomeStatement', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT10' });
  await created(send, '/api/v1/glAccounts', { no: '2900', name: 'Cash', incomeBalance: 'balanceSheet' });
  await created(send, '/api/v1/paymentMethods', { code: 'CASH', description: 'Cash', balancingAccountType: 'glAccount', balancingAccountNo: '2900' });
}

async function postInvoice(lines: { no: string; unitPrice: string }[]): Promise<{ invoiceNo: string; transactionNo: number }> {
  const invoice = await created(send, '/api/v1/salesInvoices', {
    sellToCustomerNo: 'C', postingDate: '2026-03-01', documentDate: '2026-03-01', paymentMethodCode: 'CASH',
    lines: lines.map((line) => ({ type: 'glAccount', quantity: '1', ...line })),
  });
  return created(send, `/api/v1/salesInvoices/${invoice.no}/post`, undefined);
}

const vatRows = async (transactionNo: number) => (await api.db.select().from(vatEntry)).filter((row) => row.transactionNo === transactionNo)
  .sort((a, b) => a.entryNo - b.entryNo).map((row) => [row.documentType, row.vatIdentifier, row.base, row.amount]);

describe('immediate payment with a payment discount and Adjust for Payment Discount', () => {
  it('worked example 13 paid in cash at posting: 950.00 received, discount 50.00 split into 40.00 net (7930) and 10.00 VAT, with its VAT entry', async () => {
    await company();
    const { invoiceNo, transactionNo } = await postInvoice([{ no: '6100', unitPrice: '800' }]);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ amount: '1000.00', remainingAmount: '0.00', open: false, pmtDiscGivenLcy: '50.00' });
    expect(await detailedRows(api, transactionNo)).toEqual([
      [invoiceNo, 'paymentDiscountVatExcl', '0.00', '-40.00'], [invoiceNo, 'paymentDiscountVatAdjustment', '0.00', '-10.00'],
      [invoiceNo, 'paymentDiscount', '-50.00', '0.00'], [invoiceNo, 'application', '-1000.00', '-1000.00'], [invoiceNo, 'application', '1000.00', '1000.00'],
    ]);
    expect(await glRows(api, transactionNo)).toEqual(expect.arrayContaining([
      ['6100', '-800.00'], ['2310', '-200.00'], ['1300', '1000.00'], ['1300', '-950.00'], ['2900', '950.00'], ['7930', '40.00'], ['2310', '10.00'], ['1300', '-50.00'],
    ]));
    expect(await glRows(api, transactionNo)).toHaveLength(8);
    expect(await vatRows(transactionNo)).toEqual([['invoice', 'VAT25', '-800.00', '-200.00'], ['payment', 'VAT25', '40.00', '10.00']]);
    expect(await glBalances(api)).toEqual({ 2310: '-190.00', 2900: '950.00', 6100: '-800.00', 7930: '40.00' });
    await assertLedgerConsistent(api);
  });

  it('two VAT rates: the 26.94 discount of 538.88 splits per rate with running rounding, the parts add up to the cent', async () => {
    await company();
    const { invoiceNo, transactionNo } = await postInvoice([{ no: '6100', unitPrice: '333.33' }, { no: '6110', unitPrice: '111.11' }]);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ amount: '538.88', originalPaymentDiscountPossible: '26.94', remainingAmount: '0.00', open: false });
    expect((await detailedRows(api, transactionNo)).slice(0, 5)).toEqual([
      [invoiceNo, 'paymentDiscountVatExcl', '0.00', '-16.66'], [invoiceNo, 'paymentDiscountVatAdjustment', '0.00', '-4.17'],
      [invoiceNo, 'paymentDiscountVatExcl', '0.00', '-5.55'], [invoiceNo, 'paymentDiscountVatAdjustment', '0.00', '-0.56'],
      [invoiceNo, 'paymentDiscount', '-26.94', '0.00'],
    ]);
    expect(await vatRows(transactionNo)).toEqual([
      ['invoice', 'VAT25', '-333.33', '-83.33'], ['invoice', 'VAT10', '-111.11', '-11.11'], ['payment', 'VAT25', '16.66', '4.17'], ['payment', 'VAT10', '5.55', '0.56'],
    ]);
    expect(await glBalances(api)).toEqual({ 2310: '-89.71', 2900: '511.94', 6100: '-333.33', 6110: '-111.11', 7930: '22.21' });
    await assertLedgerConsistent(api);
  });

  it('unapplying the payment reverses the discount, its VAT entries and G/L; the invoice is open for its full amount again', async () => {
    await company();
    const { invoiceNo } = await postInvoice([{ no: '6100', unitPrice: '800' }]);
    const payment = (await api.db.query.customerLedgerEntry.findMany()).find((row) => row.documentType === 'payment')!;
    const response = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/unapply`, {});
    expect(response.statusCode, response.body).toBe(201);
    expect(await vatRows(response.json().transactionNo)).toEqual([['payment', 'VAT25', '-40.00', '-10.00']]);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '1000.00', open: true, remainingPaymentDiscountPossible: '50.00', pmtDiscGivenLcy: '0.00' });
    expect(await glBalances(api)).toEqual({ 1300: '50.00', 2310: '-200.00', 2900: '950.00', 6100: '-800.00' });
    await assertLedgerConsistent(api);
  });
});
