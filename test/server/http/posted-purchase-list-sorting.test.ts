import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { allPages as everyPage } from '../../support/list-pages.ts';
import { created } from '../../support/given.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

let api: TestApi;
let send: ReturnType<TestApi['as']>;
beforeEach(async () => { api = await testApi(); });
afterEach(() => api.close());

type Item = Record<string, unknown>;
const workDate = { 'x-work-date': '2026-01-15' };

/** Every page of a list, on the work date the invoices were posted around. */
const allPages = (url: string, limit: number) => everyPage(send, url, limit, workDate);

const numbers = (items: Item[]) => items.map((row) => row.no);

/** Posts a purchase invoice of vendor V or W through the API; returns the posted invoice's number. */
async function postedInvoice(facts: { vendorNo: string; vendorInvoiceNo: string; postingDate: string; directUnitCost: string }): Promise<string> {
  const invoice = await created(send, '/api/v1/purchaseInvoices', {
    buyFromVendorNo: facts.vendorNo, vendorInvoiceNo: facts.vendorInvoiceNo, postingDate: facts.postingDate,
    lines: [{ type: 'item', no: 'A', quantity: '2', directUnitCost: facts.directUnitCost }],
  });
  const posted = await send('POST', `/api/v1/purchaseInvoices/${invoice.no}/post`, undefined, workDate);
  expect(posted.statusCode, posted.body).toBe(201);
  return posted.json().invoiceNo as string;
}

describe('posted purchase lists sort, filter and page on the server (issue 19)', () => {
  // Unit costs whose text order differs from their amount order, with a tie (35, 35); posting dates out of number order.
  const invoices = [
    { vendorNo: 'V', vendorInvoiceNo: 'INV-300', postingDate: '2026-01-12', directUnitCost: '300' },
    { vendorNo: 'W', vendorInvoiceNo: 'WB-35', postingDate: '2026-01-03', directUnitCost: '35' },
    { vendorNo: 'V', vendorInvoiceNo: 'INV-120', postingDate: '2026-01-20', directUnitCost: '120' },
    { vendorNo: 'V', vendorInvoiceNo: 'INV-35', postingDate: '2026-01-08', directUnitCost: '35' },
    { vendorNo: 'W', vendorInvoiceNo: 'WB-7', postingDate: '2026-01-15', directUnitCost: '7.25' },
  ];
  let invoiceNos: string[];
  beforeEach(async () => {
    const admin = await givenPurchasingCompany(api);
    send = admin;
    await created(admin, '/api/v1/vendors', {
      no: 'W', name: 'Westbouw Handel', vendorPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC', paymentTermsCode: '14D',
    });
    invoiceNos = [];
    for (const facts of invoices) invoiceNos.push(await postedInvoice(facts));
  });
  const byIndex = (...indexes: number[]) => indexes.map((index) => invoiceNos[index]);

  it('orders posted purchase invoices by Amount, ascending and descending, across pages of two, ties by number, none lost or repeated', async () => {
    expect(new Set(invoiceNos).size).toBe(5);
    const ascending = await allPages('/api/v1/postedPurchaseInvoices?sort=amount', 2);
    expect(ascending.pages).toBe(3);
    expect(numbers(ascending.items)).toEqual(byIndex(4, 1, 3, 2, 0));
    expect(ascending.items.map((row) => row.amount)).toEqual(['14.50', '70.00', '70.00', '240.00', '600.00']);
    const descending = await allPages('/api/v1/postedPurchaseInvoices?sort=-amount', 2);
    expect(numbers(descending.items)).toEqual(byIndex(0, 2, 3, 1, 4));
    for (const limit of [1, 3, 100]) {
      expect(numbers((await allPages('/api/v1/postedPurchaseInvoices?sort=amount', limit)).items), `limit ${limit}`).toEqual(byIndex(4, 1, 3, 2, 0));
    }
  });

  it('orders by posting date and by vendor name across pages, and pages in number order without a sort', async () => {
    expect(numbers((await allPages('/api/v1/postedPurchaseInvoices?sort=postingDate', 2)).items)).toEqual(byIndex(1, 3, 0, 4, 2));
    expect(numbers((await allPages('/api/v1/postedPurchaseInvoices?sort=-postingDate', 2)).items)).toEqual(byIndex(2, 4, 0, 3, 1));
    // "Vendor V" before "Westbouw Handel"; each name's invoices by number, also when the names sort descending.
    expect(numbers((await allPages('/api/v1/postedPurchaseInvoices?sort=buyFromName', 2)).items)).toEqual(byIndex(0, 2, 3, 1, 4));
    expect(numbers((await allPages('/api/v1/postedPurchaseInvoices?sort=-buyFromName', 2)).items)).toEqual(byIndex(4, 1, 3, 2, 0));
    const unsorted = await allPages('/api/v1/postedPurchaseInvoices', 2);
    expect(unsorted.pages).toBe(3);
    expect(numbers(unsorted.items)).toEqual([...invoiceNos].sort());
    // The receipts the invoices wrote are another list, sorted on their own.
    const receipts = await allPages('/api/v1/postedPurchaseReceipts?sort=-postingDate', 2);
    expect(receipts.items.map((row) => [row.documentType, row.postingDate])).toEqual(
      ['2026-01-20', '2026-01-15', '2026-01-12', '2026-01-08', '2026-01-03'].map((date) => ['receipt', date]));
  });

  it('filters by vendor and posting date range and searches names and vendor invoice numbers, under a sort', async () => {
    expect(numbers((await allPages('/api/v1/postedPurchaseInvoices?buyFromVendorNo=w&sort=-amount', 1)).items)).toEqual(byIndex(1, 4));
    expect(numbers((await allPages('/api/v1/postedPurchaseInvoices?payToVendorNo=V&sort=amount', 1)).items)).toEqual(byIndex(3, 2, 0));
    const january = '/api/v1/postedPurchaseInvoices?postingDateFrom=2026-01-08&postingDateTo=2026-01-15&sort=-postingDate';
    expect(numbers((await allPages(january, 2)).items)).toEqual(byIndex(4, 0, 3));
    expect(numbers((await allPages('/api/v1/postedPurchaseInvoices?search=inv-&sort=-amount', 2)).items)).toEqual(byIndex(0, 2, 3));
    expect(numbers((await allPages('/api/v1/postedPurchaseInvoices?search=westbouw&sort=postingDate', 1)).items)).toEqual(byIndex(1, 4));
  });

  it('refuses a sort on a field that is not sortable, and a cursor edited to another kind of value, with 400', async () => {
    const unknown = await send('GET', '/api/v1/postedPurchaseInvoices?sort=-lines', undefined, workDate);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('cannot be sorted on "lines"');
    expect(unknown.json().detail).toContain('vendorInvoiceNo');
    const cursor = Buffer.from(JSON.stringify({ value: 'much', key: invoiceNos[0] })).toString('base64url');
    const edited = await send('GET', `/api/v1/postedPurchaseInvoices?sort=amount&limit=2&cursor=${cursor}`, undefined, workDate);
    expect(edited.statusCode).toBe(400);
    expect(edited.json().detail).toBe('The cursor is not one this API returned.');
  });

  it('documents sort, cursor and the filters in the OpenAPI document', async () => {
    const document = (await send('GET', '/api/v1/openapi.json')).json();
    const parameters = (path: string) => (document.paths[path].get.parameters as Array<{ name: string; description?: string }>);
    for (const path of ['/api/v1/postedPurchaseInvoices', '/api/v1/postedPurchaseReceipts', '/api/v1/postedPurchaseCreditMemos', '/api/v1/postedReturnShipments']) {
      const names = parameters(path).map((parameter) => parameter.name);
      expect(names, path).toEqual(expect.arrayContaining(['sort', 'cursor', 'limit', 'search', 'buyFromVendorNo', 'payToVendorNo', 'postingDateFrom', 'postingDateTo']));
      expect(parameters(path).find((parameter) => parameter.name === 'sort')?.description).toContain('nextCursor pages on under the same sort');
    }
  });
});

describe('posted purchase invoices and credit memos show and sort on Remaining Amount and payment status (issue 19)', () => {
  const at = (workDate: string) => ({ 'x-work-date': workDate });
  let numbersByName: Record<'paid' | 'partly' | 'overdue' | 'open' | 'small', string>;
  const named = (...names: Array<keyof typeof numbersByName>) => names.map((name) => numbersByName[name]);
  const posted = async (path: string, body: Record<string, unknown>, postedNoField: string) => {
    const document = await created(send, path, { buyFromVendorNo: 'V', ...body });
    const response = await send('POST', `${path}/${document.no}/post`, undefined, at('2026-01-15'));
    expect(response.statusCode, response.body).toBe(201);
    return response.json()[postedNoField] as string;
  };
  const invoice = (vendorInvoiceNo: string, postingDate: string, directUnitCost: string) =>
    posted('/api/v1/purchaseInvoices', { vendorInvoiceNo, postingDate, documentDate: postingDate, lines: [{ type: 'item', no: 'A', quantity: '1', directUnitCost }] }, 'invoiceNo');
  /** A vendor payment through the general journal, applied to the posted invoice. */
  const pay = async (documentNo: string, invoiceNo: string, amount: string) => {
    const response = await send('POST', '/api/v1/generalJournal/post', { lines: [{
      postingDate: '2026-01-21', documentType: 'payment', documentNo, accountType: 'vendor', accountNo: 'V', amount,
      balAccountType: 'bankAccount', balAccountNo: 'GIRO', appliesToDocType: 'invoice', appliesToDocNo: invoiceNo,
    }] }, at('2026-01-21'));
    expect(response.statusCode, response.body).toBe(201);
  };

  beforeEach(async () => {
    send = await givenPurchasingCompany(api);
    await created(send, '/api/v1/glAccounts', { no: '2910', name: 'Bank', incomeBalance: 'balanceSheet' });
    await created(send, '/api/v1/bankAccountPostingGroups', { code: 'CHECKING', glAccountNo: '2910' });
    await created(send, '/api/v1/bankAccounts', { no: 'GIRO', name: 'Giro', bankAccPostingGroup: 'CHECKING' });
    // Vendor V pays in 14 days from the document date; 25 % VAT. Numbers follow the order posted.
    numbersByName = {
      paid: await invoice('RA-1', '2026-01-02', '400'), // 500.00, paid in full
      partly: await invoice('RA-2', '2026-01-20', '200'), // 250.00, 100.00 paid; due 2026-02-03
      open: await invoice('RA-3', '2026-01-18', '120'), // 150.00, due 2026-02-01
      small: await invoice('RA-4', '2026-01-19', '60'), // 75.00, due 2026-02-02
      overdue: await invoice('RA-5', '2026-01-03', '80'), // 100.00, due 2026-01-17
    };
    await pay('VP-1', numbersByName.paid, '500');
    await pay('VP-2', numbersByName.partly, '100');
  });

  it('shows Remaining Amount from the vendor entry after a partial payment, and sorts on it as a number across pages', async () => {
    const ascending = await allPages('/api/v1/postedPurchaseInvoices?sort=remainingAmount', 2);
    expect(ascending.pages).toBe(3);
    expect(ascending.items.map((row) => [row.no, row.remainingAmount, row.closed])).toEqual([
      [numbersByName.paid, '0.00', true], [numbersByName.small, '75.00', false], [numbersByName.overdue, '100.00', false],
      [numbersByName.partly, '150.00', false], [numbersByName.open, '150.00', false],
    ]);
    const descending = await allPages('/api/v1/postedPurchaseInvoices?sort=-remainingAmount', 2);
    expect(numbers(descending.items)).toEqual(named('open', 'partly', 'overdue', 'small', 'paid'));
    const document = (await send('GET', `/api/v1/postedPurchaseInvoices/${numbersByName.partly}`, undefined, workDate)).json();
    expect([document.amountIncludingVat, document.remainingAmount, document.closed]).toEqual(['250.00', '150.00', false]);
  });

  it('orders by status at the work date: overdue, open, partly paid, paid', async () => {
    const byStatus = await everyPage(send, '/api/v1/postedPurchaseInvoices?sort=status', 2, at('2026-01-25'));
    expect(byStatus.pages).toBe(3);
    expect(numbers(byStatus.items)).toEqual(named('overdue', 'open', 'small', 'partly', 'paid'));
    const descending = await everyPage(send, '/api/v1/postedPurchaseInvoices?sort=-status', 2, at('2026-01-25'));
    expect(numbers(descending.items)).toEqual(named('paid', 'partly', 'small', 'open', 'overdue'));
    // Before the first due date nothing is overdue: RA-5 is open, in number order among the open ones.
    const earlier = await everyPage(send, '/api/v1/postedPurchaseInvoices?sort=status', 3, at('2026-01-16'));
    expect(numbers(earlier.items)).toEqual(named('open', 'small', 'overdue', 'partly', 'paid'));
    // After every due date the partly paid one is overdue too; the paid one never is.
    const later = await everyPage(send, '/api/v1/postedPurchaseInvoices?sort=status', 3, at('2026-02-04'));
    expect(numbers(later.items)).toEqual(named('partly', 'open', 'small', 'overdue', 'paid'));
  });

  it('gives a credit memo its own remaining amount, positive like its total, and keeps receipts to their stored fields', async () => {
    const creditMemoNo = await posted('/api/v1/purchaseCreditMemos', {
      vendorCreditMemoNo: 'CM-1', postingDate: '2026-01-20', lines: [{ type: 'item', no: 'A', quantity: '1', directUnitCost: '40' }],
    }, 'creditMemoNo');
    const creditMemos = await allPages('/api/v1/postedPurchaseCreditMemos?sort=-remainingAmount', 1);
    expect(creditMemos.items.map((row) => [row.no, row.amountIncludingVat, row.remainingAmount, row.closed])).toEqual([[creditMemoNo, '50.00', '50.00', false]]);
    const receipts = await send('GET', '/api/v1/postedPurchaseReceipts?sort=status', undefined, workDate);
    expect(receipts.statusCode).toBe(400);
    expect(receipts.json().detail).toContain('cannot be sorted on "status"');
    expect((await allPages('/api/v1/postedPurchaseReceipts', 10)).items[0]).not.toHaveProperty('remainingAmount');
  });
});
