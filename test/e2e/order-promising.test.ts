import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';
import { screenshotSteps } from './support/steps.ts';
import { givenItemLike1000, givenStock, setWorkDate } from './support/given-stock.ts';

// Order Promising in the browser with the spec's worked example 8 (§16.4), on the demo company: a new
// item with 6 in stock at MAIN and 20 on a purchase order expected on 20 January 2026; a sales order
// of 10 for C00010 (MAIN: 1 day handling; customer: 1 day shipping) wanted on 10 January. At work
// date 5 January the earliest shipment is the receipt date. A second order has a line of demo item
// 1010 (80 in stock at MAIN) and one of an item nothing supplies, so accepting all of it is refused. The steps build on each other.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(!chromiumAvailable())('order promising and item availability in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let salesOrderNo: string;
  let purchaseOrderNo: string;
  let mixedOrderNo: string;
  const itemNo = 'PROMISE';
  const { screenshot, step } = screenshotSteps(() => page, 'order-promising');

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        for (const [no, description] of [[itemNo, 'Promised desk'], ['NOSUPPLY', 'Desk nobody supplies']]) {
          await givenItemLike1000(api, { no: no!, description, unitPrice: '500', unitCost: '300' });
        }
        await givenStock(api, { documentNo: 'PROMISE', itemNo, locationCode: 'MAIN', quantity: '6', unitCost: '300' });
        ({ no: purchaseOrderNo } = await api.call<{ no: string }>('POST', '/api/v1/purchaseOrders', {
          buyFromVendorNo: 'V00010', lines: [{ type: 'item', no: itemNo, locationCode: 'MAIN', quantity: '20', expectedReceiptDate: '2026-01-20' }],
        }));
        ({ no: salesOrderNo } = await api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
          sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: itemNo, locationCode: 'MAIN', quantity: '10', shipmentDate: '2026-01-10' }],
        }));
        ({ no: mixedOrderNo } = await api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
          sellToCustomerNo: 'C00010', lines: [
            { type: 'item', no: '1010', locationCode: 'MAIN', quantity: '1', shipmentDate: '2026-01-12' },
            { type: 'item', no: 'NOSUPPLY', locationCode: 'MAIN', quantity: '5', shipmentDate: '2026-01-12' },
          ],
        }));
      },
    });
    page = session.page;
    await setWorkDate(page, '05-01-2026');
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  /** axe-core's serious and critical findings in the open dialog (the app's CSP refuses an injected script: evaluated instead). */
  async function seriousAxeViolations(): Promise<string[]> {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ html: string }> }> }> } }).axe;
      const result = await axe.run(document.querySelector('[role="dialog"]')!, { resultTypes: ['violations'] });
      return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.html.slice(0, 160)).join(' | ')}`);
    });
  }

  const dialog = () => page.getByRole('dialog', { name: 'Order Promising' });
  const promisingRow = () => dialog().getByRole('table', { name: 'Order promising lines' }).locator('tbody tr');

  it('promises the receipt date of the purchase order and says why', async () => {
    await step('calculated', async () => {
      await page.goto(`${session.server.address}/sales/orders/${salesOrderNo}`);
      await page.getByRole('button', { name: 'Order Promising…' }).click();
      await dialog().waitFor(slow);
      expect(await dialog().getByRole('radio', { name: 'Available to Promise' }).isChecked()).toBe(true);
      await expect.poll(() => promisingRow().locator('[data-field-value="earliestShipmentDate"]').textContent(), slow).toBe('20-01-2026');
      const row = (await promisingRow().textContent()) ?? '';
      // Item, quantity, original shipment, planned delivery (+1 day handling, +1 day shipping), unavailable 4.
      for (const expected of [itemNo, 'Promised desk', '10', '10-01-2026', '22-01-2026', '4']) expect(row).toContain(expected);
      const explanation = await promisingRow().locator('[data-field-value="explanation"]').textContent();
      expect(explanation).toMatch(/^6 in inventory; /);
      expect(explanation).toContain(`20 arriving 20-01-2026 on purchase order ${purchaseOrderNo}`);
      expect(explanation).toMatch(/; earliest 20-01-2026$/);
      await screenshot('dialog');
      expect(await seriousAxeViolations()).toEqual([]);
    });
  }, hookTimeout);

  it('accepts the date: the line ships on 20 January and is delivered on the 22nd', async () => {
    await step('accepted', async () => {
      await dialog().getByRole('button', { name: 'Accept', exact: true }).click();
      await dialog().waitFor({ state: 'hidden', ...slow });
      await page.getByRole('button', { name: 'Columns…' }).click();
      const menu = page.getByTestId('column-chooser');
      for (const column of ['Promised Delivery Date', 'Shipment Date', 'Planned Shipment Date', 'Planned Delivery Date']) await menu.getByRole('checkbox', { name: column, exact: true }).check();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByLabel('Shipment Date, line 1', { exact: true }).inputValue(), slow).toBe('20-01-2026');
      expect(await page.getByLabel('Planned Shipment Date, line 1').textContent()).toBe('21-01-2026');
      expect(await page.getByLabel('Planned Delivery Date, line 1').inputValue()).toBe('22-01-2026');
      const saved = await session.api.call<{ lines: Array<{ shipmentDate: string }> }>('GET', `/api/v1/salesOrders/${salesOrderNo}`);
      expect(saved.lines[0]!.shipmentDate).toBe('2026-01-20');
      await page.getByLabel('Planned Delivery Date, line 1').scrollIntoViewIfNeeded();
      await screenshot('accepted');
    });
  }, hookTimeout);

  it('refuses to accept a line with no date in the window, says so in the dialog, accepts the lines chosen, and dates typed on a line move its shipment date', async () => {
    await step('refused', async () => {
      await page.goto(`${session.server.address}/sales/orders/${mixedOrderNo}`);
      await page.getByRole('button', { name: 'Order Promising…' }).click();
      await expect.poll(() => promisingRow().count(), slow).toBe(2);
      await expect.poll(() => promisingRow().nth(1).locator('[data-field-value="earliestShipmentDate"]').textContent(), slow).toBe('none');
      // The method is a radio group: the arrow keys choose, and the lines are promised again.
      await dialog().getByRole('radio', { name: 'Available to Promise' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => dialog().getByRole('radio', { name: 'Capable to Promise' }).isChecked(), slow).toBe(true);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => dialog().getByRole('radio', { name: 'Available to Promise' }).isChecked(), slow).toBe(true);
      await expect.poll(() => promisingRow().count(), slow).toBe(2);

      await dialog().getByRole('button', { name: 'Accept', exact: true }).click();
      const refusal = dialog().getByRole('alert');
      await refusal.waitFor(slow);
      expect(await refusal.textContent()).toContain('Not accepted');
      await screenshot('refused');
      const unchanged = await session.api.call<{ lines: Array<{ shipmentDate: string }> }>('GET', `/api/v1/salesOrders/${mixedOrderNo}`);
      expect(unchanged.lines.map((line) => line.shipmentDate)).toEqual(['2026-01-12', '2026-01-12']);

      // Line 1 alone: item 1010 is in stock on the work date.
      await dialog().getByRole('checkbox', { name: /^Select line 10000/ }).check();
      await dialog().getByRole('button', { name: 'Accept Selected Lines' }).click();
      await dialog().waitFor({ state: 'hidden', ...slow });
      const accepted = await session.api.call<{ lines: Array<{ shipmentDate: string }> }>('GET', `/api/v1/salesOrders/${mixedOrderNo}`);
      expect(accepted.lines.map((line) => line.shipmentDate)).toEqual(['2026-01-05', '2026-01-12']);

      // A promised delivery typed in the grid as BC takes dates ("2001": 20 January of the work date's year)
      // counts back one day of shipping and one of handling to the shipment date.
      const promised = page.getByLabel('Promised Delivery Date, line 2');
      await promised.fill('2001');
      await promised.press('Tab');
      await expect.poll(() => page.getByLabel('Shipment Date, line 2', { exact: true }).inputValue(), slow).toBe('18-01-2026');
      expect(await promised.inputValue()).toBe('20-01-2026');
      expect(await page.getByLabel('Planned Shipment Date, line 2').textContent()).toBe('19-01-2026');
    });
  }, hookTimeout);

  it('shows the item\'s availability by period and by location, reached from the FactBox', async () => {
    await step('availability', async () => {
      await page.goto(`${session.server.address}/sales/orders/${salesOrderNo}`);
      await page.getByRole('complementary', { name: 'FactBox' }).getByRole('link', { name: 'Availability by period and location' }).click();
      const panel = page.getByRole('group', { name: 'Availability' });
      const byPeriod = panel.getByRole('table', { name: 'Availability by period' });
      await byPeriod.waitFor(slow);
      expect(await byPeriod.locator('tbody tr').count()).toBe(12);
      // Weeks from Monday 5 January: 6 in stock; the week of the 19th receives 20 and ships 10.
      const week = (start: string) => byPeriod.locator(`tr[data-row="${start}"]`);
      const figure = (start: string, field: string) => week(start).locator(`[data-availability="${field}"]`).textContent();
      expect(await figure('2026-01-05', 'projectedAvailableBalance')).toBe('6');
      expect([await figure('2026-01-19', 'grossRequirement'), await figure('2026-01-19', 'scheduledReceipt'), await figure('2026-01-19', 'projectedAvailableBalance')])
        .toEqual(['10', '20', '16']);
      await screenshot('by-period');

      await panel.getByRole('tab', { name: 'By Location' }).click();
      const byLocation = panel.getByRole('table', { name: 'Availability by location' });
      await byLocation.waitFor(slow);
      await expect.poll(() => byLocation.locator('tr[data-row="MAIN"] [data-availability="inventory"]').textContent(), slow).toBe('6');
      const upTo = panel.getByRole('textbox', { name: 'Up to date' });
      await upTo.fill('31-01-2026');
      await upTo.press('Enter');
      await expect.poll(() => byLocation.locator('tr[data-row="MAIN"] [data-availability="projectedAvailableBalance"]').textContent(), slow).toBe('16');
      await screenshot('by-location');
    });
  }, hookTimeout);
});
