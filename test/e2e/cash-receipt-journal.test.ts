import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { hasFocus } from './support/focus.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

const receipts = '/api/v1/journalTemplates/CASHRCPT/batches/GENERAL';

interface CustomerEntry { entryNo: number; documentType: string; documentNo: string; amount: string; remainingAmount: string; open: boolean }
interface JournalLine {
  lineNo: number; documentNo: string; accountNo: string; amount: string; appliesToDocType: string | null; appliesToDocNo: string | null; appliesToId: string | null; description: string;
}

// The demo company's cash receipts batch CASHRCPT/GENERAL numbers by GJNL-RCPT and balances on bank
// account CHECKING. Customer C00030 pays within 1 month, 2 % within 8 days; C00060 in 30 days net.
// The second test goes on from the batch the first one emptied; the third empties it first.
describe.skipIf(!chromiumAvailable())('the cash receipt journal, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;
  let invoiceNo: string;
  let markedInvoiceNos: string[];

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (opened) => {
        api = opened;
        invoiceNo = await postInvoice('C00030', '100');
        markedInvoiceNos = [await postInvoice('C00060', '100'), await postInvoice('C00060', '200')];
      },
    });
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

  it('marks two invoices with the line\'s Applies-to ID in Apply Entries, posts the batch, and both invoices are closed', async () => {
    try {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cash Receipt Journal' }).click();
      await page.getByRole('heading', { name: 'Cash Receipt Journal' }).waitFor(slow);
      await emptyBatch();
      await page.getByRole('button', { name: 'Add line' }).click();
      await expect.poll(() => hasFocus(cell('Account No.', 1)), slow).toBe(true);
      await page.keyboard.type('C00060');
      await page.keyboard.press('Enter');
      await expect.poll(() => cell('Description', 1).inputValue(), slow).toBe('Noordelijk Onderwijscollectief');
      const documentNo = await cell('Document No.', 1).inputValue();

      await markInvoices(documentNo);
      // The line takes the ID and, having no amount yet, the amount that settles what is marked.
      await expect.poll(() => cell('Applies-to ID', 1).inputValue(), slow).toBe(documentNo);
      await expect.poll(() => cell('Amount', 1).inputValue(), slow).toBe('-363,00');
      await expect.poll(async () => (await batchLines()).map((line) => [line.accountNo, line.amount, line.appliesToId, line.appliesToDocNo]), slow)
        .toEqual([['C00060', '-363.00', documentNo, null]]);
      const marks = await call<{ entries: { documentNo: string; amountToApply: string }[] }>('GET', `/api/v1/customerEntryApplyMarks/${documentNo}`);
      expect(marks.entries.map((mark) => [mark.documentNo, mark.amountToApply])).toEqual([[markedInvoiceNos[0], '121.00'], [markedInvoiceNos[1], '0.00']]);
      await reopenMarks();

      await page.getByRole('button', { name: 'Post…' }).click();
      await page.getByRole('dialog', { name: 'Post Cash Receipt Journal' }).getByRole('button', { name: 'Yes' }).click();
      await page.getByRole('status', { name: 'The journal lines were posted' }).waitFor(slow);
      await screenshot('applies-to-id-posted');
      const entries = await customerEntries('C00060');
      expect(markedInvoiceNos.map((no) => entries.find((entry) => entry.documentNo === no)).map((entry) => [entry?.open, entry?.remainingAmount]))
        .toEqual([[false, '0.00'], [false, '0.00']]);
      expect(entries.find((entry) => entry.documentType === 'payment')).toMatchObject({ amount: '-363.00', remainingAmount: '0.00', open: false });
      // Posting used the marks up.
      expect((await call<{ entries: unknown[] }>('GET', `/api/v1/customerEntryApplyMarks/${documentNo}`)).entries).toEqual([]);
    } catch (error) {
      await screenshot('applies-to-id-failure');
      throw error;
    }
  }, hookTimeout);

  /** The lines an earlier test left, deleted as a user does. */
  async function emptyBatch() {
    await page.getByRole('table', { name: 'Journal lines' }).waitFor(slow);
    while ((await gridRows().count()) > 0) {
      const count = await gridRows().count();
      await page.getByRole('button', { name: 'Delete line 1' }).click();
      await expect.poll(() => gridRows().count(), slow).toBe(count - 1);
    }
  }

  /** Apply Entries: both invoices marked, the first for its 121.00 typed, the second for its remaining amount; the totals follow. */
  async function markInvoices(documentNo: string) {
    await page.getByRole('button', { name: 'Apply Entries, line 1' }).click();
    const dialog = page.getByRole('dialog', { name: `Apply Customer Entries – ${documentNo}` });
    const [first, second] = markedInvoiceNos.map((no) => `Invoice ${no}`);
    await dialog.getByRole('checkbox', { name: `Set Applies-to ID, ${first}` }).check();
    await dialog.getByRole('textbox', { name: `Amount to Apply, ${first}` }).fill('121,00');
    await dialog.getByRole('checkbox', { name: `Set Applies-to ID, ${second}` }).check();
    const totals = dialog.getByTestId('applies-to-totals');
    await expect.poll(() => totals.locator('[data-total="applied"]').textContent(), slow).toBe('363,00');
    expect(await totals.locator('[data-total="lineAmount"]').textContent()).toBe('0,00');
    await screenshot('applies-to-id-marks');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached', ...slow });
  }

  /** Opened again, Apply Entries shows the marks saved, and the line's amount now balances them. */
  async function reopenMarks() {
    await page.getByRole('button', { name: 'Apply Entries, line 1' }).click();
    const dialog = page.getByRole('dialog', { name: /^Apply Customer Entries/ });
    const [first, second] = markedInvoiceNos.map((no) => `Invoice ${no}`);
    await expect.poll(() => dialog.getByRole('checkbox', { name: `Set Applies-to ID, ${second}` }).isChecked(), slow).toBe(true);
    expect(await dialog.getByRole('textbox', { name: `Amount to Apply, ${first}` }).inputValue()).toBe('121,00');
    expect(await dialog.getByTestId('applies-to-totals').locator('[data-total="balance"]').textContent()).toBe('0,00');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', ...slow });
  }

  /** Types a line's cells as a user does, leaving each with Tab (which saves it). */
  async function typeLine(line: number, fields: Readonly<Record<string, string>>) {
    for (const [label, text] of Object.entries(fields)) {
      await cell(label, line).fill(text);
      await cell(label, line).press('Tab');
    }
  }
});
