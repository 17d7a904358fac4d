import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { chooseOptions, domesticPostingGroups } from './support/combobox.ts';
import { hasFocus } from './support/focus.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// A purchase order in the browser, on the demo company the server loads: vendor V00010 (Gelderse
// Kantoormeubelfabriek, domestic, 21 % VAT) sells item 1000 at a Last Direct Cost of 389.50. The
// order is refused without the vendor's invoice number, then received and invoiced in one posting.
// Each step builds on the one before, so the steps are one test. Another order is previewed, posted,
// and its invoice paid (a payment posted over the API, applied on the Vendor Ledger Entries list).
describe.skipIf(!chromiumAvailable())('the purchaser in the browser', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `purchase-${name}.png`), fullPage: true });
  const total = (field: string) => page.locator(`[data-total="${field}"]`);
  const notices = () => page.getByRole('region', { name: 'Notifications' });

  it('orders an item from a vendor, is refused without Vendor Invoice No., then receives and invoices it', async () => {
    try {
      await createOrder();
      await addItemLine();
      await postWithoutVendorInvoiceNo();
      const invoiceNo = await receiveAndInvoice();
      await findPostedInvoice(invoiceNo);
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  }, hookTimeout);

  it('a return order ships back: Return Qty. to Ship on its lines, Ship / Invoice / Ship and Invoice when posting', async () => {
    try {
      await page.getByRole('link', { name: 'Purchase Return Orders', exact: true }).click();
      await page.getByRole('link', { name: 'New' }).click();
      await page.getByLabel('Vendor No.').fill('V00010');
      await page.getByLabel('Vendor No.').press('Enter');
      await page.waitForURL(/\/purchases\/return-orders\/PRO\d+$/, slow);
      await expect.poll(() => hasFocus(page.getByLabel('No., new line')), slow).toBe(true);
      await page.keyboard.type('1000');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByLabel('Return Qty. to Ship, line 1').count(), slow).toBe(1);
      await page.getByLabel('Vendor Cr. Memo No.').waitFor(slow);
      await page.getByRole('button', { name: 'Post…' }).click();
      const dialog = page.getByRole('dialog', { name: /^Post Purchase Return Order/ });
      expect(await dialog.getByRole('radio').evaluateAll((radios) => radios.map((radio) => (radio as unknown as { value: string }).value)))
        .toEqual(['ship', 'invoice', 'shipAndInvoice']);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog', { name: /^Delete Purchase Return Order/ }).getByRole('button', { name: 'Yes' }).click();
      await page.waitForURL(/\/purchases\/return-orders$/, slow);
      await page.getByText('Nothing to show.').waitFor(slow);
    } catch (error) {
      await screenshot('return-order-failure');
      throw error;
    }
  }, hookTimeout);

  it('invoices a received order with Get Receipt Lines, and copies that invoice into another with Copy Document', async () => {
    try {
      await createOrder();
      await addItemLine();
      await post('Receive');
      await page.getByLabel('Quantity Received, line 1').filter({ hasText: '2' }).waitFor(slow);
      const receiptNo = (await notices().getByRole('link', { name: /^Posted Purchase Receipt PPR\d+$/ }).last().textContent())!.split(' ').at(-1)!;
      const invoiceNo = await newInvoice();
      await page.getByRole('button', { name: 'Get Receipt Lines…' }).click();
      const receiptLines = page.getByRole('dialog', { name: 'Get Receipt Lines' });
      await receiptLines.getByRole('checkbox', { name: `Select receipt ${receiptNo} line 10000` }).check();
      await receiptLines.getByRole('button', { name: 'OK' }).click();
      await receiptLines.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByLabel('No., line 2').inputValue(), slow).toBe('1000');
      expect(await page.getByLabel('Quantity, line 2').inputValue()).toBe('2');
      expect(await total('amountIncludingVat').textContent()).toBe('942,59');
      await screenshot('get-receipt-lines');

      await newInvoice();
      await page.getByRole('button', { name: 'Copy Document…' }).click();
      const copy = page.getByRole('dialog', { name: 'Copy Document' });
      await copy.getByLabel('Document Type').selectOption('invoice');
      await copy.getByLabel('Document No.').fill(invoiceNo);
      await copy.getByRole('button', { name: 'Copy' }).click();
      await copy.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByLabel('No., line 2').inputValue(), slow).toBe('1000');
      expect(await total('amountIncludingVat').textContent()).toBe('942,59');
      await screenshot('copy-document');
    } catch (error) {
      await screenshot('receipt-lines-failure');
      throw error;
    }
  }, hookTimeout);

  it('previews posting an order (vendor entry, G/L), posts it, and applies a vendor payment to its invoice with Apply Entries', async () => {
    try {
      await createOrder();
      await addItemLine();
      const vendorInvoiceNo = page.getByRole('textbox', { name: 'Vendor Invoice No.' });
      await vendorInvoiceNo.fill('GK-2026-0901');
      await vendorInvoiceNo.press('Tab');
      await previewReceiveAndInvoice();
      await post('Receive and Invoice');
      await page.waitForURL(/\/posted-purchases\/invoices\/PPI\d+$/, slow);
      const invoiceNo = page.url().split('/').at(-1)!;
      await page.getByRole('toolbar', { name: 'Actions' }).getByRole('link', { name: 'Find entries' }).click();
      await page.getByRole('heading', { name: `Find entries – ${invoiceNo}` }).waitFor(slow);
      await expect.poll(() => page.locator('[data-count="vendorLedgerEntries"]').textContent(), slow).toBe('1');
      await applyPayment(invoiceNo);
    } catch (error) {
      await screenshot('apply-payment-failure');
      throw error;
    }
  }, hookTimeout);

  it('creates a vendor on its card, finds it in the Vendors list, and starts a purchase order from it', async () => {
    try {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Vendors', exact: true }).click();
      await page.getByRole('heading', { name: 'Vendors' }).waitFor(slow);
      await page.getByRole('link', { name: 'New' }).click();
      const card = page.getByRole('form', { name: 'Vendor card' });
      await card.getByLabel('Name', { exact: true }).fill('Drukkerij Jansen');
      await card.getByLabel('City').fill('Arnhem');
      await card.getByLabel('Email').fill('geen adres');
      await card.getByRole('button', { name: 'Create' }).click();
      await card.getByText('must be an e-mail address').waitFor(slow);
      await card.getByLabel('Email').fill('orders@drukkerijjansen.nl');
      const [genBus, vatBus] = domesticPostingGroups;
      await chooseOptions(page, card, [genBus, vatBus, ['Vendor Posting Group', 'DOMESTIC', 'DOMESTIC – Domestic vendors']]);
      await card.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL(/\/vendors\/V\d+$/, slow);
      const vendorNo = page.url().split('/').at(-1)!;
      await page.getByRole('heading', { name: `${vendorNo} · Drukkerij Jansen` }).waitFor(slow);
      await expect.poll(() => page.locator('[data-figure="balanceLcy"]').textContent(), slow).toBe('0,00');
      await screenshot('vendor-card');

      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Vendors', exact: true }).click();
      const row = page.getByRole('table', { name: 'Vendors' }).getByRole('row').filter({ hasText: vendorNo });
      await expect.poll(() => row.textContent(), slow).toContain('Arnhem');
      await row.getByRole('link', { name: vendorNo }).click();
      await page.getByRole('heading', { name: `${vendorNo} · Drukkerij Jansen` }).waitFor(slow);
      await page.getByRole('button', { name: 'New Purchase Order' }).click();
      await page.getByRole('heading', { name: 'New Purchase Order' }).waitFor(slow);
      expect(await page.getByLabel('Vendor No.').inputValue()).toBe(vendorNo);
      await page.getByLabel('Vendor No.').press('Enter');
      await page.waitForURL(/\/purchases\/orders\/PO\d+$/, slow);
      await page.getByRole('heading', { name: /^Purchase Order PO\d+ · Drukkerij Jansen$/ }).waitFor(slow);
    } catch (error) {
      await screenshot('vendor-card-failure');
      throw error;
    }
  }, hookTimeout);

  /** Preview Posting asks what to post as posting does, then shows the entries; nothing is received. */
  async function previewReceiveAndInvoice() {
    await page.getByRole('button', { name: 'Preview Posting…' }).click();
    const options = page.getByRole('dialog', { name: /^Preview Posting – Purchase Order PO\d+$/ });
    await options.getByRole('radio', { name: 'Receive and Invoice', exact: true }).check();
    await options.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('dialog', { name: /^Posting Preview – Purchase Order PO\d+$/ });
    await expect.poll(() => preview.getByTestId('posting-preview-summary').textContent(), slow)
      .toMatch(/would create Posted Purchase Receipt PPR\d+, Posted Purchase Invoice PPI\d+\.$/);
    expect(Number(await preview.locator('[data-count="glEntries"]').textContent())).toBeGreaterThan(2);
    expect(await preview.locator('[data-total="glEntries.amount"]').textContent()).toBe('0,00');
    expect(await preview.locator('[data-count="vendorLedgerEntries"]').textContent()).toBe('1');
    await preview.getByRole('tab', { name: /^Vendor Ledger Entries/ }).click();
    expect(await preview.getByRole('table', { name: 'Vendor Ledger Entries' }).locator('tbody tr').textContent()).toContain('-942,59');
    await screenshot('preview');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached', ...slow });
    expect(await page.getByLabel('Quantity Received, line 1').textContent()).toBe('0');
  }

  /** A payment posted over the API (general journal), applied to the invoice on the Vendor Ledger Entries list: both close. */
  async function applyPayment(invoiceNo: string) {
    type VendorEntry = { entryNo: number; postingDate: string; documentNo: string; remainingAmount: string; open: boolean };
    const entries = async () => (await session.api.call<{ items: VendorEntry[] }>('GET', '/api/v1/vendorLedgerEntries?vendorNo=V00010&limit=1000')).items;
    const entryOf = async (documentNo: string) => (await entries()).find((entry) => entry.documentNo === documentNo)!;
    const { postingDate } = await entryOf(invoiceNo);
    await session.api.call('POST', '/api/v1/generalJournal/post', {
      lines: [{ postingDate, documentType: 'payment', documentNo: 'VP-E2E', accountType: 'vendor', accountNo: 'V00010', amount: '942.59', balAccountType: 'bankAccount', balAccountNo: 'CHECKING' }],
    });
    const payment = await entryOf('VP-E2E');
    await page.goto(`${session.server.address}/ledgers/vendor-ledger-entries?vendorNo=V00010`);
    await page.getByRole('button', { name: `Actions for entry ${payment.entryNo}` }).click(slow);
    await page.getByRole('menuitem', { name: 'Apply Entries…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply Vendor Entries – Payment VP-E2E' });
    await dialog.getByRole('checkbox', { name: `Apply Invoice ${invoiceNo}` }).check(slow);
    await expect.poll(() => dialog.getByTestId('apply-totals').textContent(), slow).toContain('Balance: 0,00');
    await dialog.getByRole('button', { name: 'Post Application' }).click();
    await notices().getByText(`Entry ${payment.entryNo} applied`).waitFor(slow);
    const list = page.getByRole('table', { name: 'Vendor Ledger Entries' });
    const openCell = async () => {
      const headers = await list.getByRole('columnheader').allTextContents();
      return list.getByRole('row').filter({ hasText: invoiceNo }).getByRole('cell').nth(headers.findIndex((header) => header.startsWith('Open'))).textContent();
    };
    await expect.poll(openCell, slow).toBe('No');
    await screenshot('vendor-entries-applied');
    expect([await entryOf(invoiceNo), await entryOf('VP-E2E')].map((entry) => [entry.remainingAmount, entry.open])).toEqual([['0.00', false], ['0.00', false]]);
    // The posted invoices list reads the same entry: nothing remains, and the invoice is Paid.
    await page.goto(`${session.server.address}/posted-purchases/invoices?buyFromVendorNo=V00010&sort=-remainingAmount`);
    await expect.poll(() => postedInvoiceCell(invoiceNo, 'Status'), slow).toBe('Paid');
    expect(await postedInvoiceCell(invoiceNo, 'Remaining Amount')).toBe('0,00');
    await screenshot('posted-invoice-paid');
  }

  /** A cell of a posted invoice's row on the Posted Purchase Invoices list, found by its column header. */
  async function postedInvoiceCell(invoiceNo: string, header: string): Promise<string | null> {
    const list = page.getByRole('table', { name: 'Posted Purchase Invoices' });
    const headers = await list.getByRole('columnheader').allTextContents();
    const row = list.getByRole('row').filter({ hasText: invoiceNo });
    if ((await row.count()) === 0) return null;
    return row.getByRole('cell').nth(headers.findIndex((text) => text.startsWith(header))).textContent();
  }

  async function newInvoice(): Promise<string> {
    await page.getByRole('link', { name: 'Purchase Invoices', exact: true }).click();
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByLabel('Vendor No.').fill('V00010');
    await page.getByLabel('Vendor No.').press('Enter');
    await page.waitForURL(/\/purchases\/invoices\/PI\d+$/, slow);
    await page.getByRole('button', { name: 'Copy Document…' }).waitFor(slow);
    return page.url().split('/').at(-1)!;
  }

  async function createOrder() {
    await page.getByRole('link', { name: 'Purchase Orders', exact: true }).click();
    await page.getByRole('heading', { name: 'Purchase Orders' }).waitFor(slow);
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByRole('heading', { name: 'New Purchase Order' }).waitFor(slow);
    await page.getByLabel('Vendor No.').fill('V00010');
    await page.getByLabel('Vendor No.').press('Enter');
    await page.waitForURL(/\/purchases\/orders\/PO\d+$/, slow);
    await page.getByRole('heading', { name: /^Purchase Order PO\d+ · Gelderse Kantoormeubelfabriek B\.V\.$/ }).waitFor(slow);
    expect(await page.getByTestId('document-status').textContent()).toBe('Open');
  }

  /** The lines grid of the sales pages, with the purchase columns: Direct Unit Cost from the item's Last Direct Cost, Qty. to Receive. */
  async function addItemLine() {
    const newLineNo = page.getByLabel('No., new line');
    await expect.poll(() => hasFocus(newLineNo), slow).toBe(true);
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    const quantity = page.getByLabel('Quantity, line 1');
    await expect.poll(() => hasFocus(quantity), slow).toBe(true);
    await page.keyboard.type('2');
    // While typing, the totals are the browser's preview; leaving the cell saves the line.
    await page.getByText('Preview – not saved yet').waitFor(slow);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Qty. to Receive, line 1').inputValue(), slow).toBe('2');
    await page.getByText('Preview – not saved yet').waitFor({ state: 'detached', ...slow });
    expect(await total('amountIncludingVat').textContent()).toBe('942,59');
    expect(await page.getByLabel('Direct Unit Cost Excl. VAT, line 1').inputValue()).toBe('389,50');
    expect(await page.getByLabel('Qty. to Invoice, line 1').inputValue()).toBe('2');
    expect(await page.locator('[data-line-no] [data-field-value="lineAmount"]').textContent()).toBe('779,00');
    expect(await total('amount').textContent()).toBe('779,00');
    expect(await total('vatAmount').textContent()).toBe('163,59');
    await screenshot('order');
  }

  async function post(choice: string) {
    await page.getByRole('button', { name: 'Post…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Post Purchase Order/ });
    await dialog.getByRole('radio', { name: choice, exact: true }).check();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The error text Mantine shows under an input (its aria-describedby). */
  async function fieldError(input: Locator): Promise<string | null> {
    if ((await input.getAttribute('aria-invalid')) !== 'true') return null;
    const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    return texts.join(' ');
  }

  async function postWithoutVendorInvoiceNo() {
    await post('Receive and Invoice');
    const vendorInvoiceNo = page.getByRole('textbox', { name: 'Vendor Invoice No.' });
    await expect.poll(() => fieldError(vendorInvoiceNo), slow).toMatch(/^Vendor Invoice No\. must have a value on purchase order PO\d+ before it can be posted/);
    await page.getByRole('alert').filter({ hasText: 'Vendor Invoice No. must have a value' }).waitFor(slow);
    // Refused: nothing was posted, the order is as it was.
    expect(await page.getByLabel('Quantity Received, line 1').textContent()).toBe('0');
    await screenshot('refused');
    await vendorInvoiceNo.fill('GK-2026-0815');
    await vendorInvoiceNo.press('Tab');
    await expect.poll(() => fieldError(vendorInvoiceNo), slow).toBeNull();
  }

  /** Posting everything deletes the order and opens the posted invoice; the notice links the receipt too. */
  async function receiveAndInvoice(): Promise<string> {
    await post('Receive and Invoice');
    await page.waitForURL(/\/posted-purchases\/invoices\/PPI\d+$/, slow);
    const invoiceNo = page.url().split('/').at(-1)!;
    await page.getByRole('heading', { name: `Posted Purchase Invoice ${invoiceNo} · Gelderse Kantoormeubelfabriek B.V.` }).waitFor(slow);
    await notices().getByRole('link', { name: /^Posted Purchase Receipt PPR\d+$/ }).waitFor(slow);
    await notices().getByRole('link', { name: `Posted Purchase Invoice ${invoiceNo}` }).waitFor(slow);
    expect(await total('amountIncludingVat').textContent()).toBe('942,59');
    const line = page.getByRole('table', { name: 'Lines' }).getByRole('row').filter({ hasText: '1000' });
    await expect.poll(() => line.textContent()).toContain('779,00');
    await screenshot('posted-invoice');
    return invoiceNo;
  }

  async function findPostedInvoice(invoiceNo: string) {
    await page.getByRole('link', { name: 'Posted Purchase Invoices', exact: true }).click();
    await page.getByRole('heading', { name: 'Posted Purchase Invoices' }).waitFor(slow);
    const row = page.getByRole('table', { name: 'Posted Purchase Invoices' }).getByRole('row').filter({ hasText: invoiceNo });
    await expect.poll(() => row.textContent(), slow).toContain('GK-2026-0815');
    expect(await row.textContent()).toContain('942,59');
    // A header click has the API sort all posted invoices; the sort is kept in the address.
    const list = page.getByRole('table', { name: 'Posted Purchase Invoices' });
    const sorted = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/postedPurchaseInvoices'
      && new URL(response.url()).searchParams.get('sort') === 'amountIncludingVat', slow);
    await list.getByRole('columnheader', { name: /^Amount Including VAT/ }).getByRole('button').click();
    expect((await sorted).status()).toBe(200);
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), slow).toBe('amountIncludingVat');
    await expect.poll(() => list.getByRole('columnheader', { name: /^Amount Including VAT/ }).getAttribute('aria-sort'), slow).toBe('ascending');
    await expect.poll(() => row.textContent(), slow).toContain('GK-2026-0815');
    // Nothing paid yet: all of it remains, and the status says Open; a click on Status has the API sort on it.
    expect(await postedInvoiceCell(invoiceNo, 'Remaining Amount')).toBe('942,59');
    expect(await postedInvoiceCell(invoiceNo, 'Status')).toBe('Open');
    const byStatus = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/postedPurchaseInvoices'
      && new URL(response.url()).searchParams.get('sort') === 'status', slow);
    await list.getByRole('columnheader', { name: /^Status/ }).getByRole('button').click();
    expect((await byStatus).status()).toBe(200);
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), slow).toBe('status');
    await expect.poll(() => row.textContent(), slow).toContain('GK-2026-0815');
    await row.getByRole('link', { name: invoiceNo }).click();
    await page.getByRole('heading', { name: new RegExp(`^Posted Purchase Invoice ${invoiceNo}`) }).waitFor(slow);
    // The page says where the invoice stands, as the list does.
    expect(await page.getByRole('group', { name: 'Invoicing' }).textContent()).toContain('Remaining Amount942,59');
    await page.getByText('Open', { exact: true }).first().waitFor(slow);
    // The order is gone: posting received and invoiced all of it.
    await page.getByRole('link', { name: 'Purchase Orders', exact: true }).click();
    await page.getByText('Nothing to show.').waitFor(slow);
  }
});
