import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { blanketRequests } from '../../support/given-blanket.ts';
import { accountTotals, givenInventory, givenPostingCompany } from '../../support/given-posting.ts';
import { created, givenCustomer } from '../../support/given.ts';
import { pdfPageTexts } from '../../support/pdf-text.ts';

/**
 * Issue 16: prepayments (spec §26), worked examples P1 and P2 over HTTP to the cent, and the errors
 * of §26.10 on the way. Setup as §26.11: VAT 25 %, customer C with Prepayment % 30 and terms 14D,
 * items 1000 (cost 60, 20 in stock) and 2000 (cost 70, 10 in stock), Sales Prepayments Account
 * 2350, Check Prepmt. when Posting on, prepayment series PPI-/PPCM-.
 */
let api: TestApi;
const workDate = { 'x-work-date': '2026-03-02' };
const { send, get, ok, refused } = blanketRequests(() => api, workDate);
const at = (date: string) => (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, { 'x-work-date': date });

type Line = { lineNo: number; [field: string]: unknown };
const lineOf = (document: { lines: Line[] }, lineNo: number) => document.lines.find((line) => line.lineNo === lineNo)!;

beforeEach(async () => {
  api = await testApi();
  const admin = await givenPostingCompany(api);
  await created(admin, '/api/v1/glAccounts', { no: '2350', name: 'Customer Prepayments', incomeBalance: 'balanceSheet', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25' });
  await created(admin, '/api/v1/glAccounts', { no: '2900', name: 'Bank', incomeBalance: 'balanceSheet' });
  const general = (await admin('GET', '/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).json().items
    .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
  await admin('PATCH', `/api/v1/generalPostingSetups/${general.id}`, { salesPrepaymentsAccount: '2350' });
  for (const [code, start] of [['S-PPI', 'PPI-1'], ['S-PPCM', 'PPCM-1']] as const) {
    await created(admin, '/api/v1/noSeries', { code });
    await created(admin, `/api/v1/noSeries/${code}/lines`, { startingNo: start, endingNo: `${start.slice(0, -1)}9999` });
  }
  await admin('PATCH', '/api/v1/salesReceivablesSetup', { postedPrepaymentInvoiceNos: 'S-PPI', postedPrepaymentCreditMemoNos: 'S-PPCM', checkPrepaymentWhenPosting: true });
  await admin('PATCH', '/api/v1/customers/C', { prepaymentPercent: '30' });
  await created(admin, '/api/v1/items', { no: '2000', description: 'Helmet', unitPrice: '111.16', unitCost: '70', baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25' });
  await admin('PATCH', '/api/v1/items/2000', { inventoryPostingGroup: 'RESALE' });
  await givenInventory(admin, '2026-03-01', [{ itemNo: '1000', quantity: '20', unitCost: '60' }, { itemNo: '2000', quantity: '10', unitCost: '70' }]);
});
afterEach(async () => api.close());

/** SO0001 as SO-10 of P1: 10 × 1000 at 100.00 and 3 × 2000 at 111.16, both 30 %. */
async function orderOfP1() {
  return ok('POST', '/api/v1/salesOrders', {
    sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '10', unitPrice: '100' }, { type: 'item', no: '2000', quantity: '3', unitPrice: '111.16' }],
  });
}

async function pay(date: string, documentNo: string, amount: string, appliesToDocNo: string) {
  await created(at(date), '/api/v1/generalJournal/post', {
    lines: [{ postingDate: date, documentType: 'payment', documentNo, accountType: 'customer', accountNo: 'C', amount, balAccountType: 'glAccount', balAccountNo: '2900', appliesToDocType: 'invoice', appliesToDocNo }],
  });
}

const glOf = async (documentNo: string) => (await get(`/api/v1/glEntries?documentNo=${documentNo}&limit=100`)).items as Array<{ glAccountNo: string; debitAmount: string; creditAmount: string }>;
const vatOf = async (documentNo: string) => ((await get(`/api/v1/vatEntries?documentNo=${documentNo}`)).items as Array<{ base: string; amount: string }>)
  .map((entry) => [entry.base, entry.amount]).sort();

describe('worked example P1 (§26.11): prepayment invoice, payment, two partial shipments with deductions', () => {
  it('reproduces every figure to the cent', async () => {
    const order = await orderOfP1();
    expect(order).toMatchObject({ prepaymentPercent: '30.00000', prepmtPaymentTermsCode: '14D', prepaymentDueDate: '2026-03-16', compressPrepayment: true });
    expect(lineOf(order, 10000)).toMatchObject({ prepaymentPercent: '30.00000', prepmtLineAmount: '300.00', prepmtAmtInv: '0.00' });
    expect(lineOf(order, 20000)).toMatchObject({ lineAmount: '333.48', prepmtLineAmount: '100.04' });
    expect(order.totals).toMatchObject({ amount: '1333.48', vatAmount: '333.37', amountIncludingVat: '1666.85' });

    // Before the prepayment invoice nothing ships, and manual release is refused.
    await refused('POST', '/api/v1/salesOrders/SO0001/post', { ship: true }, 'PREPAYMENT_NOT_INVOICED');
    await refused('POST', '/api/v1/salesOrders/SO0001/release', undefined, 'PREPAYMENT_OUTSTANDING');

    // Preview shows the entries and draws no number.
    const preview = await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice/preview');
    expect(preview).toMatchObject({ postedNo: 'PPI-1', amountIncludingVat: '500.05' });
    expect(preview.glEntries.map((entry: { glAccountNo: string }) => entry.glAccountNo).sort()).toEqual(['1300', '2310', '2350']);
    expect((await get('/api/v1/salesOrders/SO0001')).status).toBe('open');

    // Step 1: Post Prepayment Invoice.
    const prepayment = await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');
    expect(prepayment).toMatchObject({ postedNo: 'PPI-1', amount: '400.04', amountIncludingVat: '500.05' });
    expect(prepayment.document).toMatchObject({ status: 'pendingPrepayment', lastPrepaymentNo: 'PPI-1' });
    expect(lineOf(prepayment.document, 10000)).toMatchObject({
      prepmtAmtInv: '300.00', prepmtAmountInvInclVat: '375.00', prepmtAmtToDeduct: '300.00', prepmtAmountInvLcy: '300.00', prepmtVatAmountInvLcy: '75.00',
    });
    expect(lineOf(prepayment.document, 20000)).toMatchObject({
      prepmtAmtInv: '100.04', prepmtAmountInvInclVat: '125.05', prepmtAmtToDeduct: '100.04', prepmtAmountInvLcy: '100.04', prepmtVatAmountInvLcy: '25.01',
    });
    const ppi = await get('/api/v1/postedSalesInvoices/PPI-1');
    expect(ppi).toMatchObject({ prepayment: true, prepaymentOrderNo: 'SO0001', dueDate: '2026-03-16', amount: '400.04', amountIncludingVat: '500.05' });
    expect(ppi.lines).toEqual([expect.objectContaining({ type: 'glAccount', no: '2350', quantity: '1.00000', unitPrice: '400.04000', amount: '400.04', amountIncludingVat: '500.05' })]);
    const [entry] = (await get('/api/v1/customerLedgerEntries?documentNo=PPI-1')).items;
    expect(entry).toMatchObject({ documentType: 'invoice', amount: '500.05', remainingAmount: '500.05', salesLcy: '400.04', prepayment: true, dueDate: '2026-03-16' });
    const ppiGl = await glOf('PPI-1');
    expect(accountTotals(ppiGl, '1300')).toEqual({ debit: '500.05', credit: '0.00' });
    expect(accountTotals(ppiGl, '2350')).toEqual({ debit: '0.00', credit: '400.04' });
    expect(accountTotals(ppiGl, '2310')).toEqual({ debit: '0.00', credit: '100.01' });
    expect(await vatOf('PPI-1')).toEqual([['-400.04', '-100.01']]);
    expect(await get('/api/v1/salesOrders/SO0001/prepayment')).toMatchObject({
      required: '400.04', invoiced: '400.04', invoicedIncludingVat: '500.05', deducted: '0.00', toInvoice: '0.00', toDeduct: '400.04', unpaid: '500.05',
      documents: [expect.objectContaining({ documentType: 'invoice', no: 'PPI-1', amountIncludingVat: '500.05', remainingAmount: '500.05' })],
    });

    // The account stays while prepayment is invoiced and not deducted (§26.1).
    const setup = (await get('/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).items.find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
    await refused('PATCH', `/api/v1/generalPostingSetups/${setup.id}`, { salesPrepaymentsAccount: '2900' }, 'PREPAYMENT_ACCOUNT_IN_USE');

    // The prepayment invoice is not counted twice in the credit exposure (§26.9.3).
    expect(await get('/api/v1/customers/C/statistics')).toMatchObject({ balanceLcy: '500.05', outstandingOrdersLcy: '1666.85', invoicedPrepaymentsLcy: '500.05' });

    // Step 2: unpaid → no shipping, no release.
    await refused('POST', '/api/v1/salesOrders/SO0001/post', { ship: true }, 'PREPAYMENT_UNPAID');
    await refused('POST', '/api/v1/salesOrders/SO0001/release', undefined, 'PREPAYMENT_OUTSTANDING');
    expect((await get('/api/v1/salesOrders/SO0001')).status).toBe('pendingPrepayment');

    // Step 3: payment; the batch releases the order.
    await pay('2026-03-05', 'PAY-1', '-500.05', 'PPI-1');
    expect((await get('/api/v1/customerLedgerEntries?documentNo=PPI-1')).items[0]).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(await ok('POST', '/api/v1/salesOrders/updatePendingPrepayment')).toEqual({ released: ['SO0001'] });
    expect((await get('/api/v1/salesOrders/SO0001')).status).toBe('released');

    // Step 4: first partial Ship and Invoice, dated 2026-03-10.
    await ok('PATCH', '/api/v1/salesOrders/SO0001', { postingDate: '2026-03-10', documentDate: '2026-03-10' });
    await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantityToShip: '4' });
    const partial = await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/20000', { quantityToShip: '1' });
    expect(lineOf(partial, 10000)).toMatchObject({ quantityToInvoice: '4.00000', prepmtAmtToDeduct: '120.00' });
    expect(lineOf(partial, 20000)).toMatchObject({ quantityToInvoice: '1.00000', prepmtAmtToDeduct: '33.35' });
    const first = await at('2026-03-10')('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ shipmentNo: 'PS0001', invoiceNo: 'PI0001', documentDeleted: false });
    const pi1 = await get('/api/v1/postedSalesInvoices/PI0001');
    expect(pi1).toMatchObject({ amount: '357.81', amountIncludingVat: '447.26' });
    expect(pi1.lines.find((line: Line) => line.prepaymentLine)).toMatchObject({ no: '2350', quantity: '-1.00000', lineAmount: '-153.35', amount: '-153.35', amountIncludingVat: '-191.69' });
    expect((await get('/api/v1/customerLedgerEntries?documentNo=PI0001')).items[0]).toMatchObject({ amount: '447.26', salesLcy: '357.81', dueDate: '2026-03-24' });
    const pi1Gl = await glOf('PI0001');
    expect(accountTotals(pi1Gl, '1300')).toEqual({ debit: '447.26', credit: '0.00' });
    expect(accountTotals(pi1Gl, '8000')).toEqual({ debit: '0.00', credit: '511.16' });
    expect(accountTotals(pi1Gl, '2350')).toEqual({ debit: '153.35', credit: '0.00' });
    expect(accountTotals(pi1Gl, '2310')).toEqual({ debit: '38.34', credit: '127.79' });
    expect(accountTotals(pi1Gl, '7000')).toEqual({ debit: '310.00', credit: '0.00' });
    expect(await vatOf('PI0001')).toEqual([['-511.16', '-127.79'], ['153.35', '38.34']]);
    const after = await get('/api/v1/salesOrders/SO0001');
    expect(lineOf(after, 10000)).toMatchObject({ quantityInvoiced: '4.00000', prepmtAmtDeducted: '120.00', prepmtAmtToDeduct: '180.00', prepmtAmountInvLcy: '180.00', prepmtVatAmountInvLcy: '45.00' });
    expect(lineOf(after, 20000)).toMatchObject({ quantityInvoiced: '1.00000', prepmtAmtDeducted: '33.35', prepmtAmtToDeduct: '66.69', prepmtAmountInvLcy: '66.69', prepmtVatAmountInvLcy: '16.67' });

    // Step 5: final Ship and Invoice, dated 2026-03-20.
    await ok('PATCH', '/api/v1/salesOrders/SO0001', { postingDate: '2026-03-20', documentDate: '2026-03-20' });
    const last = await at('2026-03-20')('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json()).toMatchObject({ invoiceNo: 'PI0002', documentDeleted: true });
    expect(await get('/api/v1/postedSalesInvoices/PI0002')).toMatchObject({ amount: '575.63', amountIncludingVat: '719.54' });
    const pi2Gl = await glOf('PI0002');
    expect(accountTotals(pi2Gl, '2350')).toEqual({ debit: '246.69', credit: '0.00' });
    expect(accountTotals(pi2Gl, '2310')).toEqual({ debit: '61.67', credit: '205.58' });
    expect(accountTotals(pi2Gl, '1300')).toEqual({ debit: '719.54', credit: '0.00' });
    expect(await vatOf('PI0002')).toEqual([['-822.32', '-205.58'], ['246.69', '61.67']]);

    // Over the whole life of the order: the prepayment account is back at 0.00.
    const all = (await get('/api/v1/glEntries?glAccountNo=2350&limit=100')).items;
    expect(accountTotals(all, '2350')).toEqual({ debit: '400.04', credit: '400.04' });
  });
});

describe('worked example P2 (§26.11): prepayment credit memo, quantity reduction and re-invoicing', () => {
  it('refuses the direct change, credits the prepayment, re-invoices it and deducts it in full', async () => {
    await orderOfP1();
    await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');
    await pay('2026-03-05', 'PAY-1', '-500.05', 'PPI-1');

    // Step 1: the change is refused; so are cancelling the prepayment invoice and deleting a line.
    await ok('POST', '/api/v1/salesOrders/SO0001/reopen');
    const below = await refused('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantity: '6' }, 'PREPMT_BELOW_INVOICED');
    expect(below.detail).toContain('180.00');
    expect(lineOf(await get('/api/v1/salesOrders/SO0001'), 10000)).toMatchObject({ quantity: '10.00000' });
    await refused('DELETE', '/api/v1/salesOrders/SO0001/lines/20000', undefined, 'LINE_HAS_INVOICED_PREPAYMENT');
    await refused('DELETE', '/api/v1/salesOrders/SO0001', undefined, 'LINE_HAS_INVOICED_PREPAYMENT');

    // Step 2: Post Prepayment Credit Memo.
    const credit = await at('2026-03-06')('POST', '/api/v1/salesOrders/SO0001/postPrepaymentCreditMemo');
    expect(credit.statusCode, credit.body).toBe(201);
    expect(credit.json()).toMatchObject({ postedNo: 'PPCM-1', amount: '400.04', amountIncludingVat: '500.05' });
    expect(credit.json().document).toMatchObject({ status: 'pendingPrepayment', lastPrepmtCrMemoNo: 'PPCM-1' });
    expect(lineOf(credit.json().document, 10000)).toMatchObject({ prepmtAmtInv: '0.00', prepmtAmountInvInclVat: '0.00', prepmtAmtToDeduct: '0.00', prepmtLineAmount: '300.00' });
    expect(await get('/api/v1/postedSalesCreditMemos/PPCM-1')).toMatchObject({ prepayment: true, prepaymentOrderNo: 'SO0001', amountIncludingVat: '500.05' });
    expect((await get('/api/v1/customerLedgerEntries?documentNo=PPCM-1')).items[0]).toMatchObject({ documentType: 'creditMemo', amount: '-500.05', open: true, prepayment: true });
    const cmGl = await glOf('PPCM-1');
    expect(accountTotals(cmGl, '2350')).toEqual({ debit: '400.04', credit: '0.00' });
    expect(accountTotals(cmGl, '2310')).toEqual({ debit: '100.01', credit: '0.00' });
    expect(accountTotals(cmGl, '1300')).toEqual({ debit: '0.00', credit: '500.05' });
    expect(await vatOf('PPCM-1')).toEqual([['400.04', '100.01']]);
    await refused('POST', '/api/v1/salesOrders/SO0001/postPrepaymentCreditMemo', undefined, 'NOTHING_TO_POST');

    // Step 3: reopen, reduce, re-invoice.
    await ok('POST', '/api/v1/salesOrders/SO0001/reopen');
    const reduced = await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantity: '6' });
    expect(lineOf(reduced, 10000)).toMatchObject({ lineAmount: '600.00', prepmtLineAmount: '180.00' });
    const again = await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');
    expect(again).toMatchObject({ postedNo: 'PPI-2', amount: '280.04', amountIncludingVat: '350.05' });
    expect(await vatOf('PPI-2')).toEqual([['-280.04', '-70.01']]);

    // Step 4: apply the credit memo to PPI-2; the order is released.
    const [memo] = (await get('/api/v1/customerLedgerEntries?documentNo=PPCM-1')).items;
    const [ppi2] = (await get('/api/v1/customerLedgerEntries?documentNo=PPI-2')).items;
    const applied = await send('POST', `/api/v1/customerLedgerEntries/${memo.entryNo}/apply`, { appliedEntries: [{ entryNo: ppi2.entryNo }] });
    expect(applied.statusCode, applied.body).toBeLessThan(300);
    expect((await get('/api/v1/customerLedgerEntries?documentNo=PPCM-1')).items[0]).toMatchObject({ remainingAmount: '-150.00' });
    expect((await ok('POST', '/api/v1/salesOrders/SO0001/release')).status).toBe('released');

    // Step 5: ship and invoice everything.
    const posted = await at('2026-03-20')('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({ invoiceNo: 'PI0001', documentDeleted: true });
    expect(await get('/api/v1/postedSalesInvoices/PI0001')).toMatchObject({ amount: '653.44', amountIncludingVat: '816.80' });
    expect(await vatOf('PI0001')).toEqual([['-933.48', '-233.37'], ['280.04', '70.01']]);
    const all = (await get('/api/v1/glEntries?glAccountNo=2350&limit=100')).items;
    expect(accountTotals(all, '2350')).toEqual({ debit: '680.08', credit: '680.08' });
  });
});

describe('prepayment setup and line rules (§26.1–26.3)', () => {
  it('takes the item table\'s percentage for the customer before the header\'s, types an amount into a percentage, and refuses percentages off orders', async () => {
    await ok('POST', '/api/v1/salesPrepaymentPercents', { itemNo: '2000', salesType: 'customer', salesCode: 'C', prepaymentPercent: '20' });
    await refused('POST', '/api/v1/salesPrepaymentPercents', { itemNo: '2000', salesType: 'allCustomers', salesCode: 'C', prepaymentPercent: '10' }, 'PREPAYMENT_SETUP_INVALID');
    const order = await orderOfP1();
    expect(lineOf(order, 20000)).toMatchObject({ prepaymentPercent: '20.00000', prepmtLineAmount: '66.70' });
    const typed = await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { prepmtLineAmount: '250' });
    expect(lineOf(typed, 10000)).toMatchObject({ prepaymentPercent: '25.00000', prepmtLineAmount: '250.00' });
    await refused('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { prepmtLineAmount: '1000.01' }, 'PREPMT_LINE_AMOUNT_INVALID');
    const all = await ok('PATCH', '/api/v1/salesOrders/SO0001', { prepaymentPercent: '40' });
    expect(all.lines.map((line: Line) => line.prepaymentPercent)).toEqual(['40.00000', '40.00000']);
    for (const [url, body] of [
      ['/api/v1/customers/C', { prepaymentPercent: '101' }], ['/api/v1/salesOrders/SO0001', { prepaymentPercent: '-1' }],
      ['/api/v1/salesOrders/SO0001/lines/10000', { prepaymentPercent: '150' }],
    ] as const) {
      expect((await refused('PATCH', url, body, 'PREPAYMENT_PCT_RANGE')).errors?.[0]?.field).toBe('prepaymentPercent');
    }
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '1' }] });
    expect(invoice).toMatchObject({ prepaymentPercent: '0.00000' });
    await refused('PATCH', `/api/v1/salesInvoices/${invoice.no}/lines/10000`, { prepaymentPercent: '10' }, 'PREPAYMENT_ONLY_ON_ORDERS');
  });

  it('spreads a total prepayment amount over the lines in proportion to Line Amount (§26.3.2 walkthrough)', async () => {
    await ok('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '40', unitPrice: '100' }, { type: 'item', no: '2000', quantity: '10', unitPrice: '90', prepaymentPercent: '40' }],
    });
    const before = await get('/api/v1/salesOrders/SO0001');
    expect(before.lines.map((line: Line) => line.prepmtLineAmount)).toEqual(['1200.00', '360.00']);
    const spread = await ok('POST', '/api/v1/salesOrders/SO0001/setPrepaymentAmount', { amount: '2000' });
    expect(lineOf(spread, 10000)).toMatchObject({ prepmtLineAmount: '1632.65', prepaymentPercent: '40.81625' });
    expect(lineOf(spread, 20000)).toMatchObject({ prepmtLineAmount: '367.35' });
    await refused('POST', '/api/v1/salesOrders/SO0001/setPrepaymentAmount', { amount: '4900.01' }, 'PREPMT_TOTAL_OUT_OF_RANGE');
  });

  it('refuses a prepayment invoice without the series or the account, and with nothing to invoice', async () => {
    await orderOfP1();
    await api.as('admin')('PATCH', '/api/v1/salesReceivablesSetup', { postedPrepaymentInvoiceNos: null });
    await refused('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice', undefined, 'PREPAYMENT_NO_SERIES_MISSING');
    await api.as('admin')('PATCH', '/api/v1/salesReceivablesSetup', { postedPrepaymentInvoiceNos: 'S-PPI' });
    await ok('PATCH', '/api/v1/salesOrders/SO0001', { prepaymentPercent: '0' });
    await refused('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice', undefined, 'NOTHING_TO_POST');
    // Without a prepayment the order ships as any other.
    expect((await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true })).shipmentNo).toBe('PS0001');
  });
});

describe('prepayment documents and corrections (§26.9.2)', () => {
  async function invoicedOnce() {
    await orderOfP1();
    await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');
    await pay('2026-03-05', 'PAY-1', '-500.05', 'PPI-1');
    await ok('POST', '/api/v1/salesOrders/SO0001/release');
    await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantityToShip: '4' });
    await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/20000', { quantityToShip: '1' });
    return ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
  }

  it('prints the posted prepayment invoice and credit memo titled as such, with their totals', async () => {
    await orderOfP1();
    await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');
    await ok('POST', '/api/v1/salesOrders/SO0001/reopen');
    await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentCreditMemo');
    for (const [url, title] of [['/api/v1/postedSalesInvoices/PPI-1/pdf', 'Prepayment Invoice'], ['/api/v1/postedSalesCreditMemos/PPCM-1/pdf', 'Prepayment Credit Memo']] as const) {
      const response = await send('GET', url);
      expect(response.headers['content-type']).toContain('application/pdf');
      const text = (await pdfPageTexts(response.rawPayload)).join('\n');
      expect(text).toContain(title);
      expect(text).toContain('500.05'); // 400.04 + 100.01 VAT, as P1's prepayment invoice
    }
  });

  it('refuses to cancel, correct or copy a prepayment invoice, and leaves it out of the lines to reverse', async () => {
    await orderOfP1();
    await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');
    for (const action of ['cancel', 'correct', 'createCorrectiveCreditMemo']) {
      const refusal = await refused('POST', `/api/v1/postedSalesInvoices/PPI-1/${action}`, {}, 'CANNOT_CORRECT_PREPAYMENT_INVOICE');
      expect(refusal.detail).toContain('prepayment credit memo');
    }
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    await refused('POST', `/api/v1/salesInvoices/${invoice.no}/copyDocument`, { sourceDocumentType: 'postedInvoice', sourceNo: 'PPI-1' }, 'PREPAYMENT_DOC_NOT_COPYABLE');
    const memo = await ok('POST', '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C' });
    const reversible = await get(`/api/v1/salesCreditMemos/${memo.no}/postedDocumentLines`);
    expect(reversible.items).toEqual([]);
  });

  it('cancelling an order\'s invoice credits its deduction back and the order line deducts it again', async () => {
    await invoicedOnce();
    const cancelled = await ok('POST', '/api/v1/postedSalesInvoices/PI0001/cancel');
    const memoNo = cancelled.postedCreditMemoNo as string;
    const memoGl = await glOf(memoNo);
    expect(accountTotals(memoGl, '2350')).toEqual({ debit: '0.00', credit: '153.35' });
    expect(accountTotals(memoGl, '1300')).toEqual({ debit: '0.00', credit: '447.26' });
    const order = await get('/api/v1/salesOrders/SO0001');
    expect(lineOf(order, 10000)).toMatchObject({ quantityInvoiced: '0.00000', prepmtAmtDeducted: '0.00', prepmtAmountInvLcy: '300.00', prepmtVatAmountInvLcy: '75.00' });
    expect(lineOf(order, 20000)).toMatchObject({ quantityInvoiced: '0.00000', prepmtAmtDeducted: '0.00', prepmtAmountInvLcy: '100.04', prepmtVatAmountInvLcy: '25.01' });
    // The cancelled goods came back: the whole order is to ship and invoice again, and deducts the whole prepayment.
    expect(lineOf(order, 10000)).toMatchObject({ quantityShipped: '0.00000', quantityToInvoice: '10.00000', prepmtAmtToDeduct: '300.00' });
    expect(lineOf(order, 20000)).toMatchObject({ quantityToInvoice: '3.00000', prepmtAmtToDeduct: '100.04' });
    expect((await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true })).documentDeleted).toBe(true);
    const account = (await get('/api/v1/glEntries?glAccountNo=2350&limit=100')).items;
    expect(accountTotals(account, '2350')).toEqual({ debit: '553.39', credit: '553.39' });
  });
});

describe('an invoice built from the shipments of a prepaid order (§26.7.5)', () => {
  it('deducts the order lines\' prepayment and leaves the prepayment account at 0.00', async () => {
    await orderOfP1();
    await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');
    await pay('2026-03-05', 'PAY-1', '-500.05', 'PPI-1');
    await ok('POST', '/api/v1/salesOrders/SO0001/release');
    expect((await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true })).shipmentNo).toBe('PS0001');
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    await ok('POST', `/api/v1/salesInvoices/${invoice.no}/getShipmentLines`, { lines: [{ documentNo: 'PS0001', lineNo: 10000 }, { documentNo: 'PS0001', lineNo: 20000 }] });
    const posted = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    const invoiceNo = posted.invoiceNo as string;
    expect(await get(`/api/v1/postedSalesInvoices/${invoiceNo}`)).toMatchObject({ amount: '933.44', amountIncludingVat: '1166.80' });
    expect(accountTotals(await glOf(invoiceNo), '2350')).toEqual({ debit: '400.04', credit: '0.00' });
    expect(await vatOf(invoiceNo)).toEqual([['-1333.48', '-333.37'], ['400.04', '100.01']]);
    // The order stays until Delete Invoiced Sales Orders; its lines have deducted everything.
    const order = await get('/api/v1/salesOrders/SO0001');
    expect(lineOf(order, 10000)).toMatchObject({ quantityInvoiced: '10.00000', prepmtAmtDeducted: '300.00', prepmtAmountInvLcy: '0.00', prepmtVatAmountInvLcy: '0.00' });
    expect(lineOf(order, 20000)).toMatchObject({ quantityInvoiced: '3.00000', prepmtAmtDeducted: '100.04', prepmtVatAmtDeducted: '25.01' });

    // Cancelling that invoice gives the order lines their prepayment back to deduct.
    const cancelled = await ok('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/cancel`);
    expect(accountTotals(await glOf(cancelled.postedCreditMemoNo), '2350')).toEqual({ debit: '0.00', credit: '400.04' });
    const restored = await get('/api/v1/salesOrders/SO0001');
    expect(lineOf(restored, 10000)).toMatchObject({ prepmtAmtDeducted: '0.00', prepmtAmountInvLcy: '300.00', prepmtVatAmountInvLcy: '75.00' });
    expect(lineOf(restored, 20000)).toMatchObject({ prepmtAmtDeducted: '0.00', prepmtVatAmtDeducted: '0.00', prepmtAmountInvLcy: '100.04' });
  });
});

describe('a prepayment paid at once by the payment method (§26.4)', () => {
  it('posts and applies the payment with the prepayment invoice, so the order can be released at once', async () => {
    await created(api.as('admin'), '/api/v1/paymentMethods', { code: 'CASH', description: 'Cash', balancingAccountType: 'glAccount', balancingAccountNo: '2900' });
    await orderOfP1();
    await ok('PATCH', '/api/v1/salesOrders/SO0001', { paymentMethodCode: 'CASH' });
    const posted = await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');
    const entries = (await get('/api/v1/customerLedgerEntries?documentNo=PPI-1')).items;
    expect(entries.map((entry: { documentType: string; amount: string; open: boolean }) => [entry.documentType, entry.amount, entry.open]).sort())
      .toEqual([['invoice', '500.05', false], ['payment', '-500.05', false]]);
    expect(accountTotals(await glOf('PPI-1'), '2900')).toEqual({ debit: '500.05', credit: '0.00' });
    expect(posted.document.status).toBe('pendingPrepayment');
    expect((await ok('POST', '/api/v1/salesOrders/SO0001/release')).status).toBe('released');
  });
});

describe('a prepayment in a foreign currency (§26.9.6)', () => {
  it('relieves the prepayment account at its historical LCY value, the difference on Realized Losses', async () => {
    const admin = api.as('admin');
    await admin('PATCH', '/api/v1/salesReceivablesSetup', { checkPrepaymentWhenPosting: false });
    for (const [no, name] of [['9350', 'Realized gains'], ['9360', 'Realized losses']]) await created(admin, '/api/v1/glAccounts', { no, name, incomeBalance: 'incomeStatement' });
    await created(admin, '/api/v1/currencies', { code: 'USD', realizedGainsAccount: '9350', realizedLossesAccount: '9360' });
    for (const [startingDate, exchangeRateAmount] of [['2026-03-01', '125'], ['2026-03-20', '100']]) {
      await created(admin, '/api/v1/currencies/USD/exchangeRates', { startingDate, exchangeRateAmount, relationalExchangeRateAmount: '100' });
    }
    await givenCustomer(admin, 'U', { currencyCode: 'USD', prepaymentPercent: '30' });
    await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'U', lines: [{ type: 'item', no: '1000', quantity: '10', unitPrice: '100' }] });
    const prepayment = await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');
    expect(prepayment).toMatchObject({ amount: '300.00', amountIncludingVat: '375.00' });
    expect(accountTotals(await glOf('PPI-1'), '2350')).toEqual({ debit: '0.00', credit: '240.00' });
    expect(lineOf(prepayment.document, 10000)).toMatchObject({ prepmtAmountInvLcy: '240.00', prepmtVatAmountInvLcy: '60.00' });
    await ok('POST', '/api/v1/salesOrders/SO0001/reopen');
    await ok('PATCH', '/api/v1/salesOrders/SO0001', { postingDate: '2026-03-20' });
    expect((await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true })).documentDeleted).toBe(true);
    const invoiceGl = await glOf('PI0001');
    expect(accountTotals(invoiceGl, '2350')).toEqual({ debit: '300.00', credit: '60.00' });
    expect(accountTotals(invoiceGl, '9360')).toEqual({ debit: '60.00', credit: '0.00' });
    const all = (await get('/api/v1/glEntries?glAccountNo=2350&limit=100')).items;
    expect(accountTotals(all, '2350')).toEqual({ debit: '300.00', credit: '300.00' });
  });
});

describe('Prepmt Amt to Deduct after a posting, in a currency without decimals (§26.3.4)', () => {
  it('is rounded to the currency\'s amount precision, not to cents', async () => {
    const admin = api.as('admin');
    await admin('PATCH', '/api/v1/salesReceivablesSetup', { checkPrepaymentWhenPosting: false, defaultQuantityToShip: 'blank' });
    for (const [no, name] of [['9350', 'Realized gains'], ['9360', 'Realized losses']]) await created(admin, '/api/v1/glAccounts', { no, name, incomeBalance: 'incomeStatement' });
    await created(admin, '/api/v1/currencies', { code: 'JPY', amountRoundingPrecision: '1', realizedGainsAccount: '9350', realizedLossesAccount: '9360' });
    await created(admin, '/api/v1/currencies/JPY/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '16000', relationalExchangeRateAmount: '100' });
    await givenCustomer(admin, 'J', { currencyCode: 'JPY', prepaymentPercent: '30' });
    await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'J', lines: [{ type: 'item', no: '1000', quantity: '3', unitPrice: '1001' }] });
    // 3 × 1001 × 30 % = 900.9, in yen 901.
    expect(await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice')).toMatchObject({ amount: '901.00' });
    await ok('POST', '/api/v1/salesOrders/SO0001/reopen');
    await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantityToShip: '2', quantityToInvoice: '1' });
    await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    // Deducted round(901 / 3) = 300; the one unit shipped and not invoiced deducts half the 601 left: 300.5, in yen 301.
    expect(lineOf(await get('/api/v1/salesOrders/SO0001'), 10000)).toMatchObject({ quantityToInvoice: '1.00000', prepmtAmtDeducted: '300.00', prepmtAmtToDeduct: '301.00' });
  });
});

describe('a 100 % prepayment (§26.3.4, §26.7.3)', () => {
  it('deducts exactly what each invoice invoices, so every final invoice is 0.00 and the account ends at 0.00', async () => {
    await api.as('admin')('PATCH', '/api/v1/salesReceivablesSetup', { checkPrepaymentWhenPosting: false });
    await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', prepaymentPercent: '100', lines: [{ type: 'item', no: '2000', quantity: '3', unitPrice: '111.16' }] });
    expect(await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice')).toMatchObject({ amount: '333.48', amountIncludingVat: '416.85' });
    await ok('POST', '/api/v1/salesOrders/SO0001/reopen');
    await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantityToShip: '1' });
    expect((await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true })).invoiceNo).toBe('PI0001');
    expect(await get('/api/v1/postedSalesInvoices/PI0001')).toMatchObject({ amount: '0.00', amountIncludingVat: '0.00' });
    expect((await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true })).invoiceNo).toBe('PI0002');
    expect(await get('/api/v1/postedSalesInvoices/PI0002')).toMatchObject({ amount: '0.00', amountIncludingVat: '0.00' });
    const all = (await get('/api/v1/glEntries?glAccountNo=2350&limit=100')).items;
    expect(accountTotals(all, '2350')).toEqual({ debit: '333.48', credit: '333.48' });
  });
});

describe('a 100 % line whose invoices round (§26.7.3)', () => {
  it('bills the rest of the prepayment on the final invoice, the cent taken into the line discount, so every invoice is 0.00', async () => {
    await api.as('admin')('PATCH', '/api/v1/salesReceivablesSetup', { checkPrepaymentWhenPosting: false });
    // 3 × 11.11 = 33.33 less 5 % invoice discount 1.67: 31.66 prepaid; each unit bills 11.11 − round(1.67 / 3) = 10.55.
    await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', prepaymentPercent: '100', lines: [{ type: 'item', no: '2000', quantity: '3', unitPrice: '11.11' }] });
    await ok('PATCH', '/api/v1/salesOrders/SO0001', { invoiceDiscountPercent: '5' });
    expect(await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice')).toMatchObject({ amount: '31.66', amountIncludingVat: '39.58' });
    await ok('POST', '/api/v1/salesOrders/SO0001/reopen');
    for (const invoiceNo of ['PI0001', 'PI0002']) {
      await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantityToShip: '1' });
      expect(lineOf(await get('/api/v1/salesOrders/SO0001'), 10000)).toMatchObject({ prepmtAmtToDeduct: '10.55' });
      expect((await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true })).invoiceNo).toBe(invoiceNo);
      expect(await get(`/api/v1/postedSalesInvoices/${invoiceNo}`)).toMatchObject({ amount: '0.00', amountIncludingVat: '0.00' });
    }
    // 31.66 − 2 × 10.55 = 10.56 is left, one cent more than the last unit prices at (§4.5): the final invoice bills exactly that.
    expect(lineOf(await get('/api/v1/salesOrders/SO0001'), 10000)).toMatchObject({ quantityToInvoice: '1.00000', prepmtAmtToDeduct: '10.56' });
    expect((await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true })).documentDeleted).toBe(true);
    const final = await get('/api/v1/postedSalesInvoices/PI0003');
    expect(final).toMatchObject({ amount: '0.00', amountIncludingVat: '0.00' });
    expect(lineOf(final, 10000)).toMatchObject({ lineAmount: '11.12', lineDiscountAmount: '-0.01', invoiceDiscountAmount: '0.56', amount: '10.56' });
    const all = (await get('/api/v1/glEntries?glAccountNo=2350&limit=100')).items;
    expect(accountTotals(all, '2350')).toEqual({ debit: '31.66', credit: '31.66' });
  });

  it('refuses a prepayment that would exceed the order incl. VAT (PREPAYMENT_EXCEEDS_ORDER)', async () => {
    // A 0 % VAT line prepaid in full on the 25 % prepayment account would invoice 25 % more than the order.
    await created(api.as('admin'), '/api/v1/vatProductPostingGroups', { code: 'VAT0' });
    await created(api.as('admin'), '/api/v1/vatPostingSetups', { vatBusPostingGroup: 'DOMESTIC', vatProdPostingGroup: 'VAT0', vatPercent: '0', vatIdentifier: 'VAT0', salesVatAccount: '2310' });
    await created(api.as('admin'), '/api/v1/glAccounts', { no: '6200', name: 'Books', incomeBalance: 'incomeStatement', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT0' });
    await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', prepaymentPercent: '100', lines: [{ type: 'glAccount', no: '6200', quantity: '1', unitPrice: '100' }] });
    const refusal = await refused('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice', undefined, 'PREPAYMENT_EXCEEDS_ORDER');
    expect(refusal.detail).toContain('125.00');
    expect((await get('/api/v1/postedSalesInvoices?limit=10')).items).toEqual([]);
  });
});

describe('the other refusals of §26.10', () => {
  it('answers each with its own code', async () => {
    await refused('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '-1' }] }, 'PREPAYMENT_NEGATIVE_LINE');
    await orderOfP1();
    await ok('PATCH', '/api/v1/salesOrders/SO0001', { prepaymentDueDate: null });
    await refused('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice', undefined, 'FIELD_REQUIRED');
    await ok('PATCH', '/api/v1/salesOrders/SO0001', { prepaymentDueDate: '2026-03-16' });
    const setup = (await get('/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).items.find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
    await ok('PATCH', `/api/v1/generalPostingSetups/${setup.id}`, { salesPrepaymentsAccount: null });
    await refused('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice', undefined, 'POSTING_SETUP_MISSING');
    await ok('PATCH', `/api/v1/generalPostingSetups/${setup.id}`, { salesPrepaymentsAccount: '2350' });
    await ok('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice');

    await refused('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { prepmtAmtToDeduct: '300.01' }, 'PREPMT_DEDUCT_INVALID');
    await ok('POST', '/api/v1/salesOrders/SO0001/reopen');
    await refused('PATCH', '/api/v1/salesOrders/SO0001', { invoiceDiscountPercent: '10' }, 'PREPMT_INV_DISCOUNT_AFTER_PREPAYMENT');
    // A new VAT rate on the prepayment account's setup: a further prepayment invoice would mix rates.
    await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantity: '12' });
    const vat = (await get('/api/v1/vatPostingSetups?vatProdPostingGroup=VAT25')).items[0];
    await ok('PATCH', `/api/v1/vatPostingSetups/${vat.id}`, { vatPercent: '20' });
    await refused('POST', '/api/v1/salesOrders/SO0001/postPrepaymentInvoice', undefined, 'PREPAYMENT_VAT_CHANGED');
  });
});
