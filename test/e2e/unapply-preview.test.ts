import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

interface CustomerEntry { entryNo: number; documentType: string; documentNo: string; amount: string; remainingAmount: string; open: boolean }

// On the demo company: C00050 has a posted invoice (121.00) and payment PAY-P of 50.00 applied to it.
describe.skipIf(!chromiumAvailable())('Unapply Entries: Preview, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;
  let invoiceNo: string;

  const entries = async () => (await api.call<{ items: CustomerEntry[] }>('GET', '/api/v1/customerLedgerEntries?customerNo=C00050&limit=100')).items;
  const payment = async () => (await entries()).find((entry) => entry.documentNo === 'PAY-P' && entry.documentType === 'payment')!;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (opened) => {
        api = opened;
        invoiceNo = await api.postInvoice('C00050', '100');
        const [{ postingDate }] = (await api.call<{ items: { postingDate: string }[] }>('GET', '/api/v1/customerLedgerEntries?customerNo=C00050&limit=1')).items as [{ postingDate: string }];
        await api.call('POST', '/api/v1/generalJournal/post', {
          lines: [{
            postingDate, documentType: 'payment', documentNo: 'PAY-P', accountType: 'customer', accountNo: 'C00050', amount: '-50',
            balAccountType: 'bankAccount', balAccountNo: 'CHECKING', appliesToDocType: 'invoice', appliesToDocNo: invoiceNo,
          }],
        });
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  it('shows the entries the unapply would write in the Posting Preview, keeps the application, then unapplies', async () => {
    try {
      const { entryNo } = await payment();
      await page.goto(`${session.server.address}/customers/C00050`);
      await page.getByRole('link', { name: 'Show all customer ledger entries' }).click();
      await page.getByRole('table', { name: 'Customer Ledger Entries' }).getByRole('row').nth(1).waitFor(slow);
      await page.getByRole('button', { name: `Actions for entry ${entryNo}` }).click();
      await page.getByRole('menuitem', { name: 'Unapply Entries…', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Unapply Customer Entries' });
      await dialog.getByRole('button', { name: 'Preview' }).click();
      const preview = page.getByRole('dialog', { name: 'Posting Preview' });
      await preview.getByText('Nothing has been posted').waitFor(slow);
      // The Application pair undone: two opposite detailed entries; one receivables account, so no G/L entry.
      expect(await preview.locator('[data-count="detailedCustomerLedgerEntries"]').textContent()).toBe('2');
      expect(await preview.locator('[data-count="glEntries"]').textContent()).toBe('0');
      await page.screenshot({ path: join(artifacts, 'unapply-preview.png'), fullPage: true });
      expect(await payment()).toMatchObject({ remainingAmount: '0.00', open: false });
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached', ...slow });

      await dialog.getByRole('button', { name: 'Unapply', exact: true }).click();
      await page.getByRole('region', { name: 'Notifications' }).getByText(`Entry ${entryNo} unapplied`).waitFor(slow);
      expect(await payment()).toMatchObject({ remainingAmount: '-50.00', open: true });
    } catch (error) {
      await page.screenshot({ path: join(artifacts, 'unapply-preview-failure.png'), fullPage: true });
      throw error;
    }
  }, hookTimeout);
});
