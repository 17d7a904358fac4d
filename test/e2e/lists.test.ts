import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

interface Customer { no: string; name: string }
interface Quote { no: string; quoteValidUntilDate: string | null }

// On the demo company. The tests go on from one another (one server, one page).
describe.skipIf(!chromiumAvailable())('lists that sort on the server, keep their state in the address and tidy up (issue 19)', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;
  let expiredQuote: string;
  let validQuote: string;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (opened) => {
        api = opened;
        // Two quotes: one valid until long ago, one until far ahead.
        for (const [validUntil, assign] of [
          ['2000-06-30', (no: string) => { expiredQuote = no; }],
          ['2099-12-31', (no: string) => { validQuote = no; }],
        ] as const) {
          const { no } = await api.call<{ no: string }>('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C00010' });
          await api.call('PATCH', `/api/v1/salesQuotes/${no}`, { quoteValidUntilDate: validUntil });
          assign(no);
        }
        // Two posted invoices, so the customer ledger's newest entries are known.
        await api.postInvoice('C00030', '100');
        await api.postInvoice('C00040', '200');
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `lists-${name}.png`), fullPage: true });
  const notices = () => page.getByRole('region', { name: 'Notifications' });

  /** The texts of one column of a list, by its caption, for every row shown. */
  async function columnTexts(list: Locator, label: string): Promise<string[]> {
    const headers = await list.getByRole('columnheader').allTextContents();
    const index = headers.findIndex((header) => header.replace(/[▲▼]/g, '').trim() === label);
    expect(index, `column ${label} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
    const rows = list.getByRole('row');
    const texts: string[] = [];
    for (let row = 1; row < await rows.count(); row += 1) texts.push((await rows.nth(row).getByRole('cell').nth(index).textContent()) ?? '');
    return texts;
  }

  /** Waits until the list shows these values in the column (a new page or order arrives after the click). */
  async function expectColumn(list: Locator, label: string, expected: string[]) {
    await expect.poll(() => columnTexts(list, label), slow).toEqual(expected);
  }

  it('sorts customers by name on the server, across pages of three, and keeps sort and page in the address', async () => {
    const all = (await api.call<{ items: Customer[] }>('GET', '/api/v1/customers?sort=name&limit=1000')).items;
    expect(all.length).toBeGreaterThan(6);
    const byKey = (await api.call<{ items: Customer[] }>('GET', '/api/v1/customers?limit=3')).items;

    await page.goto(`${session.server.address}/customers?limit=3`);
    const list = page.getByRole('table', { name: 'Customers' });
    await expectColumn(list, 'No.', byKey.map((customer) => customer.no));

    await list.getByRole('button', { name: 'Name', exact: true }).click();
    await expectColumn(list, 'Name', all.slice(0, 3).map((customer) => customer.name));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');
    await expect.poll(() => list.getByRole('columnheader', { name: /^Name/ }).getAttribute('aria-sort')).toBe('ascending');

    // Page 2 continues the order of all customers, not of the first page's.
    await page.getByRole('button', { name: 'Next page' }).click();
    await expectColumn(list, 'No.', all.slice(3, 6).map((customer) => customer.no));
    await expect.poll(() => page.getByText('Page 2', { exact: true }).isVisible()).toBe(true);
    await screenshot('customers-by-name-page-2');

    // Reload: the same sort, page and rows.
    await page.reload();
    await expectColumn(list, 'No.', all.slice(3, 6).map((customer) => customer.no));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');
    await expect.poll(() => list.getByRole('columnheader', { name: /^Name/ }).getAttribute('aria-sort')).toBe('ascending');

    // Descending, from the first page again.
    await list.getByRole('button', { name: /^Name/ }).click();
    const descending = (await api.call<{ items: Customer[] }>('GET', '/api/v1/customers?sort=-name&limit=3')).items;
    await expectColumn(list, 'No.', descending.map((customer) => customer.no));
    await expect.poll(() => page.getByText('Page 1', { exact: true }).isVisible()).toBe(true);

    // Back: ascending, page 2 again.
    await page.goBack();
    await expectColumn(list, 'No.', all.slice(3, 6).map((customer) => customer.no));
    await page.goBack();
    await expectColumn(list, 'No.', all.slice(0, 3).map((customer) => customer.no));
  });

  it('keeps a filter with the sort in the address, and sorts all orders by their Amount summed from the lines', async () => {
    await page.goto(`${session.server.address}/sales/orders?limit=2&sort=-no`);
    const list = page.getByRole('table', { name: 'Sales Orders' });
    const orders = (await api.call<{ items: Array<{ no: string }> }>('GET', '/api/v1/salesOrders?sort=-no&limit=2')).items;
    await expectColumn(list, 'No.', orders.map((order) => order.no));
    await expect.poll(() => list.getByRole('columnheader', { name: /^No\./ }).getAttribute('aria-sort')).toBe('descending');
    for (const indicator of ['Shipped', 'Completely Shipped', 'Invoiced', 'Amount Shipped Not Invoiced']) {
      await list.getByRole('columnheader', { name: indicator, exact: true }).waitFor(slow);
    }
    await page.getByLabel('Status').selectOption('open');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('open');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-no');

    // Amount is summed from the lines: the server sorts every open order on it, the address keeps it with the filter.
    const amountHeader = list.getByRole('columnheader', { name: /^Amount( [▲▼])?$/ });
    for (const sort of ['amount', '-amount']) {
      await amountHeader.getByRole('button').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe(sort);
      const byAmount = (await api.call<{ items: Array<{ no: string }> }>('GET', `/api/v1/salesOrders?status=open&sort=${sort}&limit=2`)).items;
      await expectColumn(list, 'No.', byAmount.map((order) => order.no));
      await expect.poll(() => amountHeader.getAttribute('aria-sort')).toBe(sort.startsWith('-') ? 'descending' : 'ascending');
    }
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
  });

  it('opens the customer ledger newest first, with the customer name beside the number', async () => {
    const customers = new Map((await api.call<{ items: Customer[] }>('GET', '/api/v1/customers?limit=1000')).items.map((customer) => [customer.no, customer.name]));
    await page.goto(`${session.server.address}/ledgers/customer-ledger-entries`);
    const list = page.getByRole('table', { name: 'Customer Ledger Entries' });
    await list.getByRole('row').nth(1).waitFor(slow);
    await expect.poll(() => list.getByRole('columnheader', { name: /^Entry No\./ }).getAttribute('aria-sort')).toBe('descending');
    const entryNos = (await columnTexts(list, 'Entry No.')).map((text) => Number(text.replace(/\D/g, '')));
    expect(entryNos.length).toBeGreaterThan(1);
    expect(entryNos).toEqual([...entryNos].sort((left, right) => right - left));
    // The two invoices posted last lead, with their customers' names.
    const numbers = await columnTexts(list, 'Customer No.');
    const names = await columnTexts(list, 'Customer Name');
    expect(numbers.slice(0, 2)).toEqual(['C00040', 'C00030']);
    expect(names.slice(0, 2)).toEqual([customers.get('C00040'), customers.get('C00030')]);
    expect(names.every((name, index) => name === customers.get(numbers[index]!))).toBe(true);
    await screenshot('customer-ledger-newest-first');
  });

  it('deletes the expired sales quotes from the quotes list, after asking, and says how many went', async () => {
    const before = (await api.call<{ items: Quote[] }>('GET', '/api/v1/salesQuotes?limit=1000')).items;
    const expired = before.filter((quote) => quote.quoteValidUntilDate !== null && quote.quoteValidUntilDate < '2001-01-01').map((quote) => quote.no);
    expect(expired).toEqual([expiredQuote]);

    await page.goto(`${session.server.address}/sales/quotes`);
    await page.getByRole('button', { name: 'Delete Expired Sales Quotes…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Expired Sales Quotes' });
    const date = dialog.getByLabel('Valid until before');
    await date.fill('01-01-2001');
    await date.press('Tab');
    // Cancel deletes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', ...slow });
    expect((await api.call<{ items: Quote[] }>('GET', '/api/v1/salesQuotes?limit=1000')).items).toHaveLength(before.length);

    await page.getByRole('button', { name: 'Delete Expired Sales Quotes…' }).click();
    await date.fill('01-01-2001');
    await date.press('Tab');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await notices().getByText(`1 sales quote deleted: ${expiredQuote}.`).waitFor(slow);
    await screenshot('quotes-deleted');
    const after = (await api.call<{ items: Quote[] }>('GET', '/api/v1/salesQuotes?limit=1000')).items.map((quote) => quote.no);
    expect(after).not.toContain(expiredQuote);
    expect(after).toContain(validQuote);
    expect(after).toHaveLength(before.length - 1);
    const list = page.getByRole('table', { name: 'Sales Quotes' });
    await expect.poll(async () => (await columnTexts(list, 'No.')).includes(expiredQuote), slow).toBe(false);
  });

  it('shows how far an order has come on the orders list, and deletes it once invoiced with Delete Invoiced Sales Orders', async () => {
    const order = await api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: 'C00030', lines: [{ type: 'glAccount', no: '8040', quantity: '2', unitPrice: '10' }],
    });
    const { shipmentNo } = await api.call<{ shipmentNo: string }>('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    await page.goto(`${session.server.address}/sales/orders?search=${order.no}`);
    const list = page.getByRole('table', { name: 'Sales Orders' });
    await expectColumn(list, 'No.', [order.no]);
    // Shipped in full, nothing invoiced: 2 × 10.00 + 21 % VAT waits to be invoiced.
    expect(await columnTexts(list, 'Shipped')).toEqual(['Yes']);
    expect(await columnTexts(list, 'Completely Shipped')).toEqual(['Yes']);
    expect(await columnTexts(list, 'Invoiced')).toEqual(['']);
    expect(await columnTexts(list, 'Amount Shipped Not Invoiced')).toEqual(['24,20']);

    const invoice = await api.call<{ no: string }>('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C00030' });
    await api.call('POST', `/api/v1/salesInvoices/${invoice.no}/getShipmentLines`, { lines: [{ documentNo: shipmentNo, lineNo: 10000 }] });
    await api.call('POST', `/api/v1/salesInvoices/${invoice.no}/post`, {});
    await page.reload();
    await expectColumn(list, 'Invoiced', ['Yes']);
    expect(await columnTexts(list, 'Amount Shipped Not Invoiced')).toEqual(['0,00']);

    await page.getByRole('button', { name: 'Delete Invoiced Sales Orders…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Invoiced Sales Orders' });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    const result = notices().getByTestId('tidy-result').filter({ hasText: 'sales order' });
    await result.waitFor(slow);
    expect(await result.textContent()).toMatch(new RegExp(`^\\d+ sales orders? deleted: .*\\b${order.no}\\b`));
    await page.getByText('Nothing to show.').waitFor(slow);
    const orders = (await api.call<{ items: Array<{ no: string }> }>('GET', `/api/v1/salesOrders?search=${order.no}`)).items;
    expect(orders).toEqual([]);
  });

  it('narrows Get Posted Document Lines to Reverse to a document type and number', async () => {
    const first = await api.postInvoice('C00050', '30');
    const second = await api.postInvoice('C00050', '40');
    const creditMemo = await api.call<{ no: string }>('POST', '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C00050' });
    await page.goto(`${session.server.address}/sales/credit-memos/${creditMemo.no}`);
    await page.getByRole('button', { name: 'Get Posted Document Lines to Reverse…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Get Posted Document Lines to Reverse' });
    const table = dialog.getByRole('table', { name: 'Posted document lines' });
    // Each invoice shipped as it was posted: its shipment's line is there too.
    const shown = async () => (await columnTexts(table, 'Document No.')).sort();
    await expect.poll(shown, slow).toEqual(expect.arrayContaining([first, second]));
    expect((await shown()).length).toBe(4);
    expect(await dialog.getByLabel('Document Type').locator('option').allTextContents()).toEqual(['All', 'Invoice', 'Shipment']);
    await dialog.getByLabel('Document Type').selectOption({ label: 'Invoice' });
    await expect.poll(shown, slow).toEqual([first, second].sort());
    await dialog.getByLabel('Document No.').fill(second.toLowerCase());
    await expectColumn(table, 'Document No.', [second]);
    await dialog.getByRole('checkbox', { name: `Select ${second} line 10000` }).check();
    // What is selected stays selected when the filters change.
    await dialog.getByLabel('Document No.').fill('');
    await dialog.getByLabel('Document Type').selectOption({ label: 'All' });
    await expect.poll(async () => (await shown()).length, slow).toBe(4);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden', ...slow });
    const lines = (await api.call<{ lines: Array<{ no: string; unitPrice: string }> }>('GET', `/api/v1/salesCreditMemos/${creditMemo.no}`)).lines;
    expect(lines.filter((line) => line.no === '8040').map((line) => line.unitPrice)).toEqual(['40.00000']);
  });

  it('previews what Combine Shipments would invoice, without invoicing anything', async () => {
    await api.call('PATCH', '/api/v1/customers/C00060', { combineShipments: true });
    const order = await api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: 'C00060', lines: [{ type: 'glAccount', no: '8040', quantity: '3', unitPrice: '15' }],
    });
    const { shipmentNo } = await api.call<{ shipmentNo: string }>('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    const invoicesBefore = (await api.call<{ items: unknown[] }>('GET', '/api/v1/salesInvoices?limit=1000')).items.length;
    await page.goto(`${session.server.address}/combine-shipments`);
    await page.getByRole('button', { name: 'Preview' }).click();
    const table = page.getByRole('table', { name: 'Invoices to be created' });
    await table.waitFor(slow);
    const customers = await columnTexts(table, 'Sell-to Customer No.');
    const row = customers.indexOf('C00060');
    expect(row).toBeGreaterThanOrEqual(0);
    expect((await columnTexts(table, 'Shipments'))[row]).toContain(shipmentNo);
    expect((await columnTexts(table, 'Line Amount Excl. VAT'))[row]).toBe('45,00');
    await screenshot('combine-shipments-preview');
    expect((await api.call<{ items: unknown[] }>('GET', '/api/v1/salesInvoices?limit=1000')).items).toHaveLength(invoicesBefore);
  });
});
