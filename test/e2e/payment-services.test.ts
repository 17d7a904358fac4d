import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

interface PayPalSetup { enabled: boolean; alwaysIncludeOnDocuments: boolean; accountId: string; sandbox: boolean; version: number }

// The Payment Services page (spec §21.1) and the Payment Service Set on an invoice's header, on the demo company.
describe.skipIf(!chromiumAvailable())('Payment Services, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    api = session.api;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `payment-services-${name}.png`), fullPage: true });
  const setup = () => api.call<PayPalSetup>('GET', '/api/v1/paymentServices/PAYPAL');

  it('sets PayPal up from the navigation, showing a refused account ID at its field', async () => {
    try {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payment Services' }).click();
      const form = page.getByRole('form', { name: 'PayPal Payments Standard' });
      await form.waitFor(slow);
      await form.getByLabel('Account ID').fill('sales-at-contoso');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('must be an e-mail address').waitFor(slow);
      expect((await setup()).accountId).toBe('');

      await form.getByLabel('Account ID').fill('sales@contoso.com');
      await form.getByLabel('Enabled').check();
      await form.getByLabel('Always Include on Documents').check();
      await form.getByLabel('Sandbox').check();
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor(slow);
      expect(await setup()).toMatchObject({ enabled: true, alwaysIncludeOnDocuments: true, accountId: 'sales@contoso.com', sandbox: true });
      await page.getByText('Links use https://www.sandbox.paypal.com/').waitFor(slow);
      await screenshot('setup');
    } catch (error) {
      await screenshot('setup-failed');
      throw error;
    }
  });

  it('shows PayPal in a new invoice\'s Payment Services, and removes it for a cash customer', async () => {
    try {
      const invoice = await api.call<{ no: string; paymentServiceSet: string[] }>('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C00010' });
      expect(invoice.paymentServiceSet).toEqual(['PAYPAL']);
      await page.goto(`${session.server.address}/sales/invoices/${invoice.no}`);
      // The navigation may show a Payment Services link too (the section stays open from the first test).
      await page.getByRole('tabpanel', { name: 'General' }).getByText('Payment Services', { exact: true }).waitFor(slow);
      await page.getByText('PayPal Payments Standard').first().waitFor(slow);
      await screenshot('invoice-with-paypal');
      await page.getByRole('button', { name: 'Remove all payment services' }).click();
      await expect.poll(async () => (await api.call<{ paymentServiceSet: string[] }>('GET', `/api/v1/salesInvoices/${invoice.no}`)).paymentServiceSet, slow).toEqual([]);
    } catch (error) {
      await screenshot('invoice-failed');
      throw error;
    }
  });
});
