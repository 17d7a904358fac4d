import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';


interface CustomerEntry { entryNo: number; postingDate: string; documentType: string; documentNo: string; amount: string; remainingAmount: string; open: boolean }

// On the demo company, registered payments are numbered by the CASHRCPT GENERAL batch (GJNL-RCPT,
// G02001 …) and balanced on its bank account CHECKING. C00030 pays within 1 month, 2 % within 8 days;
// C00040 and C00010 net. Each test uses its own customer's invoices, posted in the setup.
describe.skipIf(!chromiumAvailable())('Register Customer Payments, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;
  const invoices: Record<string, string[]> = {};

  beforeAll(async () => {
    session = await openBrowserSession({
      viewport: { width: 1600, height: 1000 },
      prepare: async (opened) => {
        api = opened;
        for (const [customerNo, prices] of Object.entries({ C00030: ['100', '200'], C00040: ['100', '50'], C00010: ['10'] })) {
          invoices[customerNo] = [];
          for (const price of prices) invoices[customerNo].push(await postInvoice(customerNo, price));
        }
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `register-payments-${name}.png`), fullPage: true });
  const notices = () => page.getByRole('region', { name: 'Notifications' });
  const documentRows = () => page.getByRole('table', { name: 'Documents to register payments for' }).locator('tbody tr');
  const paymentMade = (invoiceNo: string) => page.getByRole('checkbox', { name: `Payment Made, Invoice ${invoiceNo}`, exact: true });
  const amountReceived = (invoiceNo: string) => page.getByLabel(`Amount Received, Invoice ${invoiceNo}`, { exact: true });
  const dateReceived = (invoiceNo: string) => page.getByLabel(`Date Received, Invoice ${invoiceNo}`, { exact: true });

  const call = <T,>(method: string, path: string, body?: unknown) => api.call<T>(method, path, body);

  const postInvoice = (customerNo: string, unitPrice: string) => api.postInvoice(customerNo, unitPrice);

  const entries = async (customerNo: string) => (await call<{ items: CustomerEntry[] }>('GET', `/api/v1/customerLedgerEntries?customerNo=${customerNo}&limit=100`)).items;
  /** The customer's entries as [type, document no., amount, open], invoices first. */
  const entrySummary = async (customerNo: string) => (await entries(customerNo))
    .map((entry) => [entry.documentType, entry.documentNo, entry.amount, entry.open])
    .sort((left, right) => String(left[0]).localeCompare(String(right[0])) || String(left[1]).localeCompare(String(right[1])));

  /** Opens the page from the navigation and narrows it to one customer, typed into Customer No. as a user does. */
  async function openFor(customerNo: string, rowCount: number) {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Register Customer Payments' }).click();
    await page.getByRole('heading', { name: 'Register Customer Payments' }).waitFor(slow);
    const customerField = page.getByLabel('Customer No.', { exact: true });
    await customerField.fill(customerNo);
    await customerField.press('Enter');
    await expect.poll(async () => (await documentRows().allTextContents()).map((text) => text.includes(customerNo)), slow).toEqual(Array(rowCount).fill(true));
  }

  it('ticks two invoices of a customer, fills date and amount after discount, posts a payment for each, and both are closed', async () => {
    try {
      const [first, second] = invoices.C00030!;
      await openFor('C00030', 2);
      const workDate = (await entries('C00030'))[0]!.postingDate;
      await paymentMade(first!).check();
      await paymentMade(second!).check();
      // 121.00 and 242.00 less the 2 % discount still possible today.
      expect([await amountReceived(first!).inputValue(), await amountReceived(second!).inputValue()]).toEqual(['118,58', '237,16']);
      expect(await dateReceived(first!).inputValue()).toBe(workDate.split('-').reverse().join('-'));
      await expect.poll(() => page.locator('[data-total="amountReceived"]').textContent(), slow).toBe('355,74');
      await page.getByTestId('bal-account-default').getByText('Bank Account CHECKING').waitFor(slow);
      await screenshot('ticked');

      await page.getByRole('button', { name: 'Post Payments' }).click();
      const posted = notices().getByRole('status').filter({ hasText: '2 payments posted' });
      await posted.waitFor(slow);
      // The list is read again: the paid invoices are gone.
      await expect.poll(() => documentRows().count(), slow).toBe(0);
      await page.getByText('No open documents match the filters.').waitFor(slow);
      expect(await entrySummary('C00030')).toEqual([
        ['invoice', first, '121.00', false], ['invoice', second, '242.00', false],
        ['payment', 'G02001', '-118.58', false], ['payment', 'G02002', '-237.16', false],
      ]);
      expect(await posted.getByTestId('registered-payments').textContent()).toMatch(/Payment G02001 of .*: customer C00030, 118,58.*Payment G02002 of .*: customer C00030, 237,16/);
    } catch (error) {
      await screenshot('each-failure');
      throw error;
    }
  }, hookTimeout);

  it('posts two ticked invoices as one lump payment, which closes both', async () => {
    try {
      const [first, second] = invoices.C00040!;
      await openFor('C00040', 2);
      await paymentMade(first!).check();
      await paymentMade(second!).check();
      await expect.poll(() => page.locator('[data-total="amountReceived"]').textContent(), slow).toBe('181,50');
      await page.getByRole('button', { name: 'Post as Lump Payment' }).click();
      const posted = notices().getByRole('status').filter({ hasText: 'Lump payment posted' });
      await posted.waitFor(slow);
      await expect.poll(() => documentRows().count(), slow).toBe(0);
      expect(await entrySummary('C00040')).toEqual([
        ['invoice', first, '121.00', false], ['invoice', second, '60.50', false], ['payment', 'G02003', '-181.50', false],
      ]);
      expect(await posted.getByTestId('registered-payments').getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^Payment G02003 of .*: customer C00040, 181,50$/)]);
      await screenshot('lump');
    } catch (error) {
      await screenshot('lump-failure');
      throw error;
    }
  }, hookTimeout);

  it('marks an amount that is not a number, and one the server refuses, on its row and field; nothing is posted', async () => {
    try {
      const [invoiceNo] = invoices.C00010!;
      await openFor('C00010', 1);
      // Search Documents finds the invoice by a fragment of its number.
      await page.getByLabel('Search documents').fill(invoiceNo!.slice(-3));
      await expect.poll(() => documentRows().count(), slow).toBe(1);
      await amountReceived(invoiceNo!).fill('twaalf');
      // Typing an amount ticks Payment Made, as in BC.
      expect(await paymentMade(invoiceNo!).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Post Payments' }).click();
      await expect.poll(() => amountReceived(invoiceNo!).getAttribute('aria-invalid'), slow).toBe('true');
      expect(await documentRows().first().getAttribute('data-invalid')).toBe('true');
      await page.getByRole('alert', { name: 'The payments cannot be posted' }).waitFor(slow);
      await screenshot('not-a-number');

      // Typing answers the field's error. The row may still be re-rendering after the refusal, which can
      // swallow a first input event: type again until the field shows 0 without its mark.
      await expect.poll(async () => {
        await amountReceived(invoiceNo!).fill('0');
        return [await amountReceived(invoiceNo!).inputValue(), await amountReceived(invoiceNo!).getAttribute('aria-invalid')];
      }, slow).toEqual(['0', null]);
      await page.getByRole('button', { name: 'Post Payments' }).click();
      const problem = page.getByRole('alert', { name: 'The payments cannot be posted' });
      await expect.poll(() => problem.getByTestId('payment-problem').textContent(), slow).toContain('must be more than 0');
      await expect.poll(() => amountReceived(invoiceNo!).getAttribute('aria-invalid'), slow).toBe('true');
      await screenshot('refused');
      expect(await entrySummary('C00010')).toEqual([['invoice', invoiceNo, '12.10', true]]);
      expect(await documentRows().count()).toBe(1);
    } catch (error) {
      await screenshot('invalid-failure');
      throw error;
    }
  }, hookTimeout);
});
