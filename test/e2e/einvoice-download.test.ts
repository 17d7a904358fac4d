import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEInvoice, describeValidation } from '../support/einvoice-validation.ts';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';

const slow = { timeout: 30_000 };
const hookTimeout = 300_000;
const customerNo = 'C00040';

// On the demo company, given Peppol electronic addresses: customer C00040 gets an invoice of 121.00
// (100.00 + 21 % VAT), whose posted invoice page downloads its Peppol BIS Billing 3.0 e-invoice.
describe.skipIf(!chromiumAvailable())('the e-invoice of a posted invoice, downloaded in the browser (issue 17)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let token: string;
  let invoiceNo: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    token = await signInOverApi();
    await call('PATCH', '/api/v1/companyInformation', { electronicAddress: '81234567', electronicAddressScheme: '0106' });
    await call('PATCH', `/api/v1/customers/${customerNo}`, { electronicAddress: '24123456', electronicAddressScheme: '0106' });
    const invoice = await call<{ no: string }>('POST', '/api/v1/salesInvoices', {
      sellToCustomerNo: customerNo, externalDocumentNo: 'PO-E2E-1', lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice: '100' }],
    });
    invoiceNo = (await call<{ invoiceNo: string }>('POST', `/api/v1/salesInvoices/${invoice.no}/post`, {})).invoiceNo;
    page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'nl-NL', acceptDownloads: true });
    await page.goto(`${server.address}/`);
    await page.getByLabel('Username').fill('admin');
    await page.getByRole('textbox', { name: 'Password' }).fill('admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sales activities' }).waitFor(slow);
  }, hookTimeout);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `einvoice-${name}.png`), fullPage: true });

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.address}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'x-work-date': '2026-01-15', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return JSON.parse(text) as T;
  }

  async function signInOverApi(): Promise<string> {
    const response = await fetch(`${server.address}/api/v1/auth/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin' }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  it('downloads the e-invoice from the posted invoice page, valid and with the posted total', async () => {
    try {
      await page.goto(`${server.address}/posted/invoices/${invoiceNo}`);
      const actions = page.getByRole('toolbar', { name: 'Actions' });
      await actions.getByRole('button', { name: 'E-invoice' }).waitFor(slow);
      const [download] = await Promise.all([page.waitForEvent('download', slow), actions.getByRole('button', { name: 'E-invoice' }).click()]);
      expect(download.suggestedFilename()).toBe(`Sales Invoice ${invoiceNo}.xml`);
      const xml = readFileSync(await download.path(), 'utf8');
      expect(xml).toContain(`<cbc:ID>${invoiceNo}</cbc:ID>`);
      expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">121.00</cbc:PayableAmount>');
      expect(xml).toContain('<cbc:EndpointID schemeID="0106">24123456</cbc:EndpointID>');
      const validation = await validateEInvoice(xml);
      expect(validation.schemaErrors, describeValidation(validation)).toEqual([]);
      expect(validation.fatal, describeValidation(validation)).toEqual([]);
      await screenshot('page');
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  });
});
