import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { hasFocus } from './support/focus.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Issue 15 on the web: a blanket sales order for 10 of item 1000 (the demo company keeps it in MAIN),
// of which Make Order takes 4 into an order that is shipped and invoiced; the blanket line then shows
// what was delivered and links to the posted documents. Each step builds on the one before, so the
// steps are one test.
describe.skipIf(!chromiumAvailable())('a blanket sales order, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const customerNo = 'CBLANKET';

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        await api.call('POST', '/api/v1/customers', {
          no: customerNo, name: 'Meubelhuis Raamcontract', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC',
          paymentTermsCode: '14D', locationCode: 'MAIN',
        });
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `blanket-${name}.png`), fullPage: true });
  const notices = () => page.getByRole('region', { name: 'Notifications' });
  const label = (text: string) => page.getByLabel(text, { exact: true });
  const shown = (text: string) => label(text).textContent();

  it('makes an order of part of a blanket line, posts it, and sees the blanket line delivered and linked', async () => {
    try {
      const blanketUrl = await createBlanketOrder();
      await makeOrder(blanketUrl);
      await shipAndInvoice();
      await seeBlanketDelivered(blanketUrl);
      await refusals();
      await linkByHand(blanketUrl);
      await deleteInvoiced(blanketUrl);
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  }, hookTimeout);

  /** A new blanket order from the list, one line of 10 of item 1000 typed in the grid; it has no posting actions. */
  async function createBlanketOrder(): Promise<string> {
    await page.getByRole('link', { name: 'Blanket Sales Orders', exact: true }).click();
    await page.getByRole('heading', { name: 'Blanket Sales Orders' }).waitFor(slow);
    await page.getByRole('link', { name: 'New' }).click();
    await label('Customer No.').fill(customerNo);
    await label('Customer No.').press('Enter');
    await page.waitForURL(/\/sales\/blanket-orders\/SBO\d+$/, slow);
    await page.getByRole('heading', { name: /Blanket Sales Order SBO\d+ · Meubelhuis Raamcontract/ }).waitFor(slow);
    await expect.poll(() => hasFocus(label('No., new line')), slow).toBe(true);
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(label('Quantity, line 1')), slow).toBe(true);
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    // Qty. to Ship defaults to what is outstanding.
    await expect.poll(() => label('Qty. to Ship, line 1').inputValue(), slow).toBe('10');
    expect(await shown('Outstanding Quantity, line 1')).toBe('10');
    expect(await shown('Quantity Shipped, line 1')).toBe('0');
    // Blanket orders never post.
    const actions = page.getByRole('toolbar', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Make Order' }).waitFor();
    expect(await actions.getByRole('button', { name: 'Post…' }).count()).toBe(0);
    expect(await actions.getByRole('button', { name: 'Preview Posting…' }).count()).toBe(0);
    expect(await actions.getByRole('button', { name: /Ship/ }).count()).toBe(0);
    await screenshot('created');
    return page.url();
  }

  /** Qty. to Ship 4, then Make Order: the new order opens, linked to the blanket line. */
  async function makeOrder(blanketUrl: string) {
    const blanketNo = blanketUrl.split('/').at(-1)!;
    await label('Qty. to Ship, line 1').fill('4');
    await label('Qty. to Ship, line 1').press('Tab');
    await page.getByRole('button', { name: 'Make Order' }).click();
    await page.waitForURL(/\/sales\/orders\/SO\d+$/, slow);
    const orderNo = page.url().split('/').at(-1)!;
    await notices().getByText(`Sales Order ${orderNo} created`).waitFor(slow);
    await notices().getByRole('link', { name: `Blanket Sales Order ${blanketNo}` }).waitFor();
    await page.getByRole('heading', { name: `Sales Order ${orderNo} · Meubelhuis Raamcontract` }).waitFor(slow);
    expect(await label('No., line 1').inputValue()).toBe('1000');
    expect(await label('Quantity, line 1').inputValue()).toBe('4');
    // The order's lines show their link to the blanket order, as they have one.
    expect(await label('Show blanket order link').isChecked()).toBe(true);
    expect(await label('Blanket Order No., line 1').inputValue()).toBe(blanketNo);
    expect(await label('Blanket Order Line No., line 1').inputValue()).toBe('10000');
    await screenshot('order');
  }

  async function shipAndInvoice() {
    await page.getByRole('button', { name: 'Post…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Post Sales Order/ });
    await dialog.getByRole('radio', { name: 'Ship and Invoice', exact: true }).check();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await notices().getByRole('link', { name: /Posted Sales Shipment PSS\d+/ }).waitFor(slow);
    await notices().getByRole('link', { name: /Posted Sales Invoice PSI\d+/ }).waitFor(slow);
    // Shipped and invoiced in full, the order is gone: the posted invoice opens.
    await page.waitForURL(/\/posted\/invoices\/PSI\d+$/, slow);
  }

  /** The blanket line: 4 shipped and invoiced, 6 left (and Qty. to Ship defaulted to them); its linked documents are the posted shipment and invoice. */
  async function seeBlanketDelivered(blanketUrl: string) {
    await page.goto(blanketUrl);
    await expect.poll(() => shown('Quantity Shipped, line 1'), slow).toBe('4');
    expect(await shown('Quantity Invoiced, line 1')).toBe('4');
    expect(await shown('Outstanding Quantity, line 1')).toBe('6');
    expect(await label('Qty. to Ship, line 1').inputValue()).toBe('6');

    await page.getByRole('button', { name: 'Linked Documents, line 1' }).click();
    const dialog = page.getByRole('dialog', { name: /^Linked Documents/ });
    const table = dialog.getByRole('table', { name: 'Linked documents' });
    await table.waitFor(slow);
    const rows = table.locator('tbody tr');
    expect(await rows.evaluateAll((cells) => cells.map((row) => (row as unknown as { dataset: Record<string, string> }).dataset.document?.replace(/\d+$/, '#'))))
      .toEqual(['Posted Sales Shipment PSS#', 'Posted Sales Invoice PSI#']);
    for (const row of await rows.all()) {
      expect(await row.locator('td').nth(2).textContent()).toBe('Yes');
      expect(await row.locator('[data-field-value="quantity"]').textContent()).toBe('4');
    }
    expect(await dialog.locator('[data-figure="Outstanding Quantity"]').textContent()).toBe('6');
    await screenshot('linked-documents');
    // Each is a link to its posted document.
    const invoiceNo = (await rows.nth(1).getAttribute('data-document'))!.split(' ').at(-1)!;
    await rows.nth(1).getByRole('link', { name: invoiceNo }).click();
    await page.waitForURL(new RegExp(`/posted/invoices/${invoiceNo}$`), slow);
    await page.goto(blanketUrl);
  }

  /** More than is outstanding is refused on the cell; Make Order with no Qty. to Ship is refused above the page. */
  async function refusals() {
    const quantityToShip = label('Qty. to Ship, line 1');
    await quantityToShip.fill('7');
    await quantityToShip.press('Tab');
    await page.getByText(/Qty\. to Ship \(Base\) 7 of item 1000 in line 10000 of blanket order SBO\d+ cannot be more than 6/).waitFor(slow);
    await expect.poll(() => quantityToShip.getAttribute('aria-invalid')).toBe('true');
    await quantityToShip.fill('0');
    await quantityToShip.press('Tab');
    await expect.poll(() => quantityToShip.getAttribute('aria-invalid'), slow).not.toBe('true');
    await page.getByRole('button', { name: 'Make Order' }).click();
    await page.getByRole('alert').filter({ hasText: /There is nothing to create: no line of blanket order SBO\d+ has a Qty\. to Ship/ }).waitFor(slow);
    await screenshot('refused');
  }

  /**
   * An order typed by hand links its lines to the blanket line in the grid: a line of another item is
   * refused next to its cell, a line of item 1000 is linked (and shows among the linked documents),
   * then unlinked.
   */
  async function linkByHand(blanketUrl: string) {
    const blanketNo = blanketUrl.split('/').at(-1)!;
    const order = await session.api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: customerNo, lines: [{ type: 'item', no: '1010', quantity: '1' }, { type: 'item', no: '1000', quantity: '2' }],
    });
    await page.goto(`${session.server.address}/sales/orders/${order.no}`);
    await label('Show blanket order link').check();
    for (const line of [1, 2]) {
      await label(`Blanket Order No., line ${line}`).fill(blanketNo);
      await label(`Blanket Order No., line ${line}`).press('Tab');
      // Nothing is saved until the Line No. is entered too.
      await page.getByText('Enter the Blanket Order Line No. too: the link is saved with it').waitFor(slow);
      await label(`Blanket Order Line No., line ${line}`).fill('10000');
      await label(`Blanket Order Line No., line ${line}`).press('Tab');
    }
    await page.getByText(/This line cannot be linked to line 10000 of blanket order SBO\d+: its No\. \(1010\) must be the blanket line's \(1000\)/).waitFor(slow);
    await expect.poll(async () => (await session.api.call<{ lines: Array<{ blanketOrderNo: string | null }> }>('GET', `/api/v1/salesOrders/${order.no}`))
      .lines.map((line) => line.blanketOrderNo), slow).toEqual([null, blanketNo]);
    expect(await label('Blanket Order Line No., line 2').inputValue()).toBe('10000');
    await screenshot('linked-by-hand');
    // The blanket line counts the order: the linked documents list it, unposted.
    await page.goto(blanketUrl);
    await page.getByRole('button', { name: 'Linked Documents, line 1' }).click();
    const table = page.getByRole('dialog', { name: /^Linked Documents/ }).getByRole('table', { name: 'Linked documents' });
    const orderRow = table.locator(`tbody tr[data-document="Sales Order ${order.no}"]`);
    await orderRow.waitFor(slow);
    expect(await orderRow.locator('td').nth(2).textContent()).toBe('No');
    expect(await orderRow.locator('[data-field-value="quantity"]').textContent()).toBe('2');
    await page.keyboard.press('Escape');
    // An empty Blanket Order No. unlinks the line again.
    await page.goto(`${session.server.address}/sales/orders/${order.no}`);
    await label('Blanket Order No., line 2').fill('');
    await label('Blanket Order No., line 2').press('Tab');
    await expect.poll(() => label('Blanket Order Line No., line 2').inputValue(), slow).toBe('');
    expect((await session.api.call<{ lines: Array<{ blanketOrderNo: string | null }> }>('GET', `/api/v1/salesOrders/${order.no}`)).lines[1]!.blanketOrderNo).toBeNull();
  }

  /** Delete Invoiced Blanket Orders takes only blanket orders shipped and invoiced in full: not this one until its last 6 are. */
  async function deleteInvoiced(blanketUrl: string) {
    const blanketNo = blanketUrl.split('/').at(-1)!;
    const runDeleteInvoiced = async () => {
      await page.getByRole('button', { name: 'Delete Invoiced Blanket Orders…' }).click();
      await page.getByRole('dialog', { name: 'Delete Invoiced Blanket Orders' }).getByRole('button', { name: 'Delete' }).click();
    };
    await page.getByRole('link', { name: 'Blanket Sales Orders', exact: true }).click();
    await page.getByRole('link', { name: blanketNo }).waitFor(slow);
    await runDeleteInvoiced();
    await notices().getByText(/^No blanket sales order was deleted/).waitFor(slow);
    expect(await page.getByRole('link', { name: blanketNo }).count()).toBe(1);

    await session.api.call('PATCH', `/api/v1/salesBlanketOrders/${blanketNo}/lines/10000`, { quantityToShip: '6' });
    const rest = await session.api.call<{ no: string }>('POST', `/api/v1/salesBlanketOrders/${blanketNo}/makeOrder`);
    await session.api.call('POST', `/api/v1/salesOrders/${rest.no}/post`, { ship: true, invoice: true });
    await runDeleteInvoiced();
    await notices().getByText(`1 blanket sales order deleted: ${blanketNo}.`).waitFor(slow);
    await expect.poll(() => page.getByRole('link', { name: blanketNo }).count(), slow).toBe(0);
    await screenshot('deleted');
  }
});
