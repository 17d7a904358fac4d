import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

interface GlEntry { glAccountNo: string; amount: string; transactionNo: number; description: string }

// The demo company's G/L accounts 4100 Rent of premises and 1010 Cash allow direct posting. The
// second test goes on from the journal the first one emptied.
describe.skipIf(!chromiumAvailable())('the general journal, in the browser', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `journal-${name}.png`), fullPage: true });
  const cell = (label: string, line: number) => page.getByLabel(`${label}, line ${line}`, { exact: true });
  const journalBalance = () => page.locator('[data-total="journalBalance"]').textContent();

  const glEntriesOf = async (documentNo: string) => (await session.api.call<{ items: GlEntry[] }>('GET', `/api/v1/glEntries?documentNo=${documentNo}&limit=100`)).items;

  /** Types a line's cells as a user does, leaving each with Tab (the account lookups take the number then). */
  async function typeLine(line: number, fields: Readonly<Record<string, string>>) {
    for (const [label, text] of Object.entries(fields)) {
      await cell(label, line).fill(text);
      await cell(label, line).press('Tab');
    }
  }

  it('previews a G/L to G/L journal, posts it, and its G/L entries are there', async () => {
    try {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'General Journal' }).click();
      await page.getByRole('heading', { name: 'General Journal' }).waitFor(slow);
      await typeLine(1, { 'Document No.': 'GJ0001', 'Account No.': '4100', Description: 'March rent', Amount: '1.250,00' });
      await expect.poll(journalBalance, slow).toBe('1.250,00');
      await page.getByRole('button', { name: 'Add line' }).click();
      // The new line continues the document above, which does not balance yet.
      await expect.poll(() => cell('Document No.', 2).inputValue(), slow).toBe('GJ0001');
      await typeLine(2, { 'Account No.': '1010', Description: 'March rent', Amount: '-1250' });
      await expect.poll(journalBalance, slow).toBe('0,00');

      await page.getByRole('button', { name: 'Preview Posting' }).click();
      const preview = page.getByRole('dialog', { name: 'Posting Preview' });
      await preview.getByText('Nothing has been posted').waitFor(slow);
      expect(await preview.locator('[data-count="glEntries"]').textContent()).toBe('2');
      expect(await preview.locator('[data-total="glEntries.amount"]').textContent()).toBe('0,00');
      const planned = preview.getByRole('table', { name: 'G/L Entries' });
      await planned.getByRole('row').filter({ hasText: '4100' }).filter({ hasText: '1.250,00' }).waitFor(slow);
      await planned.getByRole('row').filter({ hasText: '1010' }).filter({ hasText: '-1.250,00' }).waitFor(slow);
      await screenshot('preview');
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached', ...slow });
      expect(await glEntriesOf('GJ0001')).toEqual([]);

      await page.getByRole('button', { name: 'Post…' }).click();
      await page.getByRole('dialog', { name: 'Post General Journal' }).getByRole('button', { name: 'Yes' }).click();
      const posted = page.getByRole('status', { name: 'The journal lines were posted' });
      await posted.waitFor(slow);
      const transactionNo = Number(await posted.locator('[data-transaction-no]').getAttribute('data-transaction-no'));
      expect(await posted.textContent()).toContain(`Transaction ${transactionNo}: document GJ0001`);
      // The journal is emptied: one blank line, numbered after the posted document.
      expect(await page.getByRole('table', { name: 'Journal lines' }).getByRole('row').count()).toBe(2);
      expect(await cell('Account No.', 1).inputValue()).toBe('');
      expect(await cell('Document No.', 1).inputValue()).toBe('GJ0002');
      await screenshot('posted');

      const entries = await glEntriesOf('GJ0001');
      expect(entries.map((entry) => [entry.glAccountNo, entry.amount, entry.transactionNo, entry.description]).sort()).toEqual([
        ['1010', '-1250.00', transactionNo, 'March rent'], ['4100', '1250.00', transactionNo, 'March rent'],
      ]);
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  }, hookTimeout);

  it('marks a missing account on its cell, and refuses a journal that does not balance, posting nothing', async () => {
    try {
      await typeLine(1, { 'Account No.': '4100', Amount: '100' });
      await page.getByRole('button', { name: 'Add line' }).click();
      await typeLine(2, { Amount: '-99' });
      // Checked with the API's schema before anything is sent.
      await page.getByRole('button', { name: 'Preview Posting' }).click();
      await expect.poll(() => cell('Account No.', 2).getAttribute('aria-invalid'), slow).toBe('true');
      await typeLine(2, { 'Account No.': '1010' });
      await expect.poll(() => cell('Account No.', 2).getAttribute('aria-invalid'), slow).not.toBe('true');

      await page.getByRole('button', { name: 'Post…' }).click();
      await page.getByRole('dialog', { name: 'Post General Journal' }).getByRole('button', { name: 'Yes' }).click();
      const problem = page.getByRole('alert', { name: 'The journal lines cannot be posted' });
      await problem.waitFor(slow);
      expect(await problem.getByTestId('journal-problem').textContent()).toMatch(/Document GJ0002 of .* does not balance: its lines add up to 1[.,]00/);
      // The server names the line that leaves the document unbalanced; the lines stay for correcting.
      await expect.poll(() => cell('Amount', 2).getAttribute('aria-invalid'), slow).toBe('true');
      expect(await cell('Amount', 2).inputValue()).toBe('-99');
      await screenshot('not-balanced');
      expect(await glEntriesOf('GJ0002')).toEqual([]);
    } catch (error) {
      await screenshot('not-balanced-failure');
      throw error;
    }
  }, hookTimeout);
});
