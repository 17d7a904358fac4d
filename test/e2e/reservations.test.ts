import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';
import { screenshotSteps } from './support/steps.ts';
import { givenItemLike1000, givenStock, setWorkDate } from './support/given-stock.ts';

// Reservations in the browser on the demo company: a new item with 5 in stock at MAIN, an order of 4
// that reserves them in the Reservation dialog, and a second order of 2 whose shipment is refused
// while only 1 is free, and posts once the first order's reservation is cancelled. The steps build on each other.
describe.skipIf(!chromiumAvailable())('reservations in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let reservingOrderNo: string;
  let otherOrderNo: string;
  const itemNo = 'RESERVED';
  const { screenshot, step } = screenshotSteps(() => page, 'reservations');

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        await givenItemLike1000(api, { no: itemNo, description: 'Reserved chair', unitPrice: '80', unitCost: '40' });
        await givenStock(api, { documentNo: 'RESERVED', itemNo, locationCode: 'MAIN', quantity: '5', unitCost: '40' });
        const order = (quantity: string) => api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
          sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: itemNo, locationCode: 'MAIN', quantity, shipmentDate: '2026-01-10' }],
        });
        ({ no: reservingOrderNo } = await order('4'));
        ({ no: otherOrderNo } = await order('2'));
      },
    });
    page = session.page;
    await setWorkDate(page, '05-01-2026');
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const dialog = () => page.getByRole('dialog', { name: 'Reservation' });
  const entries = () => dialog().getByRole('table', { name: 'Reservation entries' }).locator('tbody tr');
  const reservedOf = async (no: string) => (await session.api.call<{ reservedQuantity: string }>('GET', `/api/v1/salesOrders/${no}/lines/10000/reservations`)).reservedQuantity;

  async function openReservation(no: string) {
    await page.goto(`${session.server.address}/sales/orders/${no}`);
    // The dialog opens on the line the cursor was last in.
    await page.getByLabel('Quantity, line 1', { exact: true }).click();
    await page.getByRole('button', { name: 'Reservation…' }).click();
    await dialog().waitFor(slow);
  }

  async function postShipment() {
    await page.getByRole('button', { name: 'Post…' }).click();
    const post = page.getByRole('dialog', { name: /^Post Sales Order/ });
    await post.getByRole('radio', { name: 'Ship', exact: true }).check();
    await post.getByRole('button', { name: 'OK' }).click();
  }

  it('reserves the 4 of the line from inventory', async () => {
    await step('reserved', async () => {
      await openReservation(reservingOrderNo);
      await dialog().getByTestId('no-reservations').waitFor(slow);
      // More than the line asks is refused in the dialog and reserves nothing.
      const quantity = dialog().getByRole('textbox', { name: 'Quantity to Reserve' });
      await quantity.fill('5');
      await dialog().getByRole('button', { name: 'Reserve', exact: true }).click();
      const refusal = dialog().getByRole('alert');
      await expect.poll(() => refusal.textContent(), slow).toContain('Not reserved');
      expect(await refusal.textContent()).toContain('must be more than 0 and at most');
      expect(await reservedOf(reservingOrderNo)).toBe('0.00000');
      // An empty quantity is Reserve's default: all that is not reserved yet.
      await quantity.fill('');
      await dialog().getByRole('button', { name: 'Reserve', exact: true }).click();
      await expect.poll(() => entries().count(), slow).toBe(1);
      expect(await refusal.count()).toBe(0);
      expect(await entries().first().getAttribute('data-supply')).toBe('inventory');
      expect(await entries().first().textContent()).toContain('MAIN');
      expect(await entries().first().locator('[data-field-value="quantityBase"]').textContent()).toBe('4');
      expect(await dialog().locator('[data-figure="reservedQuantity"]').textContent()).toBe('4');
      expect(await reservedOf(reservingOrderNo)).toBe('4.00000');
      await screenshot('dialog');
      // Reserved in full: Reserve again is refused in the dialog and changes nothing.
      await dialog().getByRole('button', { name: 'Reserve', exact: true }).click();
      await expect.poll(() => refusal.textContent(), slow).toContain('is reserved in full');
      expect(await reservedOf(reservingOrderNo)).toBe('4.00000');
      await dialog().getByRole('button', { name: 'Close Reservation' }).click();
      await dialog().waitFor({ state: 'hidden', ...slow });
      const factBox = page.getByRole('complementary', { name: 'FactBox' });
      await expect.poll(() => factBox.locator('[data-figure="reservedQuantity"]').textContent(), slow).toBe('4');
    });
  }, hookTimeout);

  it('refuses to ship the other order the stock reserved for the first', async () => {
    await step('refused', async () => {
      await page.goto(`${session.server.address}/sales/orders/${otherOrderNo}`);
      await page.getByLabel('Quantity, line 1', { exact: true }).waitFor(slow);
      await postShipment();
      const refusal = page.getByRole('alert').filter({ hasText: 'reserved for other orders' });
      await refusal.waitFor(slow);
      expect(await refusal.textContent()).toContain(`Item ${itemNo} at MAIN: 2 would ship, but of the 5 in inventory 4 are reserved for other orders; 1 can ship.`);
      await screenshot('refused');
      const unchanged = await session.api.call<{ lines: Array<{ quantityShipped: string }> }>('GET', `/api/v1/salesOrders/${otherOrderNo}`);
      expect(unchanged.lines[0]!.quantityShipped).toBe('0.00000');
    });
  }, hookTimeout);

  it('cancels the first order\'s reservation in the dialog, after which the other order ships', async () => {
    await step('cancelled', async () => {
      await openReservation(reservingOrderNo);
      await expect.poll(() => entries().count(), slow).toBe(1);
      await dialog().getByRole('button', { name: 'Cancel Reservation' }).click();
      await dialog().getByTestId('no-reservations').waitFor(slow);
      expect(await dialog().locator('[data-figure="reservedQuantity"]').textContent()).toBe('0');
      expect(await reservedOf(reservingOrderNo)).toBe('0.00000');
      await screenshot('cancelled');
      await dialog().getByRole('button', { name: 'Close Reservation' }).click();

      await page.goto(`${session.server.address}/sales/orders/${otherOrderNo}`);
      await page.getByLabel('Quantity, line 1', { exact: true }).waitFor(slow);
      await postShipment();
      await page.getByRole('region', { name: 'Notifications' }).getByRole('link', { name: /Posted Sales Shipment PSS\d+/ }).waitFor(slow);
      const shipped = await session.api.call<{ lines: Array<{ quantityShipped: string }> }>('GET', `/api/v1/salesOrders/${otherOrderNo}`);
      expect(shipped.lines[0]!.quantityShipped).toBe('2.00000');
      await screenshot('shipped');
    });
  }, hookTimeout);
});
