import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';
import { chooseOptions, domesticPostingGroups } from './support/combobox.ts';
import { hasFocus } from './support/focus.ts';
import { startServer, type RunningServer } from './support/server.ts';

// One flow through the real server and a real browser, as a sales clerk works: each step builds on
// the one before, so the steps are one test.
describe.skipIf(!chromiumAvailable())('the sales clerk in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const total = (field: string) => page.locator(`[data-total="${field}"]`);

  it('signs in, creates a customer, quotes two items with the keyboard and makes the quote an order', async () => {
    try {
      await salesFlow();
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  });

  async function salesFlow() {
    await page.goto(`${server.address}/customers`);
    await page.getByLabel('Username').fill('admin');
    await page.getByRole('textbox', { name: 'Password' }).fill('admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // After signing in, the address asked for.
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByRole('link', { name: 'C00010' }).waitFor();
    await screenshot('customer-list');

    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Sales activities' }).waitFor();
    await expect.poll(() => page.getByTestId('cue-count').first().textContent()).toMatch(/^\d+$/);
    await screenshot('home');

    // The customer card checks input with the API's schema, and shows what the API refuses.
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'New' }).click();
    const card = page.getByRole('form', { name: 'Customer card' });
    await card.getByRole('textbox', { name: 'No.', exact: true }).fill('C00010');
    await card.getByLabel('Name', { exact: true }).fill('Bakkerij de Vries');
    await card.getByLabel('City').fill('Utrecht');
    await card.getByLabel('Email').fill('not an address');
    await card.getByRole('button', { name: 'Create' }).click();
    await card.getByText('must be an e-mail address').waitFor();
    await card.getByLabel('Email').fill('inkoop@bakkerijdevries.nl');
    await card.getByRole('button', { name: 'Create' }).click();
    // A duplicate number is refused next to the No. field it concerns.
    await card.getByText('Customer C00010 already exists').waitFor();
    await card.getByRole('textbox', { name: 'No.', exact: true }).fill('');
    const choices = [
      ...domesticPostingGroups,
      ['Payment Terms Code', '14D', '14D – Net 14 days (14 dagen netto)'],
    ] as const;
    await chooseOptions(page, card, choices);
    await card.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/customers\/C\d+$/);
    const customerNo = page.url().split('/').at(-1)!;
    await page.getByRole('heading', { name: `${customerNo} · Bakkerij de Vries` }).waitFor();
    expect(await card.getByRole('combobox', { name: 'Payment Terms Code' }).inputValue()).toContain('14D');
    await screenshot('customer-card');

    // A quote for the new customer: the lines grid from the keyboard alone.
    await page.getByRole('button', { name: 'New Sales Quote' }).click();
    await page.getByRole('heading', { name: 'New Sales Quote' }).waitFor();
    await page.getByLabel('Customer No.', { exact: true }).press('Enter');
    await page.waitForURL(/\/sales\/quotes\/SQ\d+$/);
    const newLineNo = page.getByLabel('No., new line');
    await expect.poll(() => hasFocus(newLineNo)).toBe(true);
    await page.keyboard.type('9999');
    await page.keyboard.press('Enter');
    await page.getByText("Item '9999' does not exist").waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    const quantity = (line: number) => page.getByLabel(`Quantity, line ${line}`);
    await expect.poll(() => hasFocus(quantity(1))).toBe(true);
    await page.keyboard.type('2');
    await page.keyboard.press('Enter'); // unit price
    await page.keyboard.press('Enter'); // line discount %
    await page.keyboard.press('Enter'); // the new line's No.
    await expect.poll(() => hasFocus(newLineNo)).toBe(true);
    await page.keyboard.type('1010');
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(quantity(2))).toBe(true);
    await page.keyboard.type('3');
    // While typing, the totals are a preview computed in the browser with core's functions.
    await page.getByText('Preview – not saved yet').waitFor();
    await expect.poll(() => total('amount').textContent()).toBe('2.195,00');
    await page.keyboard.press('Enter');
    await page.getByText('Preview – not saved yet').waitFor({ state: 'detached' });
    await expect.poll(() => total('amountIncludingVat').textContent()).toBe('2.655,95');
    expect(await total('vatAmount').textContent()).toBe('460,95');
    expect(await page.getByLabel('Description, line 2').inputValue()).toBe('Office desk 140x70 cm (Bureau)');
    await screenshot('quote');

    await page.getByRole('button', { name: 'Make Order' }).click();
    await page.getByRole('dialog', { name: 'Make Order' }).getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL(/\/sales\/orders\/SO\d+$/);
    await page.getByRole('heading', { name: /Sales Order SO\d+ · Bakkerij de Vries/ }).waitFor();
    expect(await page.getByLabel('No., line 1').inputValue()).toBe('1000');
    expect(await page.getByLabel('Quantity, line 1').inputValue()).toBe('2');
    expect(await page.getByLabel('No., line 2').inputValue()).toBe('1010');
    expect(await page.getByLabel('Qty. to Ship, line 2').inputValue()).toBe('3');
    expect(await total('amountIncludingVat').textContent()).toBe('2.655,95');
    await screenshot('order');

    // The header switches how amounts are written.
    await page.getByText('en-US').click();
    await expect.poll(() => total('amountIncludingVat').textContent()).toBe('2,655.95');
  }
});
