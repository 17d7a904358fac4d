import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from '../support/logo-images.ts';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

const customerNo = 'C00040';

// Issue 17, the setup side of documents in the browser: the company logo on Company Information, a
// customer's Document Sending Profile on its card, and Post and Send of an unposted credit memo.
describe.skipIf(!chromiumAvailable())('setting up the documents that leave the company, in the browser (issue 17)', () => {
  let session: BrowserSession;
  let page: Page;
  let creditMemoNo: string;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        await api.call('POST', '/api/v1/documentSendingProfiles', { code: 'MAIL', description: 'Email with PDF', email: 'promptForSettings' });
        await api.call('PATCH', `/api/v1/customers/${customerNo}`, { email: 'ap@c00040.example' });
        creditMemoNo = (await api.call<{ no: string }>('POST', '/api/v1/salesCreditMemos', {
          sellToCustomerNo: customerNo, lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice: '40' }],
        })).no;
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `company-setup-${name}.png`), fullPage: true });
  const address = () => session.server.address;

  it('uploads the company logo on Company Information, previews it and removes it', async () => {
    try {
      await page.goto(`${address()}/company-information`);
      const logo = page.getByRole('group', { name: 'Company logo' });
      await logo.getByText('No logo').waitFor(slow);
      await logo.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: pngImage(300, 120, { colorType: 6 }) });
      const preview = logo.getByRole('img', { name: 'Company logo' });
      await preview.waitFor(slow);
      await expect.poll(() => preview.evaluate((image) => (image as HTMLImageElement).naturalWidth), slow).toBe(300);
      expect((await session.api.call<{ logoMimeType: string }>('GET', '/api/v1/companyInformation')).logoMimeType).toBe('image/png');
      await screenshot('logo');

      await logo.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a logo') });
      await logo.getByRole('alert').filter({ hasText: 'The logo must be a PNG or JPEG image' }).waitFor(slow);
      expect(await preview.isVisible()).toBe(true);

      await logo.getByRole('button', { name: 'Remove Logo' }).click();
      await logo.getByText('No logo').waitFor(slow);
      expect((await session.api.call<{ logoMimeType: string }>('GET', '/api/v1/companyInformation')).logoMimeType).toBe('');
    } catch (error) {
      await screenshot('logo-failure');
      throw error;
    }
  });

  it('chooses and clears the Document Sending Profile on the customer card', async () => {
    try {
      await page.goto(`${address()}/customers/${customerNo}`);
      const select = page.getByRole('combobox', { name: 'Document Sending Profile' });
      await select.waitFor(slow);
      await select.fill('MAIL');
      await page.getByRole('option', { name: 'MAIL – Email with PDF', exact: true }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(async () => (await session.api.call<{ documentSendingProfile: string }>('GET', `/api/v1/customers/${customerNo}`)).documentSendingProfile, slow).toBe('MAIL');

      await page.reload();
      await expect.poll(() => select.inputValue(), slow).toBe('MAIL – Email with PDF');
      // Choosing the chosen option again clears the choice.
      await select.click();
      await page.getByRole('option', { name: 'MAIL – Email with PDF', exact: true }).click();
      await expect.poll(() => select.inputValue(), slow).toBe('');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(async () => (await session.api.call<{ documentSendingProfile: string }>('GET', `/api/v1/customers/${customerNo}`)).documentSendingProfile, slow).toBe('');
    } catch (error) {
      await screenshot('profile-failure');
      throw error;
    }
  });

  it('posts and sends an unposted credit memo from its page', async () => {
    try {
      await page.goto(`${address()}/sales/credit-memos/${creditMemoNo}`);
      const actions = page.getByRole('toolbar', { name: 'Actions' });
      await actions.getByRole('button', { name: 'Post and Send…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Post and Send' });
      await dialog.waitFor(slow);
      expect(await dialog.getByLabel('To').inputValue()).toBe('');
      await screenshot('credit-memo-dialog');
      await dialog.getByRole('button', { name: 'Send' }).click();
      await page.waitForURL(/\/posted\/credit-memos\//, slow);
      const postedNo = decodeURIComponent(page.url().split('/').pop()!);
      const outbox = await session.api.call<{ items: Array<{ documentType: string; to: string }> }>(
        'GET', `/api/v1/emailOutbox?documentType=postedCreditMemo&documentNo=${encodeURIComponent(postedNo)}`);
      expect(outbox.items.map((message) => [message.documentType, message.to])).toEqual([['postedCreditMemo', 'ap@c00040.example']]);
    } catch (error) {
      await screenshot('credit-memo-failure');
      throw error;
    }
  });
});
