import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// A drop shipment bought on the purchase order page, on the demo company: item 1280 (an executive
// desk, Purchasing Code DROP SHIP) is delivered by its maker V00010 straight to customer C00010
// (Kantoorpartners Holland B.V., Stationsplein 45, Utrecht). A second sales order, of stock item 1000,
// has nothing to drop-ship. Then a catalog item of V00010 is sold on that second order. The steps build on each other.
describe.skipIf(!chromiumAvailable())('a drop shipment on the purchase order page, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let salesOrderNo: string;
  let stockOrderNo: string;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        ({ no: salesOrderNo } = await api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
          sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1280', quantity: '2' }],
        }));
        ({ no: stockOrderNo } = await api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
          sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1000', quantity: '1' }],
        }));
        await api.call('POST', '/api/v1/catalogItems', {
          entryNo: 'NS0001', vendorNo: 'V00010', vendorItemNo: 'GK-ST160', description: 'Standing desk 160 cm, oak', unitOfMeasureCode: 'PCS',
          publishedCost: '540', negotiatedCost: '510', unitPrice: '899', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'HIGH', inventoryPostingGroup: 'RESALE',
        });
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `purchase-drop-shipment-${name}.png`), fullPage: true });

  /** The error text Mantine shows under an input (its aria-describedby). */
  async function fieldError(input: Locator): Promise<string | null> {
    if ((await input.getAttribute('aria-invalid')) !== 'true') return null;
    const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    return texts.join(' ');
  }

  it('gets the drop-shipment line of a sales order into a new purchase order, refused first for an order without one', async () => {
    try {
      await newPurchaseOrder();
      const dialog = await openGetSalesOrders();
      const salesOrder = dialog.getByLabel('Sales Order No.');
      await salesOrder.fill(stockOrderNo);
      await salesOrder.press('Enter');
      await dialog.getByRole('button', { name: 'Get Sales Orders' }).click();
      await expect.poll(() => fieldError(salesOrder), slow).toBe(`Sales order ${stockOrderNo} has no drop shipment line that is not yet linked to a purchase order.`);
      expect(await page.locator('[data-line-no]:not([data-line-no="new"])').count()).toBe(0);
      await screenshot('refused');

      await salesOrder.fill(salesOrderNo);
      await salesOrder.press('Enter');
      await dialog.getByRole('button', { name: 'Get Sales Orders' }).click();
      await dialog.waitFor({ state: 'detached', ...slow });
      await expect.poll(() => page.getByLabel('No., line 1').inputValue(), slow).toBe('1280');
      expect(await page.getByLabel('Quantity, line 1').inputValue()).toBe('2');
      const note = page.getByLabel('Purchasing, line 1');
      expect(await note.textContent()).toBe(`Drop Shipment: sales order ${salesOrderNo}`);
      expect(await note.getByRole('link', { name: salesOrderNo }).getAttribute('href')).toBe(`/sales/orders/${salesOrderNo}`);
      await expectDropShipmentTo();
      await screenshot('got');
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  }, hookTimeout);

  it('the sales line links back to the purchase order, and a catalog item is sold on a sales order', async () => {
    try {
      const purchaseOrderNo = page.url().split('/').at(-1)!;
      await page.getByRole('group', { name: 'Drop Shipment' }).getByRole('link', { name: 'C00010' }).click();
      await page.waitForURL(/\/customers\/C00010$/, slow);
      await page.goto(`${session.server.address}/sales/orders/${salesOrderNo}`);
      const note = page.getByLabel('Purchasing, line 1');
      await expect.poll(() => note.textContent(), slow).toBe(`Drop Shipment: purchase order ${purchaseOrderNo}`);
      expect(await note.getByRole('link', { name: purchaseOrderNo }).getAttribute('href')).toBe(`/purchases/orders/${purchaseOrderNo}`);
      await addCatalogItem();
    } catch (error) {
      await screenshot('catalog-failure');
      throw error;
    }
  }, hookTimeout);

  async function newPurchaseOrder() {
    await page.getByRole('link', { name: 'Purchase Orders', exact: true }).click();
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByLabel('Vendor No.').fill('V00010');
    await page.getByLabel('Vendor No.').press('Enter');
    await page.waitForURL(/\/purchases\/orders\/PO\d+$/, slow);
    await page.getByRole('heading', { name: /^Purchase Order PO\d+ · Gelderse Kantoormeubelfabriek B\.V\.$/ }).waitFor(slow);
    // Not a drop shipment until a sales order's lines are got.
    expect(await page.getByRole('group', { name: 'Drop Shipment' }).count()).toBe(0);
  }

  async function openGetSalesOrders(): Promise<Locator> {
    await page.getByRole('button', { name: 'Get Sales Orders…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Get Sales Orders' });
    await dialog.waitFor(slow);
    expect(await dialog.getByRole('radio', { name: 'Drop Shipment' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Special Order' }).isChecked()).toBe(false);
    return dialog;
  }

  /** The header says whom the vendor delivers to: the sales order's customer, at its address. */
  async function expectDropShipmentTo() {
    const shipping = page.getByRole('group', { name: 'Drop Shipment' });
    await shipping.waitFor(slow);
    const customer = shipping.getByRole('link', { name: 'C00010' });
    expect(await customer.getAttribute('href')).toBe('/customers/C00010');
    const text = await shipping.textContent();
    for (const expected of ['Drop shipment to', 'Kantoorpartners Holland B.V.', 'Stationsplein 45', '3511 ED Utrecht']) expect(text).toContain(expected);
  }

  /** Add Catalog Item…: an unknown entry is refused on its field; the catalog's entry makes item GK-ST160 and a line of it. */
  async function addCatalogItem() {
    await page.goto(`${session.server.address}/sales/orders/${stockOrderNo}`);
    await page.getByRole('button', { name: 'Add Catalog Item…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Catalog Item' });
    const entry = dialog.getByLabel('Catalog Item');
    await entry.fill('NS9999');
    await entry.press('Enter');
    await dialog.getByLabel('Quantity').fill('3');
    await dialog.getByRole('button', { name: 'Add Line' }).click();
    await expect.poll(() => fieldError(entry), slow).toMatch(/NS9999/);
    await entry.fill('NS0001');
    await entry.press('Enter');
    await dialog.getByRole('button', { name: 'Add Line' }).click();
    await dialog.waitFor({ state: 'detached', ...slow });
    await expect.poll(() => page.getByLabel('No., line 2').inputValue(), slow).toBe('GK-ST160');
    expect(await page.getByLabel('Quantity, line 2').inputValue()).toBe('3');
    expect(await page.getByLabel('Unit Price Excl. VAT, line 2').inputValue()).toBe('899,00');
    await screenshot('catalog-item');
  }
});
