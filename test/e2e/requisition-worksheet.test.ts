import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// The requisition worksheet in the browser, on the demo company: item 1280 (an executive desk) is
// delivered by its maker V00010 straight to the customer (Purchasing Code DROP SHIP, Last Direct
// Cost 720). A sales order of two for C00010 is got into the worksheet, refused without a vendor,
// then carried out into a purchase order linked to the sales line. The steps build on each other.
describe.skipIf(!chromiumAvailable())('the requisition worksheet in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let salesOrderNo: string;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        ({ no: salesOrderNo } = await api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
          sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1280', quantity: '2', purchasingCode: 'DROP SHIP' }],
        }));
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `requisition-${name}.png`), fullPage: true });
  const vendorNo = () => page.getByLabel('Vendor No., line 1');

  /** The error text Mantine shows under an input (its aria-describedby). */
  async function fieldError(input: Locator): Promise<string | null> {
    if ((await input.getAttribute('aria-invalid')) !== 'true') return null;
    const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    return texts.join(' ');
  }

  it('gets the drop-shipment line of a sales order with the item\'s vendor', async () => {
    try {
      await page.getByRole('link', { name: 'Requisition Worksheet', exact: true }).click();
      await page.getByRole('heading', { name: 'Requisition Worksheet' }).waitFor(slow);
      await page.getByText('Nothing to show.').waitFor(slow);
      await page.getByLabel('Sales Order No.').fill(salesOrderNo);
      await page.getByRole('button', { name: 'Get Sales Orders (Drop Shipment)' }).click();
      await expect.poll(() => vendorNo().inputValue(), slow).toBe('V00010');
      const row = page.getByRole('table', { name: 'Requisition lines' }).locator('[data-line-no]');
      expect(await row.count()).toBe(1);
      const text = await row.textContent();
      for (const expected of ['Drop Shipment', salesOrderNo, 'C00010', '1280', 'Executive desk']) expect(text).toContain(expected);
      expect(await page.getByLabel('Direct Unit Cost, line 1').inputValue()).toBe('720,00');
      expect(await page.getByLabel('Accept Action Message, line 1').isChecked()).toBe(true);
      expect(await row.getByRole('link', { name: salesOrderNo }).getAttribute('href')).toBe(`/sales/orders/${salesOrderNo}`);
      // Got already: a second Get Sales Orders of the order finds nothing more, said on the filter.
      await page.getByRole('button', { name: 'Get Sales Orders (Drop Shipment)' }).click();
      await expect.poll(() => fieldError(page.getByLabel('Sales Order No.')), slow).toBeTruthy();
      expect(await row.count()).toBe(1);
      await screenshot('got');
    } catch (error) {
      await screenshot('get-failure');
      throw error;
    }
  }, hookTimeout);

  it('refuses to carry out a line without a vendor, on that line, and keeps it', async () => {
    try {
      await vendorNo().fill('');
      await vendorNo().press('Tab');
      await page.getByRole('button', { name: 'Carry Out Action Message' }).click();
      await expect.poll(() => fieldError(vendorNo()), slow).toMatch(/Vendor No\./);
      await page.getByRole('alert').filter({ hasText: 'The action messages cannot be carried out' }).waitFor(slow);
      await screenshot('refused');
      // Nothing was created: the line is still there, and no purchase order exists.
      await page.reload();
      await page.getByRole('heading', { name: 'Requisition Worksheet' }).waitFor(slow);
      await expect.poll(() => page.getByLabel('Direct Unit Cost, line 1').inputValue(), slow).toBe('720,00');
      expect(await vendorNo().inputValue()).toBe('');
      expect((await session.api.call<{ items: unknown[] }>('GET', '/api/v1/purchaseOrders')).items).toEqual([]);
    } catch (error) {
      await screenshot('refused-failure');
      throw error;
    }
  }, hookTimeout);

  it('carries out into a purchase order from V00010, linked to the sales line', async () => {
    try {
      await vendorNo().fill('V00010');
      await vendorNo().press('Enter');
      await page.getByLabel('Direct Unit Cost, line 1').fill('705,5');
      await page.getByRole('button', { name: 'Carry Out Action Message' }).click();
      const created = page.getByRole('alert', { name: 'Purchase orders created' }).or(page.getByLabel('Purchase orders created'));
      const link = created.getByRole('link', { name: /^PO\d+$/ });
      await link.waitFor(slow);
      await page.getByText('Nothing to show.').waitFor(slow);
      const purchaseOrderNo = (await link.textContent())!;
      await screenshot('carried-out');
      await link.click();
      await page.getByRole('heading', { name: `Purchase Order ${purchaseOrderNo} · Gelderse Kantoormeubelfabriek B.V.` }).waitFor(slow);
      expect(await page.getByLabel('No., line 1').inputValue()).toBe('1280');
      expect(await page.getByLabel('Quantity, line 1').inputValue()).toBe('2');
      expect(await page.getByLabel('Direct Unit Cost Excl. VAT, line 1').inputValue()).toBe('705,50');
      await screenshot('purchase-order');
      // The sales line names the purchase order that buys it.
      await page.goto(`${session.server.address}/sales/orders/${salesOrderNo}`);
      await expect.poll(() => page.getByLabel('Purchasing, line 1').textContent(), slow).toBe(`Drop Shipment: purchase order ${purchaseOrderNo}`);
    } catch (error) {
      await screenshot('carry-out-failure');
      throw error;
    }
  }, hookTimeout);
});
