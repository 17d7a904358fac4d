import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { hasFocus } from './support/focus.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

const receipts = '/api/v1/journalTemplates/CASHRCPT/batches/GENERAL';

interface CustomerEntry { entryNo: number; documentType: string; documentNo: string; amount: string; remainingAmount: string; open: boolean }
interface JournalLine { lineNo: number; accountNo: string; amount: string; appliesToDocType: string | null; appliesToDocNo: string | null; description: string }

// The demo company's cash receipts batch CASHRCPT/GENERAL numbers by GJNL-RCPT and balances on bank
// account CHECKING. Customer C00030 pays within 1 month, 2 % within 8 days. The second test goes on
// from the batch the first one emptied.
describe.skipIf(!chromiumAvailable())('the cash receipt journal, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;
  let invoiceNo: string;

  beforeAll(async () => {
    session = await openBrowserSession({ prepare: async (opened) => { api = opened; invoiceNo = await postInvoice('C00030', '100'); } });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `cash-receipts-${name}.png`), fullPage: true });
  const cell = (label: string, line: number) => page.getByLabel(`${label}, line ${line}`, { exact: true });
  const gridRows = () => page.getByRole('table', { name: 'Journal lines' }).locator('tbody tr');

  const call = <T,>(method: string, path: string, body?: unknown) => api.call<T>(method, path, body);

  const postInvoice = (customerNo: string, unitPrice: string) => api.postInvoice(customerNo, unitPrice);

  const customerEntries = async (customerNo: string) =>
    (await call<{ items: CustomerEntry[] }>('GET', `/api/v1/customerLedgerEntries?customerNo=${customerNo}&limit=100`)).items;
  const batchLines = async () => (await call<{ items: JournalLine[] }>('GET', `${receipts}/lines`)).items;

  it('enters a receipt, applies it to the open invoice from the lookup, posts it, and the invoice is closed', async () => {
    try {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cash Receipt Journal' }).click();
      await page.getByRole('heading', { name: 'Cash Receipt Journal' }).waitFor(slow);
      await page.getByTestId('batch-facts').getByText('balanced by Bank Account CHECKING').waitFor(slow);
      await page.getByRole('button', { name: 'Add line' }).click();
      // The server sets the new line up: the batch's next number, a customer payment, the batch's balancing account.
      await expect.poll(() => cell('Document No.', 1).inputValue(), slow).toBe('G02001');
      expect(await cell('Account Type', 1).inputValue()).toBe('customer');
      expect(await cell('Document Type', 1).inputValue()).toBe('payment');
      expect(await cell('Bal. Account No.', 1).inputValue()).toBe('CHECKING');
      // The cursor waits in Account No.; Enter goes on to the next quick-entry cell, saving the number.
      await expect.poll(() => hasFocus(cell('Account No.', 1)), slow).toBe(true);
      await page.keyboard.type('C00030');
      await page.keyboard.press('Enter');
      await expect.poll(() => cell('Description', 1).inputValue(), slow).toBe('De Werkplek Amsterdam B.V.');

      await cell('Applies-to Doc. No.', 1).click();
      await page.getByRole('option', { name: `Invoice ${invoiceNo}` }).click();
      // 121.00 less the 2 % payment discount still possible today: the payment that settles the invoice.
      await expect.poll(() => cell('Amount', 1).inputValue(), slow).toBe('-118,58');
      expect(await cell('Applies-to Doc. Type', 1).inputValue()).toBe('invoice');
      await expect.poll(async () => (await batchLines()).map((line) => [line.accountNo, line.amount, line.appliesToDocType, line.appliesToDocNo, line.description]), slow)
        .toEqual([['C00030', '-118.58', 'invoice', invoiceNo, 'De Werkplek Amsterdam B.V.']]);

      await page.getByRole('button', { name: 'Preview Posting' }).click();
      const preview = page.getByRole('dialog', { name: 'Posting Preview' });
      await preview.getByText('Nothing has been posted').waitFor(slow);
      expect(Number(await preview.locator('[data-count="detailedCustomerLedgerEntries"]').textContent())).toBeGreaterThanOrEqual(2);
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached', ...slow });

      await page.getByRole('button', { name: 'Post…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Post Cash Receipt Journal' });
      await confirm.getByRole('checkbox', { name: 'Post the balance as payment tolerance' }).waitFor(slow);
      await screenshot('confirm');
      await confirm.getByRole('button', { name: 'Yes' }).click();
      const posted = page.getByRole('status', { name: 'The journal lines were posted' });
      await posted.waitFor(slow);
      expect(await posted.textContent()).toMatch(/Transaction \d+: document G02001 of .* \(1 line\)/);
      await expect.poll(() => gridRows().count(), slow).toBe(0);
      expect(await batchLines()).toEqual([]);
      // The emptied batch takes new lines at once (Line No. 10000 again), and a line is deleted with its button.
      await page.getByRole('button', { name: 'Add line' }).click();
      await expect.poll(() => cell('Document No.', 1).inputValue(), slow).toBe('G02002');
      await typeLine(1, { Amount: '-1' });
      await expect.poll(async () => (await batchLines()).map((line) => [line.lineNo, line.amount]), slow).toEqual([[10000, '-1.00']]);
      await page.getByRole('button', { name: 'Delete line 1' }).click();
      await expect.poll(() => gridRows().count(), slow).toBe(0);
      expect(await batchLines()).toEqual([]);

      await page.goto(`${session.server.address}/ledgers/customer-ledger-entries?customerNo=C00030`);
      const invoiceRow = page.getByRole('table', { name: 'Customer Ledger Entries' }).getByRole('row').filter({ hasText: invoiceNo });
      await invoiceRow.waitFor(slow);
      await screenshot('invoice-closed');
      const invoiceEntry = (await customerEntries('C00030')).find((entry) => entry.documentNo === invoiceNo)!;
      expect([invoiceEntry.open, invoiceEntry.remainingAmount]).toEqual([false, '0.00']);
      expect(await invoiceRow.getByRole('cell').allTextContents()).toContain('No');
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  }, hookTimeout);

  it('marks the line and field a refused post names, and posts nothing of the batch', async () => {
    try {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cash Receipt Journal' }).click();
      await page.getByRole('heading', { name: 'Cash Receipt Journal' }).waitFor(slow);
      await page.getByRole('button', { name: 'Add line' }).click();
      await expect.poll(() => cell('Document No.', 1).inputValue(), slow).toBe('G02002');
      await typeLine(1, { 'Account No.': 'C00040', Amount: '-10' });
      await page.getByRole('button', { name: 'Add line' }).click();
      await expect.poll(() => cell('Document No.', 2).inputValue(), slow).toBe('G02003');
      await typeLine(2, { 'Account No.': 'NOPE', Amount: '-5' });
      await expect.poll(async () => (await batchLines()).map((line) => [line.accountNo, line.amount]), slow).toEqual([['C00040', '-10.00'], ['NOPE', '-5.00']]);

      await page.getByRole('button', { name: 'Post…' }).click();
      await page.getByRole('dialog', { name: 'Post Cash Receipt Journal' }).getByRole('button', { name: 'Yes' }).click();
      const problem = page.getByRole('alert', { name: 'The journal lines cannot be posted' });
      await problem.waitFor(slow);
      expect(await problem.getByTestId('journal-problem').textContent()).toContain("Customer 'NOPE' does not exist");
      // The server names the line by its Line No. (20000): the second line's Account No. is marked, the first line is not.
      await expect.poll(() => cell('Account No.', 2).getAttribute('aria-invalid'), slow).toBe('true');
      expect(await cell('Account No.', 1).getAttribute('aria-invalid')).not.toBe('true');
      expect(await cell('Amount', 2).getAttribute('aria-invalid')).not.toBe('true');
      await screenshot('refused');
      expect((await batchLines()).length).toBe(2);
      expect(await customerEntries('C00040')).toEqual([]);

      // Correcting the cell answers its error.
      await typeLine(2, { 'Account No.': 'C00040' });
      await expect.poll(() => cell('Account No.', 2).getAttribute('aria-invalid'), slow).not.toBe('true');
    } catch (error) {
      await screenshot('refused-failure');
      throw error;
    }
  }, hookTimeout);

  /** Types a line's cells as a user does, leaving each with Tab (which saves it). */
  async function typeLine(line: number, fields: Readonly<Record<string, string>>) {
    for (const [label, text] of Object.entries(fields)) {
      await cell(label, line).fill(text);
      await cell(label, line).press('Tab');
    }
  }
});
