import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotSteps } from './support/steps.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { chooseOptions, domesticPostingGroups } from './support/combobox.ts';
import { hasFocus } from './support/focus.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Issue 19, point 2: master data a sales team can maintain. A customer made from a customer template
// gets its posting groups and terms in one step; one without posting groups is refused with a message
// naming the field; an item created on its card, with a sales price for one customer, prices that
// customer's order line.
describe.skipIf(!chromiumAvailable())('master data in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const { screenshot, step } = screenshotSteps(() => page, 'master-data');

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  it('creates a customer from a template: posting groups, terms and credit limit in one step', { timeout: 120_000 }, () => step('template', async () => {
    await page.goto(`${session.server.address}/customer-templates`);
    await page.getByRole('heading', { name: 'Customer Templates' }).waitFor(slow);
    const templates = page.getByRole('table', { name: 'Customer Templates' });
    await templates.getByRole('row', { name: /DOMESTIC Dutch business customer/ }).waitFor(slow);
    // A template of one's own, on the setup page: code, description and the groups it fills.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const newTemplate = page.getByRole('dialog', { name: 'Add customer template' });
    await newTemplate.getByLabel('Code', { exact: true }).fill('webshop');
    await newTemplate.getByLabel('Description', { exact: true }).fill('Webshop customers');
    await chooseOptions(page, newTemplate, [
      ...domesticPostingGroups, ['Payment Terms Code', '14D', '14D – Net 14 days (14 dagen netto)'],
    ]);
    await newTemplate.getByRole('checkbox', { name: 'Prices Including VAT' }).check();
    await newTemplate.getByRole('button', { name: 'Add' }).click();
    await templates.getByRole('row', { name: /WEBSHOP Webshop customers/ }).waitFor(slow);
    expect(await session.api.call('GET', '/api/v1/customerTemplates/WEBSHOP')).toMatchObject({
      customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC', paymentTermsCode: '14D', pricesIncludingVat: true,
    });

    await page.goto(`${session.server.address}/customers`);
    await page.getByRole('button', { name: 'New from Template' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer from template' });
    await chooseOptions(page, dialog, [['Template', 'DOMESTIC', 'DOMESTIC – Dutch business customer (Binnenlandse zakelijke klant)']]);
    await dialog.getByLabel('Name').fill('Drukkerij Sjabloon');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/customers\/C\d+$/, slow);
    const customerNo = page.url().split('/').at(-1)!;
    const card = page.getByRole('form', { name: 'Customer card' });
    await page.getByRole('heading', { name: `${customerNo} · Drukkerij Sjabloon` }).waitFor(slow);
    expect(await card.getByRole('combobox', { name: 'Payment Terms Code' }).inputValue()).toContain('30D');
    expect(await card.getByRole('combobox', { name: 'Customer Posting Group' }).inputValue()).toContain('DOMESTIC');
    await screenshot('customer-from-template');

    const customer = await session.api.call<Record<string, unknown>>('GET', `/api/v1/customers/${customerNo}`);
    expect(customer).toMatchObject({
      name: 'Drukkerij Sjabloon', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC',
      paymentTermsCode: '30D', paymentMethodCode: 'BANK', countryRegionCode: 'NL', creditLimitLcy: '10000.00', languageCode: 'NLD',
    });

    // The card edits every field, a ship-to address included.
    await card.getByRole('checkbox', { name: 'Combine Shipments' }).check();
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await session.api.call<{ combineShipments: boolean }>('GET', `/api/v1/customers/${customerNo}`)).combineShipments).toBe(true);
    const shipTo = page.getByRole('group', { name: 'Ship-to Addresses' });
    await shipTo.getByRole('button', { name: 'Add ship-to address' }).click();
    const shipToDialog = page.getByRole('dialog', { name: 'Add ship-to address' });
    await shipToDialog.getByLabel('Code', { exact: true }).fill('haarlem');
    await shipToDialog.getByLabel('Name', { exact: true }).fill('Drukkerij Sjabloon, magazijn');
    await shipToDialog.getByLabel('City').fill('Haarlem');
    await shipToDialog.getByRole('button', { name: 'Add' }).click();
    await shipTo.getByRole('row', { name: /HAARLEM Drukkerij Sjabloon, magazijn/ }).waitFor(slow);
    const addresses = await session.api.call<{ items: { code: string; city: string }[] }>('GET', `/api/v1/customers/${customerNo}/shipToAddresses`);
    expect(addresses.items).toEqual([expect.objectContaining({ code: 'HAARLEM', city: 'Haarlem' })]);
  }));

  it('refuses a new customer without posting groups, naming the missing field', { timeout: 120_000 }, () => step('refused', async () => {
    await page.goto(`${session.server.address}/customers/new`);
    const card = page.getByRole('form', { name: 'Customer card' });
    await card.getByRole('textbox', { name: 'No.', exact: true }).fill('NOGROUPS');
    await card.getByLabel('Name', { exact: true }).fill('Zonder Groepen BV');
    await card.getByRole('button', { name: 'Create' }).click();
    await card.getByText('Customer Posting Group must have a value on a new customer').waitFor(slow);
    expect(page.url()).toMatch(/\/customers\/new$/);
    await screenshot('customer-refused');
    const missing = await fetch(`${session.server.address}/api/v1/customers/NOGROUPS`, { headers: await bearer() });
    expect(missing.status).toBe(404);
  }));

  it('creates an item with a unit price and a customer\'s sales price, which an order line of that customer takes', { timeout: 180_000 }, () => step('item', async () => {
    await page.goto(`${session.server.address}/items`);
    await page.getByRole('link', { name: 'New' }).click();
    await page.waitForURL(/\/items\/new$/);
    const card = page.getByRole('form', { name: 'Item card' });
    await card.getByRole('textbox', { name: 'No.', exact: true }).fill('DESK-OAK');
    await card.getByLabel('Description', { exact: true }).fill('Oak desk 160x80 cm');
    await card.getByLabel('Unit Price', { exact: true }).fill('450,50');
    await chooseOptions(page, card, [
      ['Base Unit of Measure', 'PCS', 'PCS – Piece (Stuk)'],
      ['Gen. Prod. Posting Group', 'RETAIL', 'RETAIL – Trade goods: furniture and office supplies'],
      ['VAT Prod. Posting Group', 'HIGH', 'HIGH – Standard VAT rate 21% (Btw hoog)'],
      ['Inventory Posting Group', 'RESALE', 'RESALE – Trade goods for resale (Handelsgoederen)'],
    ]);
    await card.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/items\/DESK-OAK$/, slow);
    await page.getByRole('heading', { name: 'DESK-OAK · Oak desk 160x80 cm' }).waitFor(slow);
    const item = await session.api.call<Record<string, unknown>>('GET', '/api/v1/items/DESK-OAK');
    expect(item).toMatchObject({ unitPrice: '450.50000', baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'HIGH', costingMethod: 'fifo' });
    // The base unit is on the item's units of measure.
    await page.getByRole('group', { name: 'Units of Measure' }).getByRole('row', { name: /PCS \(base\)/ }).waitFor(slow);

    // Customer C00010 buys it for 399.00.
    const prices = page.getByRole('group', { name: 'Sales Prices' });
    await prices.getByRole('button', { name: 'Add sales price' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add sales price' });
    await dialog.getByRole('combobox', { name: 'Sales Type' }).selectOption('customer');
    await dialog.getByLabel('Sales Code').fill('C00010');
    await dialog.getByLabel('Unit Price', { exact: true }).fill('399');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await prices.getByRole('row', { name: /Customer C00010/ }).getByText('399,00').waitFor(slow);
    await screenshot('item-card');
    const stored = await session.api.call<{ items: { salesType: string; salesCode: string; unitPrice: string }[] }>('GET', '/api/v1/salesPrices?itemNo=DESK-OAK');
    expect(stored.items).toEqual([expect.objectContaining({ salesType: 'customer', salesCode: 'C00010', unitPrice: '399.00000' })]);

    // An order of C00010: the line takes the customer's price; C00020 is invoiced to C00010 (bill-to), so
    // its line does too, as in BC; another customer's line takes the item's unit price.
    for (const [customerNo, price] of [['C00010', '399,00'], ['C00020', '399,00'], ['C00030', '450,50']] as const) {
      const order = await session.api.call<{ no: string }>('POST', '/api/v1/salesOrders', { sellToCustomerNo: customerNo });
      await page.goto(`${session.server.address}/sales/orders/${order.no}`);
      const newLineNo = page.getByLabel('No., new line');
      await newLineNo.waitFor(slow);
      await newLineNo.click();
      await expect.poll(() => hasFocus(newLineNo)).toBe(true);
      await page.keyboard.type('DESK-OAK');
      await page.keyboard.press('Enter');
      await expect.poll(() => hasFocus(page.getByLabel('Quantity, line 1'))).toBe(true);
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByLabel('Unit Price Excl. VAT, line 1').inputValue(), slow).toBe(price);
      const lines = await session.api.call<{ lines: { no: string; unitPrice: string }[] }>('GET', `/api/v1/salesOrders/${order.no}`);
      expect(lines.lines.find((line) => line.no === 'DESK-OAK')?.unitPrice).toBe(price === '399,00' ? '399.00000' : '450.50000');
    }
    await screenshot('order-line-price');
  }));

  async function bearer() {
    const signedIn = await fetch(`${session.server.address}/api/v1/auth/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin' }),
    });
    return { authorization: `Bearer ${((await signedIn.json()) as { token: string }).token}` };
  }
});
