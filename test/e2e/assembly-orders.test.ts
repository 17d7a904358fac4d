import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/chromium.ts';
import { chooseOptions } from './support/combobox.ts';
import { givenItemLike1000, givenStock } from './support/given-stock.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';
import { screenshotSteps } from './support/steps.ts';

/**
 * Issue 20: assembly in the web app. ATO-E2E is assembled to order from 1 × PART-X-E2E (cost 10) and
 * 2 × PART-Y-E2E (cost 5); STOCK-KIT-E2E is assembled to stock from one of each.
 */
async function givenAssemblyItems(api: ApiSession): Promise<void> {
  await givenItemLike1000(api, { no: 'ATO-E2E', description: 'Kit made to order', unitPrice: '100', assemblyPolicy: 'assembleToOrder', replenishmentSystem: 'assembly' });
  await givenItemLike1000(api, { no: 'STOCK-KIT-E2E', description: 'Kit made to stock', replenishmentSystem: 'assembly' });
  for (const [no, unitCost] of [['PART-X-E2E', '10'], ['PART-Y-E2E', '5']] as const) {
    await givenItemLike1000(api, { no, description: `${no} part`, unitCost });
    await givenStock(api, { itemNo: no, locationCode: 'MAIN', quantity: '20', unitCost, documentNo: `STOCK-${no}` });
  }
  for (const [parent, no, quantityPer] of [['ATO-E2E', 'PART-X-E2E', '1'], ['ATO-E2E', 'PART-Y-E2E', '2'], ['STOCK-KIT-E2E', 'PART-X-E2E', '1'], ['STOCK-KIT-E2E', 'PART-Y-E2E', '1']]) {
    await api.call('POST', `/api/v1/items/${parent}/assemblyBom`, { no, quantityPer });
  }
}

describe.skipIf(!chromiumAvailable())('assembly orders in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const { screenshot, step } = screenshotSteps(() => page, 'assembly-orders');
  const cell = (row: string, field: string) => page.locator(`tr[data-row="${row}"] [data-field-value="${field}"]`);

  beforeAll(async () => {
    session = await openBrowserSession({ prepare: givenAssemblyItems });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  it('customises an order line assembled to order, ships and invoices it, and shows the posted assembly with its consumption and cost', { timeout: 180_000 }, () => step('assemble-to-order', async () => {
    const order = await session.api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: 'C00010', locationCode: 'MAIN', lines: [{ type: 'item', no: 'ATO-E2E', quantity: '2', locationCode: 'MAIN' }],
    });
    await page.goto(`${session.server.address}/sales/orders/${order.no}`);
    const qtyToAssemble = page.getByLabel('Qty. to Assemble to Order, line 1');
    await qtyToAssemble.waitFor(slow);
    expect(await qtyToAssemble.inputValue()).toBe('2');

    // The customer wants 3 of PART-Y per kit instead of 2.
    await page.getByRole('button', { name: 'Assemble-to-Order Lines, line 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assemble-to-Order Lines' });
    const quantityPer = dialog.getByLabel('Quantity per, line 2');
    await quantityPer.waitFor(slow);
    await quantityPer.fill('3');
    await quantityPer.press('Enter');
    await expect.poll(() => dialog.locator('tr[data-row="PART-Y-E2E"] [data-field-value="quantity"]').textContent(), slow).toBe('6');
    expect(await dialog.getByLabel('Quantity to Assemble').inputValue()).toBe('2');
    await screenshot('customised');

    // The linked assembly order: its sales line linked, its fixed fields read-only, no Post (shipping the order posts it).
    await dialog.getByRole('link', { name: /^Assembly Order / }).click();
    await page.getByText('Posted by shipping the sales order.').waitFor(slow);
    const actions = page.getByRole('toolbar', { name: 'Actions' });
    expect(await actions.getByRole('button', { name: 'Post', exact: true }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Quantity', exact: true }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Starting Date' }).count()).toBe(1);
    expect(await cell('PART-Y-E2E', 'quantity').textContent()).toBe('6');
    await screenshot('linked-order');
    await page.getByRole('link', { name: `${order.no} line 10000` }).click();
    await page.getByLabel('Qty. to Assemble to Order, line 1').waitFor(slow);

    await page.getByRole('button', { name: 'Post…' }).click();
    const post = page.getByRole('dialog', { name: /^Post Sales Order/ });
    await post.getByRole('radio', { name: 'Ship and Invoice', exact: true }).check();
    await post.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL(/\/posted\/invoices\/PSI\d+$/, slow);

    await page.goto(`${session.server.address}/posted-assembly-orders`);
    await page.getByRole('row', { name: /ATO-E2E/ }).getByRole('link').click();
    await page.getByRole('heading', { name: /Posted Assembly Order/ }).waitFor(slow);
    await expect.poll(() => cell('PART-X-E2E', 'quantity').textContent(), slow).toBe('2');
    expect(await cell('PART-Y-E2E', 'quantity').textContent()).toBe('6');
    expect(await cell('PART-X-E2E', 'costAmount').textContent()).toBe('20,00');
    expect(await cell('PART-Y-E2E', 'costAmount').textContent()).toBe('30,00');
    await page.getByText('50,00').first().waitFor(slow);
    await page.getByRole('link', { name: /^PSS\d+$/ }).waitFor(slow);
    await screenshot('posted-to-order');
  }));

  it('creates a stand-alone assembly order, posts it, and lists the posted order with its cost', { timeout: 180_000 }, () => step('stand-alone', async () => {
    await page.goto(`${session.server.address}/assembly-orders`);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New Assembly Order' });
    await dialog.getByLabel('Item No.', { exact: true }).fill('STOCK-KIT-E2E');
    await dialog.getByLabel('Quantity', { exact: true }).fill('4');
    await chooseOptions(page, dialog, [['Location Code', 'MAIN', 'MAIN – Amsterdam warehouse']]);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/assembly-orders\/[^/]+$/, slow);
    await expect.poll(() => cell('PART-Y-E2E', 'quantity').textContent(), slow).toBe('4');
    await screenshot('stand-alone');

    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Post' }).click();
    await page.getByRole('dialog', { name: 'Post Assembly Order' }).getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL(/\/posted-assembly-orders\/[^/]+$/, slow);
    // 4 × (10 + 5) = 60.00.
    await expect.poll(() => cell('PART-X-E2E', 'costAmount').textContent(), slow).toBe('40,00');
    expect(await cell('PART-Y-E2E', 'costAmount').textContent()).toBe('20,00');

    await page.goto(`${session.server.address}/posted-assembly-orders`);
    const row = page.getByRole('row', { name: /STOCK-KIT-E2E/ });
    await row.waitFor(slow);
    expect(await row.locator('[data-field-value="costAmount"]').textContent()).toBe('60,00');
    await screenshot('posted-list');
  }));

  it('keeps the assembly number series on the Inventory Setup page', { timeout: 60_000 }, () => step('inventory-setup', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Inventory Setup', exact: true }).click();
    await page.getByRole('heading', { name: 'Inventory Setup', exact: true }).waitFor(slow);
    for (const [label, code] of [['Assembly Quote Nos.', 'A-QUO'], ['Assembly Order Nos.', 'A-ORD'], ['Blanket Assembly Order Nos.', 'A-BLK'], ['Posted Assembly Order Nos.', 'PA-ORD']]) {
      await expect.poll(() => page.getByRole('combobox', { name: label, exact: true }).inputValue(), slow).toMatch(new RegExp(`^${code}\\b`));
    }
    await screenshot('inventory-setup');
  }));
});
