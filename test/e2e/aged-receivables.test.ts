import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';

const slow = { timeout: 30_000 };
const hookTimeout = 300_000;
const customerNo = 'C00040';

// On the demo company, customer C00040 (14 days' terms) gets two invoices of 121.00 (100.00 + 21 %
// VAT): one posted 15 January (due 29 January), one 10 March (due 24 March), and a payment of 50.00
// on 20 March applied to the first. As of 31 March: 71.00 is 61 days overdue, 121.00 7 days.
describe.skipIf(!chromiumAvailable())('aged receivables and the customer statement, in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    token = await signInOverApi();
    const first = await postInvoice('2026-01-15');
    await postInvoice('2026-03-10');
    await call('POST', '/api/v1/generalJournal/post', '2026-03-20', {
      lines: [{
        postingDate: '2026-03-20', documentType: 'payment', documentNo: 'PAY-AGED', accountType: 'customer', accountNo: customerNo, amount: '-50',
        balAccountType: 'glAccount', balAccountNo: '1010', appliesToDocType: 'invoice', appliesToDocNo: first,
      }],
    });
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

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `aged-receivables-${name}.png`), fullPage: true });

  async function call<T>(method: string, path: string, workDate: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.address}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'x-work-date': workDate, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
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

  async function postInvoice(postingDate: string): Promise<string> {
    const invoice = await call<{ no: string }>('POST', '/api/v1/salesInvoices', postingDate, {
      sellToCustomerNo: customerNo, lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice: '100' }],
    });
    return (await call<{ invoiceNo: string }>('POST', `/api/v1/salesInvoices/${invoice.no}/post`, postingDate, {})).invoiceNo;
  }

  const cell = (row: string, bucket: string) => page.locator(`[data-customer="${row}"] [data-bucket="${bucket}"]`).textContent();

  it('shows the customer in its buckets with the totals as of a past date, and downloads it as CSV', async () => {
    try {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Aged Receivables' }).click();
      await page.getByRole('heading', { name: 'Aged Receivables' }).waitFor(slow);
      await page.getByLabel('Aged as of').fill('31-03-2026');
      await page.getByLabel('Aged as of').press('Tab');
      await page.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => cell(customerNo, 'balance'), slow).toBe('192,00');
      // The balance is the same as of today, whose report may still be on the page: wait for the buckets of the 31st.
      await expect.poll(() => cell(customerNo, '1'), slow).toBe('121,00');
      expect(await cell(customerNo, '0')).toBe('0,00');
      expect(await cell(customerNo, '3')).toBe('71,00');
      const report = await call<{ totals: { lcy: { amounts: string[]; balance: string } } }>('GET', '/api/v1/receivables/agedReceivables?asOf=2026-03-31', '2026-03-31');
      const dutch = (amount: string) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2 }).format(amount as Intl.StringNumericLiteral);
      expect(await cell('total', 'balance')).toBe(dutch(report.totals.lcy.balance));
      expect(await cell('total', '3')).toBe(dutch(report.totals.lcy.amounts[3]!));
      await page.getByRole('columnheader', { name: '61–90 days' }).waitFor(slow);
      await screenshot('page');

      const [download] = await Promise.all([page.waitForEvent('download', slow), page.getByRole('button', { name: 'Download CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('aged-receivables-2026-03-31.csv');
      const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
      expect(csv[0]).toBe('Customer No.,Name,Current,1–30 days,31–60 days,61–90 days,Over 90 days,Balance (LCY)');
      expect(csv).toContainEqual(`${customerNo},Bureau Van Dijk Architecten,0.00,121.00,0.00,71.00,0.00,192.00`);
      expect(csv.at(-2)).toBe(`Total,,${report.totals.lcy.amounts.join(',')},${report.totals.lcy.balance}`);
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  });

  it('opens the customer statement from the customer card: opening balance, the period\'s lines, closing balance', async () => {
    try {
      await page.goto(`${server.address}/customers/${customerNo}`);
      await page.getByRole('button', { name: 'Statement' }).click();
      await page.getByRole('heading', { name: `Customer Statement – ${customerNo}` }).waitFor(slow);
      await page.getByLabel('Start date').fill('01-03-2026');
      await page.getByLabel('Start date').press('Tab');
      await page.getByLabel('End date').fill('31-03-2026');
      await page.getByLabel('End date').press('Tab');
      await page.getByRole('button', { name: 'Show' }).click();
      // The closing balance of the default period is 192,00 too: wait for the chosen period's opening balance.
      await expect.poll(() => page.locator('[data-figure="openingBalanceLcy"]').textContent(), slow).toBe('121,00');
      expect(await page.locator('[data-figure="closingBalanceLcy"]').textContent()).toBe('192,00');
      const lines = page.getByRole('table', { name: 'Statement lines' });
      await lines.getByRole('row').filter({ hasText: 'PAY-AGED' }).filter({ hasText: '50,00' }).waitFor(slow);
      await screenshot('statement');
    } catch (error) {
      await screenshot('statement-failure');
      throw error;
    }
  });
});
