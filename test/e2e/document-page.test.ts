import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount, formatQuantity } from '../../src/web/format/numbers.ts';
import { screenshotSteps } from './support/steps.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

interface Header {
  no: string; version: number; shipToCode: string | null; shipToName: string; shipToCity: string; locationCode: string | null;
  paymentMethodCode: string | null; sellToContact: string; totals: { invoiceDiscountAmount: string }; lines: Array<{ lineNo: number; no: string; locationCode: string | null }>;
}
interface Statistics { balanceLcy: string; balanceDueLcy: string; creditLimitLcy: string }

// The sales document page as BC's: header tabs, the FactBox, Delete, and the confirmations around
// Make Invoice and deleting a line; on the demo company (C00030 De Werkplek Amsterdam has ship-to
// addresses ZUIDAS and HAARLEM, item 1000 is in stock at MAIN and ROTTERDAM).
describe.skipIf(!chromiumAvailable())('the sales document page, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;

  beforeAll(async () => {
    // An invoice posted for C00030 gives the FactBox a balance to show.
    session = await openBrowserSession({ viewport: { width: 1440, height: 900 }, prepare: async (prepared) => { await prepared.postInvoice('C00030', '1000'); } });
    page = session.page;
    api = session.api;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const { screenshot, step } = screenshotSteps(() => page, 'document-page');
  const order = (no: string) => api.call<Header>('GET', `/api/v1/salesOrders/${no}`);
  const field = (label: string) => page.getByLabel(label, { exact: true });
  async function openOrder(customerNo: string): Promise<string> {
    const { no } = await api.call<Header>('POST', '/api/v1/salesOrders', { sellToCustomerNo: customerNo, lines: [{ type: 'item', no: '1000', quantity: '2' }] });
    await page.goto(`${session.server.address}/sales/orders/${no}`);
    await page.getByRole('heading', { name: new RegExp(`^Sales Order ${no} · `) }).waitFor(slow);
    return no;
  }
  /** An option field (a Mantine Select): its combobox, then the option. */
  const select = (label: string) => page.getByRole('combobox', { name: label, exact: true });
  async function choose(label: string, option: string) {
    await select(label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('sets the ship-to address, location and payment method of an order through its tabs; the API reads them back', async () => {
    await step('ship-to', async () => {
      const no = await openOrder('C00030');
      expect((await order(no)).locationCode).toBe('MAIN');

      await page.getByRole('tab', { name: 'Shipping and Billing' }).click();
      await choose('Ship-to', 'Alternate Shipping Address');
      await field('Ship-to Code').fill('ZUIDAS');
      await field('Ship-to Code').press('Enter');
      await expect.poll(() => field('Ship-to Name').inputValue(), slow).toBe('De Werkplek Amsterdam – Zuidas');
      await field('Location Code').fill('ROTTERDAM');
      await field('Location Code').press('Enter');
      await expect.poll(async () => (await order(no)).locationCode, slow).toBe('ROTTERDAM');
      const saved = await order(no);
      expect(saved).toMatchObject({ shipToCode: 'ZUIDAS', shipToName: 'De Werkplek Amsterdam – Zuidas', shipToCity: 'Amsterdam' });
      // The line shipped from the header's location, so it follows it.
      expect(saved.lines[0]!.locationCode).toBe('ROTTERDAM');
      await screenshot('shipping-tab');

      // A custom address: the code goes, the customer's address is the start, and what is typed is the document's own.
      await choose('Ship-to', 'Custom Address');
      await expect.poll(() => field('Ship-to Name').inputValue(), slow).toBe('De Werkplek Amsterdam B.V.');
      await field('Ship-to Name').fill('Bouwkeet Noord');
      await field('Ship-to Name').press('Tab');
      await field('Ship-to City').fill('Zaandam');
      await field('Ship-to City').press('Tab');
      await expect.poll(async () => (await order(no)).shipToCity, slow).toBe('Zaandam');
      // Leaving the ship-to address takes the customer's location again, as BC's Validate("Ship-to Code") does.
      expect(await order(no)).toMatchObject({ shipToCode: null, shipToName: 'Bouwkeet Noord', locationCode: 'MAIN' });

      await page.getByRole('tab', { name: 'Invoice Details' }).click();
      await field('Payment Method Code').fill('IDEAL');
      await field('Payment Method Code').press('Enter');
      await expect.poll(async () => (await order(no)).paymentMethodCode, slow).toBe('IDEAL');
      // An invoice discount amount typed by hand, in the user's number format.
      await field('Invoice Discount Amount').fill('100,50');
      await field('Invoice Discount Amount').press('Enter');
      await expect.poll(async () => (await order(no)).totals.invoiceDiscountAmount, slow).toBe('100.50');
      await page.locator('[data-total="invoiceDiscountAmount"]').filter({ hasText: '100,50' }).waitFor(slow);

      await page.getByRole('tab', { name: 'General' }).click();
      expect(await field('Status').inputValue()).toBe('Open');
      await field('Contact').fill('Sophie van den Berg (inkoop)');
      await field('Contact').press('Enter');
      await expect.poll(async () => (await order(no)).sellToContact, slow).toBe('Sophie van den Berg (inkoop)');

      // Read again from the server, the page shows the custom address as such.
      await page.reload();
      await page.getByRole('tab', { name: 'Shipping and Billing' }).click();
      expect(await select('Ship-to').inputValue()).toBe('Custom Address');
      expect(await field('Ship-to Name').inputValue()).toBe('Bouwkeet Noord');
    });
  });

  it("shows the customer's balance, credit limit and overdue amount, and the current line's inventory, in the FactBox", async () => {
    await step('factbox', async () => {
      await openOrder('C00030');
      const statistics = await api.call<Statistics>('GET', '/api/v1/customers/C00030/statistics');
      // The invoice posted in the setup: at least its 1,210.00 is owed.
      expect(Number(statistics.balanceLcy)).toBeGreaterThanOrEqual(1210);
      const factBox = page.getByRole('complementary', { name: 'FactBox' });
      const figure = (name: string) => factBox.locator(`[data-figure="${name}"]`);
      await expect.poll(() => figure('balanceLcy').textContent(), slow).toBe(formatAmount(statistics.balanceLcy, 'nl-NL'));
      expect(await figure('creditLimitLcy').textContent()).toBe('25.000,00');
      expect(await figure('balanceDueLcy').textContent()).toBe(formatAmount(statistics.balanceDueLcy, 'nl-NL'));

      const inventory = await api.call<{ inventory: string; byLocation: Array<{ locationCode: string; quantity: string }> }>('GET', '/api/v1/items/1000/inventory');
      await page.getByLabel('Quantity, line 1', { exact: true }).click();
      await expect.poll(() => figure('inventory').textContent(), slow).toBe(formatQuantity(inventory.inventory, 'nl-NL'));
      const main = inventory.byLocation.find((row) => row.locationCode === 'MAIN')!.quantity;
      expect(await figure('inventoryAtLocation').textContent()).toBe(formatQuantity(main, 'nl-NL'));
      expect(await figure('lineQuantityBase').textContent()).toBe('2');
      await screenshot('factbox');
      // Narrower, the FactBox moves under the document.
      await page.setViewportSize({ width: 1024, height: 900 });
      const lines = await page.getByRole('table', { name: 'Lines' }).boundingBox();
      const box = await factBox.boundingBox();
      expect(box!.y).toBeGreaterThan(lines!.y + lines!.height);
      await screenshot('factbox-1024');
      await page.setViewportSize({ width: 1440, height: 900 });
    });
  });

  it('deletes a line and then the order, each after asking; the orders list shows next', async () => {
    await step('delete', async () => {
      const no = await openOrder('C00040');
      await page.getByRole('button', { name: 'Delete line 1' }).click();
      const lineQuestion = page.getByRole('dialog', { name: 'Delete line 1' });
      await lineQuestion.getByText('Do you want to delete line 1 (1000 ').waitFor(slow);
      await lineQuestion.getByRole('button', { name: 'No' }).click();
      await lineQuestion.waitFor({ state: 'detached' });
      expect((await order(no)).lines).toHaveLength(1);
      await page.getByRole('button', { name: 'Delete line 1' }).click();
      await lineQuestion.getByRole('button', { name: 'Yes' }).click();
      await expect.poll(async () => (await order(no)).lines.length, slow).toBe(0);

      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const question = page.getByRole('dialog', { name: `Delete Sales Order ${no}` });
      await question.getByText(`Do you want to delete sales order ${no}?`).waitFor(slow);
      await question.getByRole('button', { name: 'Yes' }).click();
      await page.waitForURL(/\/sales\/orders$/, slow);
      await page.getByRole('heading', { name: 'Sales Orders' }).waitFor(slow);
      const orders = await api.call<{ items: Array<{ no: string }> }>('GET', '/api/v1/salesOrders?sellToCustomerNo=C00040&limit=100');
      expect(orders.items.map((item) => item.no)).not.toContain(no);
    });
  });

  it('asks before Make Invoice, and shows why an empty quote is refused; the quote stays', async () => {
    await step('empty-quote', async () => {
      const { no } = await api.call<Header>('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C00030' });
      await page.goto(`${session.server.address}/sales/quotes/${no}`);
      await page.getByRole('heading', { name: new RegExp(`^Sales Quote ${no} · `) }).waitFor(slow);
      await page.getByRole('button', { name: 'Make Invoice' }).click();
      const question = page.getByRole('dialog', { name: 'Make Invoice' });
      await question.getByText(`Do you want to convert quote ${no} to a sales invoice?`).waitFor(slow);
      await question.getByRole('button', { name: 'Yes' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'There is nothing to convert' });
      await refusal.waitFor(slow);
      expect(await refusal.textContent()).toBe(`There is nothing to convert: quote ${no} has no item or G/L account line to make an invoice of.`);
      expect(page.url()).toMatch(new RegExp(`/sales/quotes/${no}$`));
      expect((await api.call<Header>('GET', `/api/v1/salesQuotes/${no}`)).no).toBe(no);
      await screenshot('empty-quote');
    });
  });
});
