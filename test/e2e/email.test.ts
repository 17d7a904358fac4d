import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../support/pdf-text.ts';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.ts';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { apiSession, hookTimeout, slow, type ApiSession } from './support/session.ts';

const customerNo = 'C00040';

function pdftoppmAvailable(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, what: string) {
  for (let waited = 0; waited < 30_000; waited += 200) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

// On the demo company: a posted invoice is printed (its PDF downloaded and its pages saved as
// pictures) and sent by email from its page, to an SMTP server in this test process, through the
// server's own email worker; the Email Outbox page then lists it as sent.
describe.skipIf(!chromiumAvailable())('printing and emailing a posted invoice in the browser (issue 17)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let smtp: SmtpTestServer;
  let session: ApiSession;
  let invoiceNo: string;
  let companyName: string;

  beforeAll(async () => {
    [server, browser, smtp] = await Promise.all([startServer(), launchChromium(), startSmtpTestServer()]);
    session = await apiSession(server.address);
    await session.call('PATCH', '/api/v1/smtpSetup', { host: '127.0.0.1', port: smtp.port, security: 'none', senderAddress: 'invoices@ledgerline.example' });
    await session.call('PATCH', `/api/v1/customers/${customerNo}`, { email: 'ap@c00040.example' });
    companyName = (await session.call<{ name: string }>('GET', '/api/v1/companyInformation')).name;
    invoiceNo = await session.postInvoice(customerNo, '100');
    page = await browser.newPage({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
    await page.goto(`${server.address}/`);
    await page.getByLabel('Username').fill('admin');
    await page.getByRole('textbox', { name: 'Password' }).fill('admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sales activities' }).waitFor(slow);
  }, hookTimeout);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  }, hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `email-${name}.png`), fullPage: true });

  it('downloads the PDF, sends the invoice by email from its page and shows it in the outbox', async () => {
    try {
      await page.goto(`${server.address}/posted/invoices/${invoiceNo}`);
      const actions = page.getByRole('toolbar', { name: 'Actions' });
      await actions.getByRole('button', { name: 'Print' }).waitFor(slow);
      const [download] = await Promise.all([page.waitForEvent('download', slow), actions.getByRole('button', { name: 'Print' }).click()]);
      expect(download.suggestedFilename()).toBe(`Sales Invoice ${invoiceNo}.pdf`);
      const pdfPath = join(artifacts, `email-Sales Invoice ${invoiceNo}.pdf`);
      copyFileSync(await download.path(), pdfPath);
      const pdfText = (await pdfPageTexts(readFileSync(pdfPath))).join('\n');
      expect(pdfText).toContain(invoiceNo);
      expect(pdfText).toContain('121');
      if (pdftoppmAvailable()) {
        execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, join(artifacts, 'email-invoice-pdf-page')]);
        expect(readdirSync(artifacts).filter((name) => name.startsWith('email-invoice-pdf-page') && name.endsWith('.png')).length).toBeGreaterThan(0);
      } else {
        console.log('pdftoppm is not installed (Debian: apt-get install poppler-utils): the PDF pages are not saved as pictures.');
      }

      await actions.getByRole('button', { name: 'Send…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send Email' });
      await dialog.waitFor(slow);
      expect(await dialog.getByLabel('To').inputValue()).toBe('ap@c00040.example');
      expect(await dialog.getByLabel('Subject').inputValue()).toBe(`${companyName} - Sales Invoice ${invoiceNo}`);
      await expect.poll(() => dialog.locator('[data-attachment]').allTextContents()).toEqual([`Sales Invoice ${invoiceNo}.pdf`]);
      await dialog.getByLabel('To').fill('ap@c00040.example; boss@c00040.example');
      await screenshot('dialog');
      await dialog.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('status').filter({ hasText: 'is in the outbox' }).waitFor(slow);

      // The server's email worker sends it after the commit.
      await until(() => smtp.received.length === 1, 'the email at the SMTP server');
      const mail = smtp.received[0]!;
      expect(smtp.envelopes[0]).toEqual(['ap@c00040.example', 'boss@c00040.example']);
      expect(mail.subject).toBe(`${companyName} - Sales Invoice ${invoiceNo}`);
      expect(mail.attachments.map((attachment) => attachment.filename)).toEqual([`Sales Invoice ${invoiceNo}.pdf`]);
      expect((await pdfPageTexts(mail.attachments[0]!.content)).join('\n')).toContain(invoiceNo);
      expect(String(mail.html)).toMatch(/>121[.,]00</);

      await page.goto(`${server.address}/email-outbox`);
      await page.getByRole('tab', { name: 'Sent' }).click();
      const row = page.getByRole('table', { name: 'Emails' }).getByRole('row').filter({ hasText: invoiceNo });
      await row.waitFor(slow);
      expect(await row.textContent()).toContain('ap@c00040.example; boss@c00040.example');
      await screenshot('outbox');
      const posted = await session.call<{ noPrinted: number }>('GET', `/api/v1/postedSalesInvoices/${invoiceNo}`);
      expect(posted.noPrinted).toBe(1);
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  });
});
