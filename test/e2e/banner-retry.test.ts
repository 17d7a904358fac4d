import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotSteps } from './support/steps.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Issue 19: a refusal's banner above a document page goes when an action starts again. Posting is
// refused because the customer (vendor) is blocked, which the API then lifts; master data, so the
// document's version stays and nothing but the retry itself can clear the banner. Demo company:
// customer C00030, vendor V00010, item 1000, services account 8040.
describe.skipIf(!chromiumAvailable())('a refusal banner on a document page, retried', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    api = session.api;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const { step } = screenshotSteps(() => page, 'banner-retry');
  const banner = (text: RegExp) => page.getByRole('alert').filter({ hasText: text });

  /** Post… and the confirmation of an invoice (nothing to choose). */
  async function post(title: string) {
    await page.getByRole('button', { name: 'Post…' }).click();
    await page.getByRole('dialog', { name: title }).getByRole('button', { name: 'Yes' }).click();
  }

  it('clears a sales invoice\'s refusal when Preview Posting and then Post are retried, and posts it', async () => {
    await step('sales', async () => {
      const { no } = await api.call<{ no: string }>('POST', '/api/v1/salesInvoices', {
        sellToCustomerNo: 'C00030', lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice: '100' }],
      });
      await api.call('PATCH', '/api/v1/customers/C00030', { blocked: 'all' });
      await page.goto(`${session.server.address}/sales/invoices/${no}`);
      await page.getByRole('heading', { name: new RegExp(`^Sales Invoice ${no} · `) }).waitFor(slow);

      await post(`Post Sales Invoice ${no}`);
      await banner(/C00030.*blocked/).waitFor(slow);

      // Another action than the one refused: its start clears the old banner, and it succeeds.
      await api.call('PATCH', '/api/v1/customers/C00030', { blocked: 'none' });
      await page.getByRole('button', { name: 'Preview Posting…' }).click();
      const preview = page.getByRole('dialog', { name: 'Posting Preview' });
      await preview.getByText('Nothing has been posted').waitFor(slow);
      expect(await banner(/blocked/).count()).toBe(0);
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached', ...slow });

      // Blocked again: a new refusal shows its own banner, and a successful retry of Post leaves none.
      await api.call('PATCH', '/api/v1/customers/C00030', { blocked: 'invoice' });
      await post(`Post Sales Invoice ${no}`);
      await banner(/C00030.*blocked/).waitFor(slow);
      await expect.poll(() => page.getByRole('alert').count(), slow).toBe(1);
      await api.call('PATCH', '/api/v1/customers/C00030', { blocked: 'none' });
      await post(`Post Sales Invoice ${no}`);
      await page.getByRole('heading', { name: /^Posted Sales Invoice \S+ · / }).waitFor(slow);
      expect(await banner(/blocked/).count()).toBe(0);
      const posted = await api.call<{ sellToCustomerNo: string }>('GET', `/api/v1/postedSalesInvoices/${page.url().split('/').at(-1)}`);
      expect(posted.sellToCustomerNo).toBe('C00030');
    });
  });

  it('clears a purchase invoice\'s refusal when Post is retried, and posts it', async () => {
    await step('purchase', async () => {
      const { no } = await api.call<{ no: string }>('POST', '/api/v1/purchaseInvoices', {
        buyFromVendorNo: 'V00010', vendorInvoiceNo: 'BANNER-1', lines: [{ type: 'item', no: '1000', quantity: '1', directUnitCost: '389.50' }],
      });
      await api.call('PATCH', '/api/v1/vendors/V00010', { blocked: 'all' });
      await page.goto(`${session.server.address}/purchases/invoices/${no}`);
      await page.getByRole('heading', { name: new RegExp(`^Purchase Invoice ${no} · `) }).waitFor(slow);

      await post(`Post Purchase Invoice ${no}`);
      await banner(/V00010.*blocked/).waitFor(slow);
      // The refusal names the vendor field, which shows it too; the successful retry takes that off as well.
      const vendorField = page.getByLabel('Vendor No.', { exact: true });
      await expect.poll(() => vendorField.getAttribute('aria-invalid'), slow).toBe('true');

      await api.call('PATCH', '/api/v1/vendors/V00010', { blocked: 'none' });
      await page.getByRole('button', { name: 'Preview Posting…' }).click();
      const preview = page.getByRole('dialog', { name: 'Posting Preview' });
      await preview.getByText('Nothing has been posted').waitFor(slow);
      expect(await banner(/blocked/).count()).toBe(0);
      expect(await vendorField.getAttribute('aria-invalid')).not.toBe('true');
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached', ...slow });

      await post(`Post Purchase Invoice ${no}`);
      await page.getByRole('heading', { name: /^Posted Purchase Invoice \S+ · / }).waitFor(slow);
      expect(await banner(/blocked/).count()).toBe(0);
      const posted = await api.call<{ buyFromVendorNo: string }>('GET', `/api/v1/postedPurchaseInvoices/${page.url().split('/').at(-1)}`);
      expect(posted.buyFromVendorNo).toBe('V00010');
    });
  });

  it('takes a refusal\'s mark off a line cell when another refusal and then a successful action follow', async () => {
    await step('line-field', async () => {
      const { no } = await api.call<{ no: string }>('POST', '/api/v1/salesInvoices', {
        sellToCustomerNo: 'C00030', lines: [{ type: 'item', no: '1000', quantity: '1', unitPrice: '100' }],
      });
      await api.call('PATCH', '/api/v1/items/1000', { blocked: true });
      await page.goto(`${session.server.address}/sales/invoices/${no}`);
      await page.getByRole('heading', { name: new RegExp(`^Sales Invoice ${no} · `) }).waitFor(slow);
      const itemCell = page.getByLabel('No., line 1', { exact: true });

      // Posting names the blocked item's line: its No. cell is marked beside the banner.
      await post(`Post Sales Invoice ${no}`);
      await banner(/Item 1000 is blocked/).waitFor(slow);
      await expect.poll(() => itemCell.getAttribute('aria-invalid'), slow).toBe('true');

      // Another refusal, on the customer, names no field: the item's mark goes with the old banner.
      await api.call('PATCH', '/api/v1/items/1000', { blocked: false });
      await api.call('PATCH', '/api/v1/customers/C00030', { blocked: 'all' });
      await post(`Post Sales Invoice ${no}`);
      await banner(/C00030.*blocked/).waitFor(slow);
      expect(await itemCell.getAttribute('aria-invalid')).not.toBe('true');
      expect(await banner(/Item 1000/).count()).toBe(0);

      // Blocked on the item again, then a successful action: no banner and no mark left.
      await api.call('PATCH', '/api/v1/customers/C00030', { blocked: 'none' });
      await api.call('PATCH', '/api/v1/items/1000', { blocked: true });
      await post(`Post Sales Invoice ${no}`);
      await expect.poll(() => itemCell.getAttribute('aria-invalid'), slow).toBe('true');
      await api.call('PATCH', '/api/v1/items/1000', { blocked: false });
      await page.getByRole('button', { name: 'Preview Posting…' }).click();
      const preview = page.getByRole('dialog', { name: 'Posting Preview' });
      await preview.getByText('Nothing has been posted').waitFor(slow);
      expect(await itemCell.getAttribute('aria-invalid')).not.toBe('true');
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached', ...slow });
    });
  });
});
