import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Issue 14, point 2: vendor payments through the general journal, applied with the customers'
 * rules (spec §20.3–§20.4 read for vendors; BC's ApplyVendLedgEntry). Accounts of the test
 * company: 5400 Payables, 2910 Bank, 7085 Payment discounts received; VAT 25 %.
 */
const workDate = { 'x-work-date': '2026-01-15' };
type Entry = { glAccountNo: string; debitAmount: string; creditAmount: string; amount: string };

describe('vendor payments applied through the general journal', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const items = async (url: string) => (await send('GET', url)).json().items;

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
    await ok('POST', '/api/v1/glAccounts', { no: '2910', name: 'Bank', incomeBalance: 'balanceSheet' });
    await ok('POST', '/api/v1/glAccounts', { no: '7085', name: 'Payment discounts received', incomeBalance: 'incomeStatement' });
    await ok('POST', '/api/v1/bankAccountPostingGroups', { code: 'CHECKING', glAccountNo: '2910' });
    await ok('POST', '/api/v1/bankAccounts', { no: 'GIRO', name: 'Giro', bankAccPostingGroup: 'CHECKING' });
  });
  afterEach(async () => api.close());

  async function ok(method: 'POST' | 'PATCH', url: string, body: unknown) {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  }

  /** A posted purchase invoice of vendor V: 400.00 + 25 % VAT = 500.00; its number. */
  async function postedInvoice(vendorInvoiceNo: string, cost = '400'): Promise<string> {
    const invoice = await ok('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', vendorInvoiceNo, lines: [{ type: 'item', no: '1000', quantity: '1', directUnitCost: cost }] });
    return (await ok('POST', `/api/v1/purchaseInvoices/${invoice.no}/post`, {})).invoiceNo;
  }

  const payment = (fields: Record<string, unknown>) => ({
    postingDate: '2026-01-15', documentType: 'payment', documentNo: 'VP-1', accountType: 'vendor', accountNo: 'V',
    balAccountType: 'bankAccount', balAccountNo: 'GIRO', ...fields,
  });
  const postJournal = (...lines: Record<string, unknown>[]) => send('POST', '/api/v1/generalJournal/post', { lines });

  it('a payment applied to a posted purchase invoice closes both: application entries, Dr payables Cr bank', async () => {
    const invoiceNo = await postedInvoice('VI-1');
    const response = await postJournal(payment({ amount: '500', appliesToDocType: 'invoice', appliesToDocNo: invoiceNo }));
    expect(response.statusCode, response.body).toBe(201);
    const entries = await items('/api/v1/vendorLedgerEntries?vendorNo=V');
    expect(entries.map((entry: Record<string, unknown>) => [entry.documentType, entry.amount, entry.remainingAmount, entry.open])).toEqual([
      ['invoice', '-500.00', '0.00', false], ['payment', '500.00', '0.00', false],
    ]);
    expect(entries[0]).toMatchObject({ closedByEntryNo: entries[1].entryNo, closedAtDate: '2026-01-15', closedByAmount: '-500.00' });
    const details = await items('/api/v1/detailedVendorLedgerEntries?entryType=application');
    expect(details.map((row: Record<string, unknown>) => [row.vendorLedgerEntryNo, row.amount, row.appliedVendorLedgerEntryNo, row.documentNo])).toEqual([
      [entries[0].entryNo, '500.00', entries[1].entryNo, 'VP-1'], [entries[1].entryNo, '-500.00', entries[0].entryNo, 'VP-1'],
    ]);
    const paymentGl = (await items('/api/v1/glEntries?documentNo=VP-1')) as Entry[];
    expect(accountTotals(paymentGl, '5400')).toEqual({ debit: '500.00', credit: '0.00' });
    expect(accountTotals(paymentGl, '2910')).toEqual({ debit: '0.00', credit: '500.00' });
    const all = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    expect(accountTotals(all, '5400')).toEqual({ debit: '500.00', credit: '500.00' });
  });

  it('pays an invoice in two parts, then applies to the oldest open invoices for a vendor who applies to oldest', async () => {
    const first = await postedInvoice('VI-2');
    expect((await postJournal(payment({ amount: '200', appliesToDocNo: first }))).statusCode).toBe(201);
    let [invoice] = await items(`/api/v1/vendorLedgerEntries?documentNo=${first}`);
    expect([invoice.remainingAmount, invoice.open]).toEqual(['-300.00', true]);
    expect((await postJournal(payment({ documentNo: 'VP-2', amount: '300', appliesToDocNo: first }))).statusCode).toBe(201);
    [invoice] = await items(`/api/v1/vendorLedgerEntries?documentNo=${first}`);
    expect([invoice.remainingAmount, invoice.open]).toEqual(['0.00', false]);

    await ok('PATCH', '/api/v1/vendors/V', { applicationMethod: 'applyToOldest' });
    const second = await postedInvoice('VI-3', '80');
    const third = await postedInvoice('VI-4', '40');
    expect((await postJournal(payment({ documentNo: 'VP-3', amount: '120' }))).statusCode).toBe(201);
    const open = await items('/api/v1/vendorLedgerEntries?vendorNo=V&open=true');
    expect(open.map((entry: Record<string, unknown>) => [entry.documentNo, entry.remainingAmount])).toEqual([[third, '-30.00']]);
    expect((await items(`/api/v1/vendorLedgerEntries?documentNo=${second}`))[0]).toMatchObject({ open: false, remainingAmount: '0.00' });
  });

  it('takes the payment discount received on time: Pmt. Disc. Rcd. on the invoice, credited to the vendor posting group account', async () => {
    await ok('POST', '/api/v1/paymentTerms', { code: '2P8D', dueDateCalculation: '30D', discountDateCalculation: '8D', discountPercent: '2' });
    await ok('PATCH', '/api/v1/vendorPostingGroups/DOMESTIC', { paymentDiscountDebitAccount: '7085', paymentDiscountCreditAccount: '7085' });
    await ok('PATCH', '/api/v1/vendors/V', { paymentTermsCode: '2P8D' });
    const invoiceNo = await postedInvoice('VI-5');
    const [invoice] = await items(`/api/v1/vendorLedgerEntries?documentNo=${invoiceNo}`);
    expect([invoice.originalPaymentDiscountPossible, invoice.paymentDiscountDate]).toEqual(['-10.00', '2026-01-23']);
    const response = await postJournal(payment({ amount: '490', appliesToDocNo: invoiceNo }));
    expect(response.statusCode, response.body).toBe(201);
    const [after] = await items(`/api/v1/vendorLedgerEntries?documentNo=${invoiceNo}`);
    expect(after).toMatchObject({ open: false, remainingAmount: '0.00', pmtDiscReceivedLcy: '-10.00', remainingPaymentDiscountPossible: '0.00' });
    const discounts = await items('/api/v1/detailedVendorLedgerEntries?entryType=paymentDiscount');
    expect(discounts.map((row: Record<string, unknown>) => [row.amount, row.documentNo])).toEqual([['10.00', 'VP-1']]);
    const gl = (await items('/api/v1/glEntries?documentNo=VP-1')) as Entry[];
    // BC: Dr payables 500.00, Cr bank 490.00, Cr payment discounts received 10.00.
    expect([accountTotals(gl, '5400'), accountTotals(gl, '2910'), accountTotals(gl, '7085')]).toEqual([
      { debit: '500.00', credit: '0.00' }, { debit: '0.00', credit: '490.00' }, { debit: '0.00', credit: '10.00' },
    ]);

    // Unapply: the discount is reversed, both entries reopen with their amounts, and the payment can be applied again.
    const [paid] = await items('/api/v1/vendorLedgerEntries?documentNo=VP-1');
    const unapplied = await send('POST', `/api/v1/vendorLedgerEntries/${paid.entryNo}/unapply`, {});
    expect(unapplied.statusCode, unapplied.body).toBe(201);
    const restored = [...unapplied.json().vendorLedgerEntries].sort((a, b) => a.entryNo - b.entryNo);
    expect(restored.map((row: Record<string, unknown>) => [row.entryNo, row.remainingAmount, row.open])).toEqual([
      [invoice.entryNo, '-500.00', true], [paid.entryNo, '490.00', true],
    ]);
    const [reopened] = await items(`/api/v1/vendorLedgerEntries?documentNo=${invoiceNo}`);
    expect(reopened).toMatchObject({ pmtDiscReceivedLcy: '0.00', remainingPaymentDiscountPossible: '-10.00', closedByEntryNo: null });
    const all = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    expect(accountTotals(all, '7085')).toEqual({ debit: '10.00', credit: '10.00' });
    // Payables equal the reopened entries again: −500.00 + 490.00.
    expect(accountTotals(all, '5400')).toEqual({ debit: '500.00', credit: '510.00' });
    const again = await send('POST', `/api/v1/vendorLedgerEntries/${paid.entryNo}/unapply`, {});
    expect([again.statusCode, again.json().code]).toEqual([422, 'NOTHING_TO_UNAPPLY']);
  });

  it('with Adjust for Payment Discount the discount received reduces the purchase VAT; unapply reverses it', async () => {
    await ok('POST', '/api/v1/paymentTerms', { code: '2P8D', dueDateCalculation: '30D', discountDateCalculation: '8D', discountPercent: '2' });
    await ok('PATCH', '/api/v1/vendors/V', { paymentTermsCode: '2P8D' });
    await ok('PATCH', '/api/v1/generalLedgerSetup', { adjustForPaymentDiscount: true });
    const vat = (await items('/api/v1/vatPostingSetups')).find((row: { vatBusPostingGroup: string | null }) => row.vatBusPostingGroup === 'DOMESTIC');
    await ok('PATCH', `/api/v1/vatPostingSetups/${vat.id}`, { adjustForPaymentDiscount: true });
    const general = (await items('/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
    await ok('PATCH', `/api/v1/generalPostingSetups/${general.id}`, { purchasePaymentDiscountDebitAccount: '7085', purchasePaymentDiscountCreditAccount: '7085' });
    const invoiceNo = await postedInvoice('VI-11');
    const response = await postJournal(payment({ documentNo: 'VP-11', amount: '490', appliesToDocNo: invoiceNo }));
    expect(response.statusCode, response.body).toBe(201);
    const gl = (await items('/api/v1/glEntries?documentNo=VP-11')) as Entry[];
    // BC: the 10.00 discount is 8.00 net to the Purch. Pmt. Disc. account and 2.00 off the purchase VAT.
    expect([accountTotals(gl, '5400'), accountTotals(gl, '2910'), accountTotals(gl, '7085'), accountTotals(gl, '2320')]).toEqual([
      { debit: '500.00', credit: '0.00' }, { debit: '0.00', credit: '490.00' }, { debit: '0.00', credit: '8.00' }, { debit: '0.00', credit: '2.00' },
    ]);
    const vatEntries = await items('/api/v1/vatEntries?documentNo=VP-11');
    expect(vatEntries.map((row: Record<string, unknown>) => [row.type, row.base, row.amount, row.billToPayToNo])).toEqual([['purchase', '-8.00', '-2.00', 'V']]);
    const parts = await items('/api/v1/detailedVendorLedgerEntries?documentNo=VP-11');
    // As for customers: the VAT parts move only Amount (LCY), the mirror of a sales invoice's (immediate-payment-discount.test.ts).
    expect(parts.filter((row: { entryType: string }) => row.entryType.startsWith('paymentDiscount')).map((row: Record<string, unknown>) => [row.entryType, row.amount, row.amountLcy]))
      .toEqual([['paymentDiscountVatExcl', '0.00', '8.00'], ['paymentDiscountVatAdjustment', '0.00', '2.00'], ['paymentDiscount', '10.00', '0.00']]);
    const [paid] = await items('/api/v1/vendorLedgerEntries?documentNo=VP-11');
    expect((await send('POST', `/api/v1/vendorLedgerEntries/${paid.entryNo}/unapply`, {})).statusCode).toBe(201);
    const all = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    // The invoice's input VAT 100.00, less 2.00 for the discount, plus 2.00 back at unapply.
    expect([accountTotals(all, '7085'), accountTotals(all, '2320')]).toEqual([{ debit: '8.00', credit: '8.00' }, { debit: '102.00', credit: '2.00' }]);
    const reversed = await items('/api/v1/vatEntries?documentNo=VP-11');
    expect(reversed.map((row: Record<string, unknown>) => [row.base, row.amount])).toEqual([['-8.00', '-2.00'], ['8.00', '2.00']]);
  });

  it('a purchase invoice gets a Max. Payment Tolerance; a payment short by less is accepted to the payment tolerance account', async () => {
    await ok('PATCH', '/api/v1/generalLedgerSetup', { paymentTolerancePercent: '1', maxPaymentToleranceAmount: '5', paymentToleranceWarning: false });
    await ok('PATCH', '/api/v1/vendorPostingGroups/DOMESTIC', { paymentToleranceDebitAccount: '7085', paymentToleranceCreditAccount: '7085' });
    const invoiceNo = await postedInvoice('VI-10');
    const [invoice] = await items(`/api/v1/vendorLedgerEntries?documentNo=${invoiceNo}`);
    expect(invoice.maxPaymentTolerance).toBe('-5.00');
    const response = await postJournal(payment({ documentNo: 'VP-10', amount: '497', appliesToDocNo: invoiceNo }));
    expect(response.statusCode, response.body).toBe(201);
    const [after] = await items(`/api/v1/vendorLedgerEntries?documentNo=${invoiceNo}`);
    expect(after).toMatchObject({ open: false, remainingAmount: '0.00' });
    const tolerance = await items('/api/v1/detailedVendorLedgerEntries?entryType=paymentTolerance');
    // As for customers (BC), the tolerance is a detailed entry of the applying payment, aimed at the invoice.
    const [paid] = await items('/api/v1/vendorLedgerEntries?documentNo=VP-10');
    expect(tolerance.map((row: Record<string, unknown>) => [row.vendorLedgerEntryNo, row.amount, row.appliedVendorLedgerEntryNo])).toEqual([[paid.entryNo, '3.00', invoice.entryNo]]);
    const gl = (await items('/api/v1/glEntries?documentNo=VP-10')) as Entry[];
    expect([accountTotals(gl, '5400'), accountTotals(gl, '2910'), accountTotals(gl, '7085')]).toEqual([
      { debit: '500.00', credit: '0.00' }, { debit: '0.00', credit: '497.00' }, { debit: '0.00', credit: '3.00' },
    ]);
  });

  it('a purchase credit memo with Applies-to Doc. No. applies to the invoice at posting; a wrong one is refused on the header field', async () => {
    const invoiceNo = await postedInvoice('VI-6');
    const memo = await ok('POST', '/api/v1/purchaseCreditMemos', {
      buyFromVendorNo: 'V', vendorCreditMemoNo: 'VCM-1', appliesToDocumentType: 'invoice', appliesToDocumentNo: 'PPI9999',
      lines: [{ type: 'item', no: '1000', quantity: '1', directUnitCost: '100' }],
    });
    const refused = await send('POST', `/api/v1/purchaseCreditMemos/${memo.no}/post`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'APPLICATION_INVALID', errors: [{ field: 'appliesToDocumentNo' }] });
    expect(await items('/api/v1/vendorLedgerEntries?documentType=creditMemo')).toEqual([]);
    await ok('PATCH', `/api/v1/purchaseCreditMemos/${memo.no}`, { appliesToDocumentNo: invoiceNo });
    const posted = await ok('POST', `/api/v1/purchaseCreditMemos/${memo.no}/post`, {});
    const [invoice] = await items(`/api/v1/vendorLedgerEntries?documentNo=${invoiceNo}`);
    const [credit] = await items(`/api/v1/vendorLedgerEntries?documentNo=${posted.creditMemoNo ?? posted.invoiceNo}`);
    expect([invoice.remainingAmount, invoice.open, credit.amount, credit.remainingAmount, credit.open]).toEqual(['-375.00', true, '125.00', '0.00', false]);
    const details = await items(`/api/v1/detailedVendorLedgerEntries?entryType=application&vendorLedgerEntryNo=${invoice.entryNo}`);
    expect(details.map((row: Record<string, unknown>) => [row.amount, row.appliedVendorLedgerEntryNo])).toEqual([['125.00', credit.entryNo]]);
  });

  it('Apply Entries on a posted vendor payment applies it to invoices after the fact (Post Application, PURCHAPPL)', async () => {
    expect((await postJournal(payment({ documentNo: 'VP-9', amount: '600' }))).statusCode).toBe(201);
    const first = await postedInvoice('VI-7');
    const second = await postedInvoice('VI-8', '80');
    const [paid] = await items('/api/v1/vendorLedgerEntries?documentNo=VP-9');
    const [a] = await items(`/api/v1/vendorLedgerEntries?documentNo=${first}`);
    const [b] = await items(`/api/v1/vendorLedgerEntries?documentNo=${second}`);
    const sameSign = await send('POST', `/api/v1/vendorLedgerEntries/${a.entryNo}/apply`, { appliedEntries: [{ entryNo: b.entryNo }] });
    expect([sameSign.statusCode, sameSign.json().code]).toEqual([422, 'APPLICATION_INVALID']);
    const applied = await send('POST', `/api/v1/vendorLedgerEntries/${paid.entryNo}/apply`, { appliedEntries: [{ entryNo: a.entryNo }, { entryNo: b.entryNo }] });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ postingDate: '2026-01-15', documentNo: 'VP-9' });
    expect(applied.json().vendorLedgerEntries.map((row: Record<string, unknown>) => [row.entryNo, row.remainingAmount, row.open])).toEqual([
      [paid.entryNo, '0.00', false], [a.entryNo, '0.00', false], [b.entryNo, '0.00', false],
    ]);
    const details = await items(`/api/v1/detailedVendorLedgerEntries?entryType=application&vendorLedgerEntryNo=${paid.entryNo}`);
    expect(details.map((row: Record<string, unknown>) => [row.amount, row.appliedVendorLedgerEntryNo])).toEqual([['-500.00', a.entryNo], ['-100.00', b.entryNo]]);
  });

  it('refuses an Applies-to Doc. No. the vendor has no open entry for, naming the field, and writes nothing', async () => {
    const response = await postJournal(payment({ amount: '100', appliesToDocNo: 'PPI9999' }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'JOURNAL_APPLIES_TO_NOT_FOUND', errors: [{ field: 'lines.0.appliesToDocNo' }] });
    expect(JSON.stringify(response.json())).toContain('vendor V has no open document PPI9999');
    expect(await items('/api/v1/vendorLedgerEntries?documentNo=VP-1')).toEqual([]);
  });
});
