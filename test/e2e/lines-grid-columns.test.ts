import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Issue 19 point 8: the lines grid at 1,024 px keeps its key columns and lets the user choose the
// others (BC's Choose Columns); the choice is kept in the browser per document type.
describe.skipIf(!chromiumAvailable())('choosing the columns of the lines grid', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: { width: 1024, height: 800 } });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const headers = () => page.getByRole('table', { name: 'Lines' }).locator('thead th').allTextContents();

  it('hides Location Code and Line Discount % on orders, keeps the choice after a reload, and never offers the key columns', async () => {
    const order = await session.api.call<{ no: string }>('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1000', quantity: '2' }] });
    try {
      await page.goto(`${session.server.address}/sales/orders/${order.no}`);
      await page.getByRole('table', { name: 'Lines' }).waitFor(slow);
      expect(await headers()).toContain('Location Code');
      await page.getByRole('button', { name: 'Columns…' }).click();
      const menu = page.getByTestId('column-chooser');
      await menu.waitFor(slow);
      expect(await menu.getByRole('checkbox', { name: 'Quantity', exact: true }).count()).toBe(0);
      expect(await menu.getByRole('checkbox', { name: 'Description' }).count()).toBe(0);
      await menu.getByRole('checkbox', { name: 'Location Code' }).uncheck();
      await menu.getByRole('checkbox', { name: 'Line Discount %' }).uncheck();
      await page.keyboard.press('Escape');
      await expect.poll(headers, slow).not.toContain('Location Code');
      expect(await headers()).not.toContain('Line Discount %');

      await page.reload();
      await page.getByRole('table', { name: 'Lines' }).waitFor(slow);
      const shown = await headers();
      expect(shown).not.toContain('Location Code');
      expect(shown).toEqual(expect.arrayContaining(['Type', 'No.', 'Description', 'Quantity', 'Unit Price Excl. VAT', 'Line Amount Excl. VAT']));
      await page.screenshot({ path: join(artifacts, 'lines-grid-1024.png'), fullPage: true });

      // Quotes have their own choice: Location Code is still there.
      const quote = await session.api.call<{ no: string }>('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1000', quantity: '1' }] });
      await page.goto(`${session.server.address}/sales/quotes/${quote.no}`);
      await page.getByRole('table', { name: 'Lines' }).waitFor(slow);
      expect(await headers()).toContain('Location Code');
    } catch (error) {
      await page.screenshot({ path: join(artifacts, 'lines-grid-columns-failed.png'), fullPage: true });
      throw error;
    }
  }, hookTimeout);

  it('a refused cell shows red with what was typed and why, and shows the value of the line again', async () => {
    const order = await session.api.call<{ no: string }>('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1000', quantity: '2' }] });
    try {
      await page.goto(`${session.server.address}/sales/orders/${order.no}`);
      const quantity = page.getByLabel('Quantity, line 1');
      await quantity.waitFor(slow);
      await quantity.fill('twee');
      await quantity.press('Tab');
      await expect.poll(() => quantity.getAttribute('aria-invalid'), slow).toBe('true');
      expect(await quantity.inputValue()).toBe('2');
      expect(await page.getByText("'twee' was refused: must be a number").count()).toBe(1);

      // Refused by the server: an item that does not exist.
      const itemNo = page.getByLabel('No., line 1');
      await itemNo.fill('NO-SUCH-ITEM');
      await itemNo.press('Tab');
      await page.getByText(/'NO-SUCH-ITEM' was refused/).waitFor(slow);
      expect(await itemNo.inputValue()).toBe('1000');
      expect(await itemNo.getAttribute('aria-invalid')).toBe('true');
      const saved = await session.api.call<{ lines: Array<{ no: string; quantity: string }> }>('GET', `/api/v1/salesOrders/${order.no}`);
      expect([saved.lines[0]!.no, saved.lines[0]!.quantity]).toEqual(['1000', '2.00000']);

      await quantity.fill('3');
      await quantity.press('Tab');
      await expect.poll(() => quantity.getAttribute('aria-invalid'), slow).not.toBe('true');
    } catch (error) {
      await page.screenshot({ path: join(artifacts, 'lines-grid-refused-failed.png'), fullPage: true });
      throw error;
    }
  }, hookTimeout);

  it('reloading the page while a line cell holds unsaved text asks first; staying keeps the text', async () => {
    const order = await session.api.call<{ no: string }>('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1000', quantity: '2' }] });
    try {
      await page.goto(`${session.server.address}/sales/orders/${order.no}`);
      const description = page.getByLabel('Description, line 1');
      await description.waitFor(slow);
      await description.fill('Desk with a drawer');
      const asked: string[] = [];
      page.once('dialog', (dialog) => { asked.push(dialog.type()); void dialog.dismiss(); });
      await page.reload({ timeout: 2_000 }).catch(() => undefined);
      expect(asked).toEqual(['beforeunload']);
      expect(await description.inputValue()).toBe('Desk with a drawer');
      // Left, the cell saves, and the page leaves without asking.
      await description.press('Tab');
      await expect.poll(async () => (await session.api.call<{ lines: Array<{ description: string }> }>('GET', `/api/v1/salesOrders/${order.no}`)).lines[0]!.description, slow)
        .toBe('Desk with a drawer');
      page.once('dialog', (dialog) => { asked.push(dialog.type()); void dialog.accept(); });
      await page.reload();
      await description.waitFor(slow);
      expect(asked).toEqual(['beforeunload']);
    } catch (error) {
      await page.screenshot({ path: join(artifacts, 'lines-grid-unsaved-failed.png'), fullPage: true });
      throw error;
    }
  }, hookTimeout);
});
