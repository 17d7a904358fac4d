import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

interface CustomerEntry { entryNo: number; postingDate: string; documentType: string; documentNo: string; amount: string; remainingAmount: string; open: boolean; transactionNo: number }

// On the demo company: C00050 has a posted invoice (121.00) and payment PAY-A of 50.00 applied to
// it; C00060 has payment PAY-B of 75.00, applied to nothing. The tests go on from one another.
describe.skipIf(!chromiumAvailable())('actions on customer ledger entries, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;
  let invoiceNo: string;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (opened) => {
        api = opened;
        invoiceNo = await postInvoice('C00050', '100');
        // The server's work date, on which the invoice was posted.
        const { postingDate } = (await entries('C00050'))[0]!;
        await postPayment(postingDate, 'C00050', 'PAY-A', '-50', { appliesToDocType: 'invoice', appliesToDocNo: invoiceNo });
        await postPayment(postingDate, 'C00060', 'PAY-B', '-75');
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `customer-entries-${name}.png`), fullPage: true });
  const notices = () => page.getByRole('region', { name: 'Notifications' });

  const call = <T,>(method: string, path: string, body?: unknown) => api.call<T>(method, path, body);

  const postInvoice = (customerNo: string, unitPrice: string) => api.postInvoice(customerNo, unitPrice);

  async function postPayment(postingDate: string, customerNo: string, documentNo: string, amount: string, applying: Record<string, string> = {}) {
    await call('POST', '/api/v1/generalJournal/post', {
      lines: [{ postingDate, documentType: 'payment', documentNo, accountType: 'customer', accountNo: customerNo, amount, balAccountType: 'bankAccount', balAccountNo: 'CHECKING', ...applying }],
    });
  }

  const entries = async (customerNo: string) => (await call<{ items: CustomerEntry[] }>('GET', `/api/v1/customerLedgerEntries?customerNo=${customerNo}&limit=100`)).items;
  const entryOf = async (customerNo: string, documentNo: string, amountSign: 1 | -1 = 1) =>
    (await entries(customerNo)).find((entry) => entry.documentNo === documentNo && Math.sign(Number(entry.amount)) === amountSign)!;

  /** The customer's entries list, as the customer card's "Show all" opens it. */
  async function openEntries(customerNo: string): Promise<Locator> {
    await page.goto(`${session.server.address}/customers/${customerNo}`);
    await page.getByRole('link', { name: 'Show all customer ledger entries' }).click();
    // The card has a table of the same name: be on the list page before looking for its rows.
    await page.waitForURL(/\/ledgers\//, slow);
    const list = page.getByRole('table', { name: 'Customer Ledger Entries' });
    await list.getByRole('row').nth(1).waitFor(slow);
    return list;
  }

  /** The text of a row's cell under the column so captioned. */
  async function cellOf(list: Locator, row: Locator, label: string): Promise<string> {
    const headers = await list.getByRole('columnheader').allTextContents();
    return (await row.getByRole('cell').nth(headers.findIndex((header) => header.startsWith(label))).textContent()) ?? '';
  }

  async function runAction(entryNo: number, action: string) {
    await page.getByRole('button', { name: `Actions for entry ${entryNo}` }).click();
    // A menu closed a moment ago may still be leaving the page: the one just opened is the last.
    await page.getByRole('menuitem', { name: action, exact: true }).last().click();
  }

  it('reverses an unapplied payment after asking, and the list shows the payment closed by its reversal', async () => {
    try {
      const payment = await entryOf('C00060', 'PAY-B', -1);
      const list = await openEntries('C00060');
      await runAction(payment.entryNo, 'Reverse Transaction…');
      const dialog = page.getByRole('dialog', { name: 'Reverse Transaction Entries' });
      expect(await dialog.getByTestId('entry-action-question').textContent()).toContain(`reverse transaction ${payment.transactionNo}`);
      await dialog.getByRole('button', { name: 'Reverse' }).click();
      await notices().getByText(`Transaction ${payment.transactionNo} reversed`).waitFor(slow);
      // The list is read again: the reversal's entry is there, and both are closed.
      await expect.poll(() => list.getByRole('row').count(), slow).toBe(3);
      await screenshot('reversed');
      const after = await entries('C00060');
      expect(after.map((entry) => [entry.documentNo, entry.amount, entry.open])).toEqual([['PAY-B', '-75.00', false], ['PAY-B', '75.00', false]]);
    } catch (error) {
      await screenshot('reverse-failure');
      throw error;
    }
  }, hookTimeout);

  it('shows the server\'s reason when an applied payment cannot be reversed', async () => {
    try {
      const payment = await entryOf('C00050', 'PAY-A', -1);
      await openEntries('C00050');
      await runAction(payment.entryNo, 'Reverse Transaction…');
      await page.getByRole('dialog', { name: 'Reverse Transaction Entries' }).getByRole('button', { name: 'Reverse' }).click();
      const refused = notices().getByRole('status').filter({ hasText: 'The transaction cannot be reversed' });
      await refused.waitFor(slow);
      expect(await refused.textContent()).toContain(`customer ledger entry ${payment.entryNo} is applied; unapply it first`);
      expect((await entryOf('C00050', 'PAY-A', -1)).open).toBe(false);
      await refused.getByRole('button', { name: 'Close notification' }).click();
    } catch (error) {
      await screenshot('refused-reverse-failure');
      throw error;
    }
  }, hookTimeout);

  it('lists an invoice\'s detailed entries, unapplies the payment, and the invoice is open for its whole amount again', async () => {
    try {
      const invoice = await entryOf('C00050', invoiceNo);
      const payment = await entryOf('C00050', 'PAY-A', -1);
      expect(invoice.remainingAmount).toBe('71.00');
      const list = await openEntries('C00050');
      await runAction(invoice.entryNo, 'Detailed Entries');
      const detailed = page.getByRole('dialog', { name: `Detailed Cust. Ledger Entries – entry ${invoice.entryNo} (${invoiceNo})` });
      const rows = detailed.getByRole('table', { name: 'Detailed Cust. Ledger Entries' }).locator('tbody tr');
      await expect.poll(() => rows.count(), slow).toBe(2);
      expect(await rows.nth(1).textContent()).toContain('Application');
      // The detailed entries add up to the remaining amount.
      expect(await detailed.locator('[data-total="detailedCustomerLedgerEntries.amount"]').textContent()).toBe('71,00');
      await page.keyboard.press('Escape');
      await detailed.waitFor({ state: 'detached', ...slow });

      await runAction(payment.entryNo, 'Unapply Entries…');
      const dialog = page.getByRole('dialog', { name: 'Unapply Customer Entries' });
      await dialog.getByRole('button', { name: 'Unapply' }).click();
      await notices().getByText(`Entry ${payment.entryNo} unapplied`).waitFor(slow);
      const invoiceRow = list.getByRole('row').filter({ hasText: invoiceNo });
      await expect.poll(() => cellOf(list, invoiceRow, 'Remaining Amount'), slow).toBe('121,00');
      await screenshot('unapplied');
      expect([(await entryOf('C00050', invoiceNo)).remainingAmount, (await entryOf('C00050', 'PAY-A', -1)).remainingAmount]).toEqual(['121.00', '-50.00']);
    } catch (error) {
      await screenshot('unapply-failure');
      throw error;
    }
  }, hookTimeout);

  it('Apply Entries lists the invoice to apply the open payment to, with totals, and marks an amount that is not a number', async () => {
    try {
      const payment = await entryOf('C00050', 'PAY-A', -1);
      await openEntries('C00050');
      await runAction(payment.entryNo, 'Apply Entries…');
      const dialog = page.getByRole('dialog', { name: 'Apply Customer Entries – Payment PAY-A' });
      // Only entries of the opposite sign: the invoice, not the payment itself.
      await expect.poll(() => dialog.getByRole('table', { name: 'Open entries to apply' }).locator('tbody tr').count(), slow).toBe(1);
      await dialog.getByRole('checkbox', { name: `Apply Invoice ${invoiceNo}` }).check();
      await expect.poll(() => dialog.getByTestId('apply-totals').textContent(), slow).toContain('Balance: 71,00');
      const amountToApply = dialog.getByLabel(`Amount to Apply, Invoice ${invoiceNo}`);
      await amountToApply.fill('dertig');
      await dialog.getByRole('button', { name: 'Post Application' }).click();
      await expect.poll(() => amountToApply.getAttribute('aria-invalid'), slow).toBe('true');
      await amountToApply.fill('30');
      await expect.poll(() => dialog.getByTestId('apply-totals').textContent(), slow).toContain('Balance: -20,00');
      await screenshot('apply');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached', ...slow });
    } catch (error) {
      await screenshot('apply-dialog-failure');
      throw error;
    }
  }, hookTimeout);

  it('posts the application from Apply Entries, for the amount to apply', async () => {
    try {
      const payment = await entryOf('C00050', 'PAY-A', -1);
      await openEntries('C00050');
      await runAction(payment.entryNo, 'Apply Entries…');
      const dialog = page.getByRole('dialog', { name: 'Apply Customer Entries – Payment PAY-A' });
      await dialog.getByRole('checkbox', { name: `Apply Invoice ${invoiceNo}` }).check();
      await dialog.getByLabel(`Amount to Apply, Invoice ${invoiceNo}`).fill('30');
      await dialog.getByRole('button', { name: 'Post Application' }).click();
      await notices().getByText(`Entry ${payment.entryNo} applied`).waitFor(slow);
      await dialog.waitFor({ state: 'detached', ...slow });
      expect([(await entryOf('C00050', invoiceNo)).remainingAmount, (await entryOf('C00050', 'PAY-A', -1)).remainingAmount]).toEqual(['91.00', '-20.00']);
    } catch (error) {
      await screenshot('apply-failure');
      throw error;
    }
  }, hookTimeout);
});
