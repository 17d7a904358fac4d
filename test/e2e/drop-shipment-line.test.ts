import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Issue 14 on the sales order page: a Purchasing Code on a line (the demo company's DROP SHIP) makes
// it a drop shipment, which cannot ship until a purchase order is linked to it.
describe.skipIf(!chromiumAvailable())('a drop-shipment line on a sales order, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let orderNo: string;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        ({ no: orderNo } = await api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
          sellToCustomerNo: 'C00010', externalDocumentNo: 'DS-1', lines: [{ type: 'item', no: '1000', quantity: '2' }],
        }));
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  it('sets the code on the line, shows it as a drop shipment without a purchase order, and refuses to ship it', async () => {
    try {
      await page.goto(`${session.server.address}/sales/orders/${orderNo}`);
      const code = page.getByLabel('Purchasing Code, line 1');
      await code.fill('DROP SHIP');
      await code.press('Tab');
      const note = page.getByLabel('Purchasing, line 1');
      await expect.poll(() => note.textContent(), slow).toBe('Drop Shipment: no purchase order yet');
      await page.getByRole('button', { name: 'Post…' }).click();
      const dialog = page.getByRole('dialog', { name: /^Post Sales Order/ });
      await dialog.getByRole('radio', { name: 'Ship', exact: true }).check();
      await dialog.getByRole('button', { name: 'OK' }).click();
      await expect.poll(() => page.getByText(/it is a drop shipment not yet linked to a purchase order/).count(), slow).toBeGreaterThan(0);
      await page.screenshot({ path: join(artifacts, 'drop-shipment-refused.png'), fullPage: true });
      expect(await page.getByLabel('Quantity Shipped, line 1').textContent()).toBe('0');
    } catch (error) {
      await page.screenshot({ path: join(artifacts, 'drop-shipment-failure.png'), fullPage: true });
      throw error;
    }
  }, hookTimeout);
});
