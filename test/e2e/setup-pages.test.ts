import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotSteps } from './support/steps.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Issue 19, points 2 and 7: setup tables maintained from the Setup section (payment terms, shipment
// methods …) with refused input shown on its field and a delete that asks first; posted invoices that
// say where they stand (Open, Paid, Overdue) and link to the documents they came from.
describe.skipIf(!chromiumAvailable())('setup pages and posted document status in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const { screenshot, step } = screenshotSteps(() => page, 'setup-pages');

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  it('creates a payment term, shows refused input on its field, and deletes only after asking', { timeout: 120_000 }, () => step('payment-terms', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Payment Terms' }).click();
    await page.getByRole('heading', { name: 'Payment Terms' }).waitFor(slow);
    const list = page.getByRole('table', { name: 'Payment Terms' });
    await list.getByRole('row', { name: /30D/ }).first().waitFor(slow);

    await page.getByRole('button', { name: 'New', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New Payment Terms' });
    await dialog.getByLabel('Code', { exact: true }).fill('45d');
    await dialog.getByLabel('Description', { exact: true }).fill('Net 45 days');
    // Not a date formula: refused before it is sent, on the field, and the dialog stays open.
    await dialog.getByLabel('Due Date Calculation', { exact: true }).fill('soon');
    await dialog.getByLabel('Discount %', { exact: true }).fill('2,5');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('must be a date formula such as 30D, 1M or CM+10D').waitFor(slow);
    expect(await dialog.getByLabel('Due Date Calculation', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Due Date Calculation', { exact: true }).fill('45D');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached', ...slow });
    await list.getByRole('row', { name: /45D Net 45 days/ }).waitFor(slow);
    expect(await session.api.call('GET', '/api/v1/paymentTerms/45D')).toMatchObject({
      code: '45D', description: 'Net 45 days', dueDateCalculation: '45D', discountPercent: expect.stringMatching(/^2\.50*$/),
    });

    // A code that exists already: the server's refusal shows on the field.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const duplicate = page.getByRole('dialog', { name: 'New Payment Terms' });
    await duplicate.getByLabel('Code', { exact: true }).fill('45D');
    await duplicate.getByRole('button', { name: 'Create' }).click();
    await duplicate.getByText('Payment Terms 45D already exists.').waitFor(slow);
    expect(await duplicate.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await duplicate.getByRole('button', { name: 'Cancel' }).click();

    // Edit: the description changes, the code stays.
    await list.getByRole('row', { name: /45D Net 45 days/ }).getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: /Payment Terms 45D/ });
    expect(await edit.getByLabel('Code', { exact: true }).count()).toBe(0);
    await edit.getByLabel('Description', { exact: true }).fill('Net 45 days, 2.5 % in 8 days');
    await edit.getByLabel('Discount Date Calculation', { exact: true }).fill('8D');
    await edit.getByRole('button', { name: 'Save' }).click();
    await list.getByRole('row', { name: /45D Net 45 days, 2.5 % in 8 days 45D 8D/ }).waitFor(slow);

    // Delete asks first: No keeps it, Yes removes it.
    await list.getByRole('row', { name: /45D Net 45 days/ }).getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete 45D' });
    await confirm.getByText('Do you want to delete 45D?').waitFor(slow);
    await confirm.getByRole('button', { name: 'No' }).click();
    await confirm.waitFor({ state: 'detached', ...slow });
    expect(await session.api.call('GET', '/api/v1/paymentTerms/45D')).toMatchObject({ code: '45D' });
    await list.getByRole('row', { name: /45D Net 45 days/ }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete 45D' }).getByRole('button', { name: 'Yes' }).click();
    await list.getByRole('row', { name: /45D Net 45 days/ }).waitFor({ state: 'detached', ...slow });
    const terms = await session.api.call<{ items: { code: string }[] }>('GET', '/api/v1/paymentTerms?limit=1000');
    expect(terms.items.map((term) => term.code)).not.toContain('45D');
  }));

  it('creates a shipment method, and a currency with an exchange rate in its dialog', { timeout: 120_000 }, () => step('shipment-method', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Shipment Methods' }).click();
    await page.getByRole('heading', { name: 'Shipment Methods' }).waitFor(slow);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New Shipment Methods' });
    await dialog.getByLabel('Code', { exact: true }).fill('drone');
    await dialog.getByLabel('Description', { exact: true }).fill('Delivered by drone');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('table', { name: 'Shipment Methods' }).getByRole('row', { name: /DRONE Delivered by drone/ }).waitFor(slow);
    expect(await session.api.call('GET', '/api/v1/shipmentMethods/DRONE')).toMatchObject({ code: 'DRONE', description: 'Delivered by drone' });
    await screenshot('shipment-methods');

    await page.getByRole('navigation').getByRole('link', { name: 'Currencies' }).click();
    await page.getByRole('heading', { name: 'Currencies' }).waitFor(slow);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const currency = page.getByRole('dialog', { name: 'New Currencies' });
    await currency.getByLabel('Code', { exact: true }).fill('sek');
    await currency.getByLabel('Description', { exact: true }).fill('Swedish krona');
    await currency.getByRole('button', { name: 'Create' }).click();
    // Created, the dialog stays open on the currency for its exchange rates.
    const opened = page.getByRole('dialog', { name: 'Currencies SEK Swedish krona' });
    const rates = opened.getByRole('group', { name: 'Exchange Rates' });
    await rates.getByRole('button', { name: 'Add exchange rate' }).click();
    const rate = page.getByRole('dialog', { name: 'Add exchange rate' });
    await rate.getByLabel('Starting Date (YYYY-MM-DD)').fill('2026-01-01');
    await rate.getByLabel('Relational Exch. Rate Amount').fill('0,0865');
    await rate.getByRole('button', { name: 'Add' }).click();
    await rates.getByRole('row', { name: /2026-01-01/ }).waitFor(slow);
    const stored = await session.api.call<{ items: Record<string, string>[] }>('GET', '/api/v1/currencies/SEK/exchangeRates');
    expect(stored.items).toEqual([expect.objectContaining({ startingDate: '2026-01-01', relationalExchangeRateAmount: expect.stringMatching(/^0\.0865/) })]);
    await opened.getByRole('button', { name: 'Close', exact: true }).click();
    await opened.waitFor({ state: 'detached', ...slow });
  }));

  it('creates a sales price for all customers and a line discount for an item on the setup pages', { timeout: 120_000 }, () => step('prices', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Sales Prices', exact: true }).click();
    await page.getByRole('heading', { name: 'Sales Prices', exact: true }).waitFor(slow);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const price = page.getByRole('dialog', { name: 'New Sales Prices' });
    await price.getByLabel('Item No.', { exact: true }).fill('1000');
    await price.getByLabel('Minimum Quantity', { exact: true }).fill('10');
    await price.getByLabel('Unit Price', { exact: true }).fill('12,50');
    await price.getByRole('button', { name: 'Create' }).click();
    await price.waitFor({ state: 'detached', ...slow });
    const prices = await session.api.call<{ items: Record<string, unknown>[] }>('GET', '/api/v1/salesPrices?itemNo=1000');
    expect(prices.items).toContainEqual(expect.objectContaining({ itemNo: '1000', salesType: 'allCustomers', minimumQuantity: '10.00000', unitPrice: '12.50000' }));

    await page.getByRole('navigation').getByRole('link', { name: 'Sales Line Discounts', exact: true }).click();
    await page.getByRole('heading', { name: 'Sales Line Discounts', exact: true }).waitFor(slow);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const discount = page.getByRole('dialog', { name: 'New Sales Line Discounts' });
    await discount.getByLabel('Code', { exact: true }).fill('1000');
    await discount.getByLabel('Line Discount %', { exact: true }).fill('7,5');
    await discount.getByRole('button', { name: 'Create' }).click();
    await discount.waitFor({ state: 'detached', ...slow });
    const discounts = await session.api.call<{ items: Record<string, unknown>[] }>('GET', '/api/v1/salesLineDiscounts');
    expect(discounts.items).toContainEqual(expect.objectContaining({ type: 'item', code: '1000', salesType: 'allCustomers', lineDiscountPercent: '7.50000' }));
    await screenshot('sales-line-discounts');
  }));

  it('opens every setup table from the navigation with the demo company\'s records', { timeout: 120_000 }, () => step('every-page', async () => {
    const tables: ReadonlyArray<[string, string]> = [
      ['No. Series', 'S-ORD'], ['Payment Terms', '30D'], ['Payment Methods', 'BANK'], ['Shipment Methods', 'EXW'], ['Shipping Agents', 'DHL'],
      ['Locations', 'MAIN'], ['Currencies', 'USD'], ['Chart of Accounts', '8040'], ['General Posting Setup', 'DOMESTIC'],
      ['VAT Posting Setup', 'DOMESTIC'], ['Inventory Posting Setup', 'RESALE'], ['Customer Price Groups', 'RETAIL'], ['Users', 'admin'],
    ];
    for (const [title, code] of tables) {
      await page.getByRole('navigation').getByRole('link', { name: title, exact: true }).click();
      await page.getByRole('heading', { name: title, exact: true }).waitFor(slow);
      await page.getByRole('table', { name: title }).getByRole('cell', { name: code, exact: true }).first().waitFor(slow);
      expect(await page.getByRole('alert').count(), title).toBe(0);
    }
  }));

  it('edits the Sales & Receivables Setup', { timeout: 60_000 }, () => step('sales-setup', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Sales & Receivables Setup' }).click();
    const form = page.getByRole('form', { name: 'Sales & Receivables Setup' });
    await form.waitFor(slow);
    const before = await session.api.call<{ stockoutWarning: boolean }>('GET', '/api/v1/salesReceivablesSetup');
    const box = form.getByRole('checkbox', { name: 'Stockout Warning' });
    expect(await box.isChecked()).toBe(before.stockoutWarning);
    await box.setChecked(!before.stockoutWarning);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Saved.').waitFor(slow);
    expect((await session.api.call<{ stockoutWarning: boolean }>('GET', '/api/v1/salesReceivablesSetup')).stockoutWarning).toBe(!before.stockoutWarning);
  }));
  it('shows a posted invoice Open, Overdue past its due date by the work date, Partly paid, then Paid', { timeout: 120_000 }, () => step('paid', async () => {
    const invoiceNo = await session.api.postInvoice('C00010', '100');
    const invoice = await session.api.call<{ customerLedgerEntryNo: number; dueDate: string; amountIncludingVat: string }>('GET', `/api/v1/postedSalesInvoices/${invoiceNo}`);
    expect(invoice.amountIncludingVat).toBe('121.00');
    const status = page.getByTestId('posted-status');
    await page.goto(`${session.server.address}/posted/invoices/${invoiceNo}`);
    await page.getByRole('heading', { name: new RegExp(`Posted Sales Invoice ${invoiceNo}`) }).waitFor(slow);
    await expect.poll(() => status.textContent(), slow).toBe('Open');

    // A work date after the due date: the invoice is overdue.
    const [year, month, day] = invoice.dueDate.split('-').map(Number) as [number, number, number];
    const after = new Date(Date.UTC(year, month - 1, day + 1));
    const workDate = page.getByRole('banner').getByRole('textbox', { name: 'Work date' });
    await workDate.fill(`${String(after.getUTCDate()).padStart(2, '0')}-${String(after.getUTCMonth() + 1).padStart(2, '0')}-${after.getUTCFullYear()}`);
    await workDate.press('Enter');
    await expect.poll(() => status.textContent(), slow).toBe('OpenOverdue');
    await screenshot('overdue');
    // On the due date itself it is not.
    await workDate.fill(invoice.dueDate.split('-').reverse().join('-'));
    await workDate.press('Enter');
    await expect.poll(() => status.textContent(), slow).toBe('Open');

    const pay = (amountReceived: string) => session.api.call('POST', '/api/v1/paymentRegistration/post', { lines: [{ entryNo: invoice.customerLedgerEntryNo, amountReceived }] });
    await pay('21.00');
    await page.reload();
    await expect.poll(() => status.textContent(), slow).toBe('Partly paid');
    await pay('100.00');
    await page.reload();
    await expect.poll(() => status.textContent(), slow).toBe('Paid');
    // The list says the same.
    await page.goto(`${session.server.address}/posted/invoices`);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(invoiceNo) }).getByTestId('posted-status').textContent(), slow).toBe('Paid');
  }));

  it('links a posted invoice to its order and shipment, and the shipment back to the invoice', { timeout: 120_000 }, () => step('links', async () => {
    const order = await session.api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: 'C00010', lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice: '40' }],
    });
    const { shipmentNo } = await session.api.call<{ shipmentNo: string }>('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    const { invoiceNo } = await session.api.call<{ invoiceNo: string }>('POST', `/api/v1/salesOrders/${order.no}/post`, { invoice: true });
    await page.goto(`${session.server.address}/posted/invoices/${invoiceNo}`);
    const related = page.getByRole('group', { name: 'Related Documents' });
    await related.getByRole('link', { name: `Sales Order ${order.no}` }).waitFor(slow);
    expect(await related.getByRole('link', { name: `Sales Order ${order.no}` }).getAttribute('href')).toBe(`/sales/orders/${order.no}`);
    await related.getByRole('link', { name: `Posted Sales Shipment ${shipmentNo}` }).click();
    await page.getByRole('heading', { name: new RegExp(`Posted Sales Shipment ${shipmentNo}`) }).waitFor(slow);
    const back = page.getByRole('group', { name: 'Related Documents' });
    await back.getByRole('link', { name: `Posted Sales Invoice ${invoiceNo}` }).click();
    await page.getByRole('heading', { name: new RegExp(`Posted Sales Invoice ${invoiceNo}`) }).waitFor(slow);
  }));

  it('shows the roles and what each may read and change, as the server enforces it', { timeout: 60_000 }, () => step('roles', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Roles' }).click();
    const table = page.getByRole('table', { name: 'Roles' });
    await table.waitFor(slow);
    const cell = (role: string, column: number) => table.getByRole('row', { name: new RegExp(`^${role}`) }).getByRole('cell').nth(column);
    // Columns after the role: Users, Setup, Customers, Items, Vendors, Sales, Purchases, Posting.
    expect(await cell('Administrator', 0).textContent()).toBe('Read and write');
    expect(await cell('Sales Clerk', 0).textContent()).toBe('No access');
    expect(await cell('Sales Clerk', 1).textContent()).toBe('Read only');
    expect(await cell('Sales Clerk', 5).textContent()).toBe('Read and write');
    expect(await cell('Viewer', 7).textContent()).toBe('Read only');
  }));
});
