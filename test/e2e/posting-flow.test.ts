import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';
import { chooseOptions, domesticPostingGroups } from './support/combobox.ts';
import { hasFocus } from './support/focus.ts';
import { startServer, type RunningServer } from './support/server.ts';

// After posting: an order shipped in part, then invoiced, the posted invoice and its entries, a
// corrective credit memo posted against it, and the rest of the order shipped and invoiced. The demo
// company the server loads has opening inventory and the posting setup. Each step builds on the one
// before, so the steps are one test.
describe.skipIf(!chromiumAvailable())('the sales team after posting, in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
    await signIn();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `posting-${name}.png`), fullPage: true });
  const total = (field: string) => page.locator(`[data-total="${field}"]`);
  const notices = () => page.getByRole('region', { name: 'Notifications' });

  it('ships part of an order, invoices it, finds its entries, credits it and posts the rest', async () => {
    try {
      const customerNo = await createCustomer();
      const orderUrl = await makeOrder(customerNo);
      await previewShipping();
      await shipPart();
      const invoiceNo = await invoiceShipped();
      await findEntries(invoiceNo);
      await creditInvoice(invoiceNo);
      await postRestOfOrder(orderUrl);
      await seeCustomerAndLedgers(customerNo);
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  });

  it('undoes a shipment, invoices shipment lines, reverses posted lines, corrects an invoice and combines shipments', async () => {
    try {
      const shipmentNo = await shipOrder([['1000', '5'], ['1020', '4']]);
      await undoShipmentLine(shipmentNo);
      const invoiceNo = await invoiceShipmentLines(shipmentNo);
      await returnInvoicedLine(invoiceNo);
      await correctInvoice();
      await combineShipments();
    } catch (error) {
      await screenshot('companions-failure');
      throw error;
    }
  });

  async function signIn() {
    await page.goto(`${server.address}/`);
    await page.getByLabel('Username').fill('admin');
    await page.getByRole('textbox', { name: 'Password' }).fill('admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sales activities' }).waitFor();
  }

  async function createCustomer(): Promise<string> {
    await page.goto(`${server.address}/customers/new`);
    const card = page.getByRole('form', { name: 'Customer card' });
    await card.getByLabel('Name', { exact: true }).fill('Drukkerij Jansen');
    await card.getByLabel('City').fill('Haarlem');
    const choices = [
      ...domesticPostingGroups,
      // The demo company's opening inventory is in the MAIN warehouse.
      ['Location Code', 'MAIN', 'MAIN – Amsterdam warehouse'],
    ] as const;
    await chooseOptions(page, card, choices);
    await card.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/customers\/C\d+$/);
    return page.url().split('/').at(-1)!;
  }

  /** A quote with two lines, typed as in the sales flow, made an order. */
  async function makeOrder(customerNo: string): Promise<string> {
    await page.getByRole('heading', { name: `${customerNo} · Drukkerij Jansen` }).waitFor();
    await page.getByRole('button', { name: 'New Sales Quote' }).click();
    await page.getByRole('heading', { name: 'New Sales Quote' }).waitFor();
    await page.getByLabel('Customer No.', { exact: true }).press('Enter');
    await page.waitForURL(/\/sales\/quotes\/SQ\d+$/);
    const newLineNo = page.getByLabel('No., new line');
    const quantity = (line: number) => page.getByLabel(`Quantity, line ${line}`);
    for (const [line, itemNo, units] of [[1, '1000', '2'], [2, '1010', '3']] as const) {
      await expect.poll(() => hasFocus(newLineNo)).toBe(true);
      await page.keyboard.type(itemNo);
      await page.keyboard.press('Enter');
      await expect.poll(() => hasFocus(quantity(line))).toBe(true);
      await page.keyboard.type(units);
      await page.keyboard.press('Enter'); // unit price
      await page.keyboard.press('Enter'); // line discount %
      await page.keyboard.press('Enter'); // the new line's No.
    }
    await expect.poll(() => total('amountIncludingVat').textContent()).toBe('2.655,95');
    await page.getByRole('button', { name: 'Make Order' }).click();
    await page.getByRole('dialog', { name: 'Make Order' }).getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL(/\/sales\/orders\/SO\d+$/);
    await page.getByRole('heading', { name: /Sales Order SO\d+ · Drukkerij Jansen/ }).waitFor();
    return page.url();
  }

  /** Preview Posting of a shipment: the entries it would write, nothing kept. */
  async function previewShipping() {
    await page.getByLabel('Qty. to Ship, line 2').fill('1');
    await page.getByLabel('Qty. to Ship, line 2').press('Tab');
    await expect.poll(() => page.getByLabel('Qty. to Invoice, line 2').inputValue()).toBe('1');
    await page.getByRole('button', { name: 'Preview Posting…' }).click();
    const options = page.getByRole('dialog', { name: /Preview Posting/ });
    await options.getByRole('radio', { name: 'Ship', exact: true }).check();
    await options.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('dialog', { name: 'Posting Preview' });
    await preview.getByText('Nothing has been posted').waitFor();
    await expect.poll(() => preview.locator('[data-count="itemLedgerEntries"]').textContent()).toBe('2');
    await preview.getByRole('tab', { name: /Item Ledger Entries/ }).click();
    await preview.getByRole('table', { name: 'Item Ledger Entries' }).waitFor();
    await screenshot('preview');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Quantity Shipped, line 1').textContent()).toBe('0');
  }

  async function post(choice: 'Ship' | 'Invoice' | 'Ship and Invoice') {
    await page.getByRole('button', { name: 'Post…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Post Sales Order/ });
    await dialog.getByRole('radio', { name: choice, exact: true }).check();
    await dialog.getByRole('button', { name: 'OK' }).click();
  }

  async function shipPart() {
    await post('Ship');
    await notices().getByRole('link', { name: /Posted Sales Shipment PSS\d+/ }).waitFor();
    await expect.poll(() => page.getByLabel('Quantity Shipped, line 2').textContent()).toBe('1');
    expect(await page.getByLabel('Quantity Shipped, line 1').textContent()).toBe('2');
    expect(await page.getByLabel('Quantity Invoiced, line 1').textContent()).toBe('0');
    expect(await page.getByTestId('document-status').textContent()).toBe('Released');
    await screenshot('order-shipped');
  }

  /**
   * Invoice what was shipped. Qty. to Invoice still asks for the whole line 2, more than is shipped:
   * posting refuses, next to that cell. The order stays for the two units not shipped.
   */
  async function invoiceShipped(): Promise<string> {
    const quantityToInvoice = page.getByLabel('Qty. to Invoice, line 2');
    await post('Invoice');
    await expect.poll(() => page.getByText(/You cannot invoice more than 1 units/).count()).toBe(2);
    await expect.poll(() => quantityToInvoice.getAttribute('aria-invalid')).toBe('true');
    await screenshot('posting-refused');
    await quantityToInvoice.fill('1');
    await quantityToInvoice.press('Tab');
    await expect.poll(() => quantityToInvoice.getAttribute('aria-invalid')).not.toBe('true');
    await post('Invoice');
    const invoiceLink = notices().getByRole('link', { name: /Posted Sales Invoice PSI\d+/ });
    await invoiceLink.waitFor();
    await expect.poll(() => page.getByLabel('Quantity Invoiced, line 2').textContent()).toBe('1');
    const invoiceNo = (await invoiceLink.textContent())!.split(' ').at(-1)!;
    await invoiceLink.click();
    await page.getByRole('heading', { name: `Posted Sales Invoice ${invoiceNo} · Drukkerij Jansen` }).waitFor();
    // 2 × 649,00 + 1 × 299,00 = 1.597,00 and 21 % VAT.
    expect(await total('amount').textContent()).toBe('1.597,00');
    expect(await total('amountIncludingVat').textContent()).toBe('1.932,37');
    await screenshot('posted-invoice');
    return invoiceNo;
  }

  async function findEntries(invoiceNo: string) {
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('link', { name: 'Find entries' }).click();
    await page.getByRole('heading', { name: `Find entries – ${invoiceNo}` }).waitFor();
    await expect.poll(() => page.locator('[data-count="customerLedgerEntries"]').textContent()).toBe('1');
    expect(Number(await page.locator('[data-count="glEntries"]').textContent())).toBeGreaterThan(2);
    // The purchase side's ledgers have tabs too; a sales invoice writes no vendor entry.
    expect(await page.locator('[data-count="vendorLedgerEntries"]').textContent()).toBe('0');
    // A posting balances: the G/L entries' amounts sum to zero.
    expect(await page.locator('[data-total="glEntries.amount"]').textContent()).toBe('0,00');
    await screenshot('find-entries');
    await page.goBack();
  }

  /** Create Corrective Credit Memo: a new credit memo reversing the invoice, posted at once. */
  async function creditInvoice(invoiceNo: string) {
    await page.getByRole('heading', { name: `Posted Sales Invoice ${invoiceNo} · Drukkerij Jansen` }).waitFor();
    await page.getByRole('button', { name: 'Create Corrective Credit Memo' }).click();
    await page.waitForURL(/\/sales\/credit-memos\/[^/]+$/);
    await page.getByRole('heading', { name: /Sales Credit Memo \S+ · Drukkerij Jansen/ }).waitFor();
    await expect.poll(() => total('amountIncludingVat').textContent()).toBe('1.932,37');
    await screenshot('corrective-credit-memo');
    await page.getByRole('button', { name: 'Post…' }).click();
    await page.getByRole('dialog', { name: /^Post Sales Credit Memo/ }).getByRole('button', { name: 'Yes' }).click();
    // Posting completes the credit memo: the page moves on to the posted one.
    await page.waitForURL(/\/posted\/credit-memos\/[^/]+$/);
    await page.getByRole('heading', { name: /Posted Sales Credit Memo \S+ · Drukkerij Jansen/ }).waitFor();
    expect(await total('amountIncludingVat').textContent()).toBe('1.932,37');
    await screenshot('posted-credit-memo');
  }

  /** The rest of the order: shipping and invoicing it completes the order, and the posted invoice opens. */
  async function postRestOfOrder(orderUrl: string) {
    await page.goto(orderUrl);
    await expect.poll(() => page.getByLabel('Qty. to Ship, line 2').inputValue()).toBe('2');
    await post('Ship and Invoice');
    await page.waitForURL(/\/posted\/invoices\/PSI\d+$/);
    await page.getByRole('heading', { name: /Posted Sales Invoice PSI\d+ · Drukkerij Jansen/ }).waitFor();
    await expect.poll(() => total('amountIncludingVat').textContent()).toBe('723,58');
  }

  async function seeCustomerAndLedgers(customerNo: string) {
    await page.goto(`${server.address}/customers/${customerNo}`);
    // The credit memo cancelled the first invoice; the second is open: 2 × 299,00 and 21 % VAT.
    await expect.poll(() => page.locator('[data-figure="balanceLcy"]').textContent()).toBe('723,58');
    await page.getByRole('table', { name: 'Customer Ledger Entries' }).waitFor();
    await screenshot('customer-card');
    // Item 1010: 80 in stock, 3 shipped, 1 back with the credit memo.
    await page.goto(`${server.address}/items/1010`);
    await expect.poll(() => page.locator('[data-figure="inventory"]').textContent()).toBe('78');
    await page.getByRole('table', { name: 'Item Ledger Entries' }).waitFor();
    await screenshot('item-card');
    await page.getByRole('link', { name: 'Item Ledger Entries', exact: true }).click();
    await page.getByRole('table', { name: 'Item Ledger Entries' }).waitFor();
    await screenshot('item-ledger-entries');
    await page.getByRole('link', { name: 'Posted Sales Invoices', exact: true }).click();
    await page.getByRole('table', { name: 'Posted Sales Invoices' }).getByRole('link').first().waitFor();
    await screenshot('posted-invoices');
  }

  // The demo company's C00010 ships from MAIN, where the opening inventory is, and combines shipments.
  const customer = 'C00010';
  const customerName = 'Kantoorpartners Holland B.V.';

  /** A new document for the customer, its lines typed from the keyboard. */
  async function newDocument(path: string, lines: ReadonlyArray<readonly [string, string]> = []) {
    await page.goto(`${server.address}/sales/${path}/new`);
    await page.getByLabel('Customer No.').fill(customer);
    await page.getByLabel('Customer No.').press('Enter');
    await page.waitForURL(new RegExp(`/sales/${path}/[A-Z]+\\d+$`));
    await page.getByRole('heading', { name: new RegExp(`· ${customerName}`) }).waitFor();
    for (const [index, [itemNo, units]] of lines.entries()) {
      await expect.poll(() => hasFocus(page.getByLabel('No., new line'))).toBe(true);
      await page.keyboard.type(itemNo);
      await page.keyboard.press('Enter');
      await expect.poll(() => hasFocus(page.getByLabel(`Quantity, line ${index + 1}`))).toBe(true);
      await page.keyboard.type(units);
      // Enter saves the quantity; the next line starts in the empty line.
      await page.keyboard.press('Enter');
      await page.getByLabel('No., new line').click();
    }
  }

  async function shipOrder(lines: ReadonlyArray<readonly [string, string]>): Promise<string> {
    await newDocument('orders', lines);
    await expect.poll(() => page.getByLabel(`Qty. to Ship, line ${lines.length}`).inputValue()).toBe(lines.at(-1)![1]);
    await post('Ship');
    const shipmentLink = notices().getByRole('link', { name: /Posted Sales Shipment PSS\d+/ });
    await shipmentLink.waitFor();
    return (await shipmentLink.textContent())!.split(' ').at(-1)!;
  }

  /** Undo Shipment of line 2: a correction line reverses it, and it cannot be undone twice. */
  async function undoShipmentLine(shipmentNo: string) {
    await notices().getByRole('link', { name: `Posted Sales Shipment ${shipmentNo}` }).click();
    await page.getByRole('heading', { name: `Posted Sales Shipment ${shipmentNo} · ${customerName}` }).waitFor();
    await page.getByRole('button', { name: 'Undo Shipment, line 2' }).click();
    await page.getByRole('dialog', { name: 'Undo Shipment' }).getByRole('button', { name: 'Yes' }).click();
    await notices().getByText('Shipment undone').waitFor();
    const lines = page.getByRole('table', { name: 'Lines' });
    await expect.poll(() => lines.getByRole('row').count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Undo Shipment, line 2' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo Shipment, line 1' }).waitFor();
    await screenshot('shipment-undone');
  }

  /** A sales invoice filled with Get Shipment Lines, then posted. */
  async function invoiceShipmentLines(shipmentNo: string): Promise<string> {
    await newDocument('invoices');
    await page.getByRole('button', { name: 'Get Shipment Lines…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Get Shipment Lines' });
    await dialog.getByRole('checkbox', { name: `Select shipment ${shipmentNo} line 10000` }).check();
    await screenshot('get-shipment-lines');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByLabel('No., line 2').inputValue()).toBe('1000');
    expect(await page.getByLabel('Quantity, line 2').inputValue()).toBe('5');
    await page.getByRole('button', { name: 'Post…' }).click();
    await page.getByRole('dialog', { name: /^Post Sales Invoice/ }).getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL(/\/posted\/invoices\/PSI\d+$/);
    return page.url().split('/').at(-1)!;
  }

  /** A return order of 2 of the 5 invoiced, with Get Posted Document Lines to Reverse; received and credited. */
  async function returnInvoicedLine(invoiceNo: string) {
    await newDocument('return-orders');
    await page.getByRole('button', { name: 'Get Posted Document Lines to Reverse…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Get Posted Document Lines to Reverse' });
    const row = dialog.getByRole('row').filter({ hasText: invoiceNo }).filter({ hasText: '1000' });
    await row.getByRole('checkbox').check();
    await row.getByRole('textbox').fill('2');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByLabel('Return Qty. to Receive, line 2').inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Post…' }).click();
    const options = page.getByRole('dialog', { name: /^Post Sales Return Order/ });
    await options.getByRole('radio', { name: 'Receive and Invoice' }).check();
    await options.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL(/\/posted\/credit-memos\/[^/]+$/);
    await page.getByRole('heading', { name: new RegExp(`Posted Sales Credit Memo \\S+ · ${customerName}`) }).waitFor();
    const returned = page.getByRole('table', { name: 'Lines' }).getByRole('row').filter({ hasText: '1000' });
    await returned.getByRole('cell', { name: '2', exact: true }).waitFor();
    await screenshot('return-credited');
  }

  /**
   * Correct of an invoice posted as an invoice (one from an order would revert the order instead,
   * spec §18.4): the dialog says what will happen before it does; the invoice is cancelled by a posted
   * credit memo and a new invoice with its lines opens.
   */
  async function correctInvoice() {
    await newDocument('invoices', [['1030', '1']]);
    await expect.poll(() => total('amount').textContent()).not.toBe('0,00');
    await page.getByRole('button', { name: 'Post…' }).click();
    await page.getByRole('dialog', { name: /^Post Sales Invoice/ }).getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL(/\/posted\/invoices\/PSI\d+$/);
    const postedUrl = page.url();
    await page.getByRole('heading', { name: new RegExp(`Posted Sales Invoice PSI\\d+ · ${customerName}`) }).waitFor();
    await page.getByRole('button', { name: 'Correct', exact: true }).click();
    const question = page.getByRole('dialog', { name: 'Correct posted invoice' });
    await expect.poll(() => question.getByTestId('correction-question').textContent()).toContain('a new sales invoice with the same lines will be created');
    await question.getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL(/\/sales\/invoices\/[A-Z]+\d+$/);
    await expect.poll(() => page.getByLabel('No., line 1').inputValue()).toBe('1030');
    await notices().getByRole('link', { name: /Posted Sales Credit Memo/ }).waitFor();
    await page.goto(postedUrl);
    await expect.poll(() => page.getByTestId('posted-status').textContent()).toContain('Cancelled');
    await screenshot('invoice-cancelled');
  }

  /** Combine Shipments as a job: its progress, then the posted invoice it made. */
  async function combineShipments() {
    await shipOrder([['1040', '2']]);
    await page.getByRole('link', { name: 'Combine Shipments' }).click();
    const form = page.getByRole('form', { name: 'Combine Shipments' });
    await form.getByLabel('Sell-to Customer No. (all when empty)').fill(customer);
    await form.getByLabel('Sell-to Customer No. (all when empty)').press('Enter');
    await form.getByLabel('Post Sales Invoices').check();
    await form.getByRole('button', { name: 'Combine Shipments' }).click();
    await expect.poll(() => page.getByTestId('job-status').textContent(), { timeout: 30_000 }).toBe('Succeeded');
    expect(await page.getByTestId('invoices-created').textContent()).toBe('1');
    expect(await page.getByTestId('invoices-posted').textContent()).toBe('1');
    await screenshot('combine-shipments');
    await page.getByRole('link', { name: /^PSI\d+$/ }).click();
    await page.getByRole('heading', { name: new RegExp(`Posted Sales Invoice PSI\\d+ · ${customerName}`) }).waitFor();
    await page.getByRole('table', { name: 'Lines' }).getByRole('row').filter({ hasText: '1040' }).waitFor();
  }
});
