import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotSteps } from './support/steps.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Recurring sales lines in the browser, on the demo company (spec §9): a standard sales code
// MONTHLY with an item line (3 × item 1000) and a G/L line (services 8040 at 25.00) is made on its
// card, assigned to C00010 with insert mode Automatic on invoices, so a new invoice has its lines;
// Always Ask on orders offers them on a new order; Get Recurring Sales Lines adds them to a quote;
// Create Recurring Sales Invoices makes one invoice, and none when run again for the same date.
// The steps build on each other.
describe.skipIf(!chromiumAvailable())('recurring sales lines in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let item1000: { description: string };

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        item1000 = await api.call<{ description: string }>('GET', '/api/v1/items/1000');
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const { screenshot, step } = screenshotSteps(() => page, 'recurring', { everyStep: true });

  /** The error text Mantine shows under an input (its aria-describedby). */
  async function fieldError(input: Locator): Promise<string | null> {
    if ((await input.getAttribute('aria-invalid')) !== 'true') return null;
    const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    return texts.join(' ');
  }

  const notice = (text: string | RegExp) => page.getByRole('region', { name: 'Notifications' }).getByText(text);
  const lineValue = (field: string, line: number) => page.getByLabel(`${field}, line ${line}`).inputValue();
  const invoicesOf = async (customerNo: string) =>
    (await session.api.call<{ items: Array<{ no: string }> }>('GET', `/api/v1/salesInvoices?sellToCustomerNo=${customerNo}&limit=100`)).items;

  /** The MONTHLY lines on a document's page: 3 × item 1000, and G/L 8040 once at 25,00. */
  async function expectMonthlyLines() {
    await expect.poll(() => lineValue('No.', 1), slow).toBe('1000');
    expect(await lineValue('Quantity', 1)).toBe('3');
    expect(await lineValue('Description', 1)).toBe(item1000.description);
    expect(await lineValue('No.', 2)).toBe('8040');
    expect(await lineValue('Quantity', 2)).toBe('1');
    expect(await lineValue('Unit Price Excl. VAT', 2)).toBe('25,00');
    expect(await page.getByLabel('No., line 3').count()).toBe(0);
  }

  it('makes a standard sales code with an item and a G/L line on its card, refusing an unknown item on its field', async () => {
    await step('code-card', async () => {
      await page.getByRole('link', { name: 'Standard Sales Codes', exact: true }).click();
      await page.getByRole('heading', { name: 'Standard Sales Codes' }).waitFor(slow);
      await page.getByRole('link', { name: 'New', exact: true }).click();
      const card = page.getByRole('form', { name: 'Standard sales code card' });
      await card.getByLabel('Code', { exact: true }).fill('monthly');
      await card.getByLabel('Description').fill('Monthly supplies');
      await card.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL(/\/standard-sales-codes\/MONTHLY$/, slow);
      await page.getByRole('heading', { name: 'Standard Sales Code MONTHLY · Monthly supplies' }).waitFor(slow);

      await page.getByRole('button', { name: 'New Line' }).click();
      let dialog = page.getByRole('dialog', { name: 'New Standard Sales Line' });
      await dialog.getByLabel('No.', { exact: true }).fill('9999');
      await dialog.getByLabel('Quantity').fill('3');
      await dialog.getByRole('button', { name: 'Add Line' }).click();
      await expect.poll(() => fieldError(dialog.getByLabel('No.', { exact: true })), slow).toContain("Item '9999' does not exist");
      await dialog.getByLabel('No.', { exact: true }).fill('1000');
      await dialog.getByRole('button', { name: 'Add Line' }).click();
      await dialog.waitFor({ state: 'detached', ...slow });

      await page.getByRole('button', { name: 'New Line' }).click();
      dialog = page.getByRole('dialog', { name: 'New Standard Sales Line' });
      await dialog.getByLabel('Type').selectOption('glAccount');
      await dialog.getByLabel('No.', { exact: true }).fill('8040');
      await dialog.getByLabel('Amount Excl. VAT').fill('25');
      await dialog.getByRole('button', { name: 'Add Line' }).click();
      await dialog.waitFor({ state: 'detached', ...slow });

      const rows = page.getByRole('table', { name: 'Lines of the standard sales code' }).locator('[data-line-no]');
      await expect.poll(() => rows.count(), slow).toBe(2);
      // The description comes from the item and the account; no prices are kept.
      const lines = await session.api.call<{ items: Array<{ lineNo: number; type: string; no: string; description: string; unitOfMeasureCode: string | null; quantity: string; amountExcludingVat: string }> }>(
        'GET', '/api/v1/standardSalesCodes/MONTHLY/lines');
      expect(lines.items.map((line) => [line.lineNo, line.type, line.no, line.description, line.quantity, line.amountExcludingVat])).toEqual([
        [10000, 'item', '1000', item1000.description, '3.00000', '0.00'],
        [20000, 'glAccount', '8040', 'Revenue services domestic (Omzet diensten binnenland)', '0.00000', '25.00'],
      ]);
      // The item's sales unit went on its line; the G/L line has none.
      expect(lines.items[0]!.unitOfMeasureCode).toBeTruthy();
      expect(lines.items[1]!.unitOfMeasureCode).toBeNull();
      expect(await rows.nth(0).textContent()).toBe(`Item1000${item1000.description}${lines.items[0]!.unitOfMeasureCode}3Edit✕`);
      expect(await rows.nth(1).textContent()).toBe('G/L Account8040Revenue services domestic (Omzet diensten binnenland)025,00Edit✕');
    });
  });

  it('assigns the code to a customer with Automatic on invoices, refusing validity dates out of order', async () => {
    await step('customer-codes', async () => {
      await page.goto(`${session.server.address}/customers/C00010`);
      const panel = page.getByRole('group', { name: 'Recurring sales codes' });
      await panel.getByText('No recurring sales codes.').waitFor(slow);
      await panel.getByRole('button', { name: 'Add Code' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add Recurring Sales Code' });
      const code = dialog.getByRole('combobox', { name: 'Code', exact: true });
      await code.fill('MONTHLY');
      await page.getByRole('option', { name: 'MONTHLY – Monthly supplies', exact: true }).click();
      await dialog.getByLabel('Insert Rec. Lines On Invoices').selectOption('automatic');
      await dialog.getByLabel('Valid From Date').fill('01-01-2020');
      await dialog.getByLabel('Valid To Date').fill('31-12-2019');
      await dialog.getByLabel('Valid To Date').press('Tab');
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await expect.poll(() => fieldError(dialog.getByLabel('Valid To Date')), slow).toContain('is before Valid From Date');
      await dialog.getByLabel('Valid To Date').fill('');
      await dialog.getByLabel('Valid To Date').press('Tab');
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await dialog.waitFor({ state: 'detached', ...slow });

      const row = panel.locator('[data-code="MONTHLY"]');
      await row.waitFor(slow);
      expect(await row.textContent()).toBe('MONTHLYMonthly supplies01-01-2020ManualManualAutomaticManualEdit✕');
    });
  });

  it('puts the Automatic code\'s lines on a new invoice and says so', async () => {
    await step('automatic-invoice', async () => {
      await page.goto(`${session.server.address}/sales/invoices/new?customer=C00010`);
      await page.getByLabel('Customer No.').press('Enter');
      await page.waitForURL(/\/sales\/invoices\/SI\d+$/, slow);
      await notice(/line\(s\) from recurring sales code MONTHLY \(Monthly supplies\) were added/).waitFor(slow);
      await expectMonthlyLines();
    });
  });

  it('offers the code on a new order when its mode there is Always Ask', async () => {
    await step('always-ask-order', async () => {
      await page.goto(`${session.server.address}/customers/C00010`);
      const panel = page.getByRole('group', { name: 'Recurring sales codes' });
      await panel.getByRole('button', { name: 'Edit code MONTHLY' }).click();
      const dialog = page.getByRole('dialog', { name: 'Recurring Sales Code MONTHLY' });
      await dialog.getByLabel('Insert Rec. Lines On Orders').selectOption('alwaysAsk');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached', ...slow });
      await expect.poll(() => panel.locator('[data-code="MONTHLY"]').textContent(), slow).toContain('ManualAlways AskAutomaticManual');

      await page.goto(`${session.server.address}/sales/orders/new?customer=C00010`);
      await page.getByLabel('Customer No.').press('Enter');
      await page.waitForURL(/\/sales\/orders\/SO\d+$/, slow);
      const offer = page.getByRole('dialog', { name: 'Get Recurring Sales Lines' });
      await offer.getByText('has recurring sales codes to ask about').waitFor(slow);
      expect(await page.getByLabel('No., line 1').count()).toBe(0);
      expect(await offer.getByLabel('Select code MONTHLY').isChecked()).toBe(true);
      await screenshot('always-ask-offer');
      await offer.getByRole('button', { name: 'OK' }).click();
      await offer.waitFor({ state: 'detached', ...slow });
      await expectMonthlyLines();
      // Offered once: the page read again does not ask again.
      await page.reload();
      await expect.poll(() => lineValue('No.', 1), slow).toBe('1000');
      expect(await page.getByRole('dialog', { name: 'Get Recurring Sales Lines' }).count()).toBe(0);
    });
  });

  it('gets the code\'s lines into a quote with Get Recurring Sales Lines', async () => {
    await step('quote', async () => {
      await page.goto(`${session.server.address}/customers/C00010`);
      await page.getByRole('button', { name: 'New Sales Quote' }).click();
      await page.getByRole('heading', { name: 'New Sales Quote' }).waitFor();
      await page.getByLabel('Customer No.', { exact: true }).press('Enter');
      await page.waitForURL(/\/sales\/quotes\/SQ\d+$/, slow);
      await page.getByRole('button', { name: 'Get Recurring Sales Lines…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Get Recurring Sales Lines' });
      const choice = dialog.getByLabel('Select code MONTHLY');
      await choice.waitFor(slow);
      expect(await choice.isChecked()).toBe(false);
      await choice.check();
      await dialog.getByRole('button', { name: 'OK' }).click();
      await dialog.waitFor({ state: 'detached', ...slow });
      await expectMonthlyLines();
    });
  });

  it('creates one recurring invoice, and none when run again for the same order date', async () => {
    await step('batch', async () => {
      const before = (await invoicesOf('C00010')).length;
      await page.getByRole('link', { name: 'Create Recurring Sales Invoices', exact: true }).click();
      await page.getByRole('heading', { name: 'Create Recurring Sales Invoices' }).waitFor(slow);
      await page.getByRole('button', { name: 'Create Invoices' }).click();
      await expect.poll(() => page.getByTestId('job-status').textContent(), slow).toBe('Succeeded');
      expect(await page.getByTestId('recurring-invoices-outcome').textContent()).toBe('1 invoice(s) created.');
      const invoices = await invoicesOf('C00010');
      expect(invoices).toHaveLength(before + 1);
      const invoiceNo = (await page.locator('[aria-label="Result"]').getByRole('link').textContent())!;
      expect(invoices.map((invoice) => invoice.no)).toContain(invoiceNo);
      const invoice = await session.api.call<{ lines: Array<{ no: string; quantity: string; unitPrice: string }> }>('GET', `/api/v1/salesInvoices/${invoiceNo}`);
      expect(invoice.lines.map((line) => [line.no, line.quantity])).toEqual([['1000', '3.00000'], ['8040', '1.00000']]);

      await page.getByRole('button', { name: 'Create Invoices' }).click();
      await expect.poll(() => page.getByTestId('recurring-invoices-outcome').textContent(), slow).toBe('0 invoice(s) created.');
      expect(await page.getByTestId('job-status').textContent()).toBe('Succeeded');
      await page.getByText(`C00010 · MONTHLY: invoice ${invoiceNo}`).waitFor(slow);
      expect(await invoicesOf('C00010')).toHaveLength(before + 1);
      await screenshot('batch-again');

      await page.goto(`${session.server.address}/sales/invoices/${invoiceNo}`);
      await page.waitForURL(new RegExp(`/sales/invoices/${invoiceNo}$`), slow);
      await expectMonthlyLines();
    });
  });

  it('deletes a standard sales code from its card after asking, and the list no longer shows it', async () => {
    await step('code-delete', async () => {
      await session.api.call('POST', '/api/v1/standardSalesCodes', { code: 'SPARE', description: 'Spare parts' });
      await page.goto(`${session.server.address}/standard-sales-codes/SPARE`);
      await page.getByRole('heading', { name: 'Standard Sales Code SPARE · Spare parts' }).waitFor(slow);
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete Standard Sales Code SPARE' });
      await dialog.getByText('Its lines and its assignments to customers are deleted with it.').waitFor(slow);
      await dialog.getByRole('button', { name: 'Yes' }).click();
      await notice('Standard Sales Code SPARE deleted').waitFor(slow);
      await page.getByRole('heading', { name: 'Standard Sales Codes' }).waitFor(slow);
      const codes = await session.api.call<{ items: Array<{ code: string }> }>('GET', '/api/v1/standardSalesCodes?limit=100');
      expect(codes.items.map((code) => code.code)).toContain('MONTHLY');
      expect(codes.items.map((code) => code.code)).not.toContain('SPARE');
    });
  });
});
