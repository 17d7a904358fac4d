import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { hasFocus } from './support/focus.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Issue 16 on the web: an item's Sales Prepayment % rows, a customer's Prepayment %, and an order of
// 2 × item 1000 (649.00, VAT 21 %) with a 30 % prepayment: 389.40 is invoiced in advance (471.17 incl.
// VAT), the order waits in Pending Prepayment until it is paid, the batch releases it, and its
// invoice deducts the prepayment: 1,298.00 − 389.40 = 908.60, VAT 272.58 − 81.77 = 190.81. The demo
// company posts prepayments to account 1495 (series PS-PPI); the test turns Check Prepmt. when
// Posting on. Each step builds on the one before, so the steps are one test.
describe.skipIf(!chromiumAvailable())('a prepayment on a sales order, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const customerNo = 'CPREPAY';

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        await api.call('PATCH', '/api/v1/salesReceivablesSetup', { checkPrepaymentWhenPosting: true });
        await api.call('POST', '/api/v1/customers', {
          no: customerNo, name: 'Kantoorinrichting Vooruit', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC',
          paymentTermsCode: '14D', locationCode: 'MAIN',
        });
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `prepayment-${name}.png`), fullPage: true });
  const notices = () => page.getByRole('region', { name: 'Notifications' });
  const label = (text: string) => page.getByLabel(text, { exact: true });
  const figure = (field: string) => page.getByRole('group', { name: 'Order prepayment' }).locator(`[data-figure="${field}"]`);
  const minus = (text: string | null) => (text ?? '').replace(/\u2212/g, '-');
  const address = (path: string) => `${session.server.address}${path}`;

  it('invoices the prepayment, holds the order until it is paid, releases it and deducts the prepayment on its invoice', async () => {
    try {
      await itemPrepaymentPercents();
      await customerPrepaymentPercent();
      const orderNo = await createOrder();
      await refusedBeforePrepaymentInvoice(orderNo);
      const prepaymentNo = await postPrepaymentInvoice(orderNo);
      await refusedWhileUnpaid(prepaymentNo);
      await pay(orderNo, prepaymentNo);
      await releaseFromTheList(orderNo);
      await shipAndInvoice(orderNo);
      await seePrepaymentInvoice(orderNo, prepaymentNo);
    } catch (error) {
      await screenshot('failure');
      throw error;
    }
  }, hookTimeout);

  /** Item 1010's Sales Prepayment %: a row refused with its dates the wrong way round, added, changed and deleted. */
  async function itemPrepaymentPercents() {
    await page.goto(address('/items/1010'));
    const section = page.getByRole('group', { name: 'Sales prepayment percentages' });
    await section.getByText('No sales prepayment percentages.').waitFor(slow);
    await section.getByRole('button', { name: 'Add Prepayment %' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Sales Prepayment % to item 1010' });
    await dialog.getByLabel('Sales Code').fill(customerNo);
    await dialog.getByLabel('Sales Code').press('Tab');
    await dialog.getByLabel('Starting Date').fill('10-12-2026');
    await dialog.getByLabel('Starting Date').press('Tab');
    await dialog.getByLabel('Ending Date').fill('01-12-2026');
    await dialog.getByLabel('Ending Date').press('Tab');
    await dialog.getByLabel('Prepayment %').fill('20');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByText('Starting Date must not be after Ending Date.').waitFor(slow);
    expect(await dialog.getByLabel('Starting Date').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Ending Date').fill('31-12-2026');
    await dialog.getByLabel('Ending Date').press('Tab');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'detached', ...slow });
    const row = section.locator(`tr[data-row="Customer ${customerNo}"]`);
    await expect.poll(() => row.locator('[data-field-value="prepaymentPercent"]').textContent(), slow).toBe('20');
    expect(await row.locator('td').nth(2).textContent()).toBe('10-12-2026');
    await screenshot('item-row');

    await section.getByRole('button', { name: `Edit Customer ${customerNo}` }).click();
    const edit = page.getByRole('dialog', { name: 'Sales Prepayment % of item 1010' });
    await edit.getByLabel('Prepayment %').fill('25');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.locator('[data-field-value="prepaymentPercent"]').textContent(), slow).toBe('25');
    const [saved] = (await session.api.call<{ items: Array<{ salesCode: string; prepaymentPercent: string; endingDate: string }> }>('GET', '/api/v1/salesPrepaymentPercents?itemNo=1010')).items;
    expect(saved).toMatchObject({ salesCode: customerNo, prepaymentPercent: '25.00000', endingDate: '2026-12-31' });

    await section.getByRole('button', { name: `Delete Customer ${customerNo}` }).click();
    await page.getByRole('dialog', { name: 'Delete Sales Prepayment %' }).getByRole('button', { name: 'Yes' }).click();
    await section.getByText('No sales prepayment percentages.').waitFor(slow);
  }

  /** The customer's Prepayment % on the card: the default of its orders. */
  async function customerPrepaymentPercent() {
    await page.goto(address(`/customers/${customerNo}`));
    const card = page.getByRole('form', { name: 'Customer card' });
    await card.getByLabel('Prepayment %', { exact: true }).fill('10');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await session.api.call<{ prepaymentPercent: string }>('GET', `/api/v1/customers/${customerNo}`)).prepaymentPercent, slow)
      .toBe('10.00000');
  }

  /**
   * A new order takes the customer's 10 %; a line of 2 × 1000 requires 129.80. The header's 30 %
   * (after a confirmation) sets the line's; a Prepmt. Line Amount above the line amount is refused
   * on its cell, and a typed amount sets the percentage.
   */
  async function createOrder(): Promise<string> {
    await page.getByRole('link', { name: 'Sales Orders', exact: true }).click();
    await page.getByRole('heading', { name: 'Sales Orders' }).waitFor(slow);
    await page.getByRole('link', { name: 'New' }).click();
    await label('Customer No.').fill(customerNo);
    await label('Customer No.').press('Enter');
    await page.waitForURL(/\/sales\/orders\/SO\d+$/, slow);
    const orderNo = page.url().split('/').at(-1)!;
    await page.getByRole('heading', { name: `Sales Order ${orderNo} · Kantoorinrichting Vooruit` }).waitFor(slow);
    expect(await label('Prepayment %').inputValue()).toBe('10');
    expect(await label('Compress Prepayment').isChecked()).toBe(true);
    // The prepayment terms follow the customer's payment terms (14D): due two weeks after the document date.
    expect(await label('Prepmt. Payment Terms Code').inputValue()).toBe('14D');
    expect(await label('Show prepayment columns').isChecked()).toBe(false);

    await expect.poll(() => hasFocus(label('No., new line')), slow).toBe(true);
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(label('Quantity, line 1')), slow).toBe(true);
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    // The line has a prepayment: the columns show by themselves.
    await expect.poll(() => label('Prepmt. Line Amount, line 1').inputValue(), slow).toBe('129,80');
    expect(await label('Show prepayment columns').isChecked()).toBe(true);
    expect(await label('Prepayment %, line 1').inputValue()).toBe('10');

    await label('Prepayment %').fill('30');
    await label('Prepayment %').press('Tab');
    await page.getByRole('dialog', { name: 'Change Prepayment %' }).getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => label('Prepmt. Line Amount, line 1').inputValue(), slow).toBe('389,40');
    expect(await label('Prepayment %, line 1').inputValue()).toBe('30');
    expect(await label('Prepmt. Amt. Inv., line 1').textContent()).toBe('0,00');

    const lineAmount = label('Prepmt. Line Amount, line 1');
    await lineAmount.fill('1300');
    await lineAmount.press('Tab');
    await expect.poll(() => lineAmount.getAttribute('aria-invalid'), slow).toBe('true');
    await page.getByText(/Prepmt\. Line Amount of line 10000/).waitFor(slow);
    await lineAmount.fill('649');
    await lineAmount.press('Tab');
    await expect.poll(() => label('Prepayment %, line 1').inputValue(), slow).toBe('50');
    await lineAmount.fill('389,40');
    await lineAmount.press('Tab');
    await expect.poll(() => label('Prepayment %, line 1').inputValue(), slow).toBe('30');
    await expect.poll(() => page.locator('[data-total="amountIncludingVat"]').textContent(), slow).toBe('1.570,58');
    // Nothing is invoiced yet: the panel shows what is required.
    await expect.poll(() => figure('required').textContent(), slow).toBe('389,40');
    expect(await figure('toInvoice').textContent()).toBe('389,40');
    await screenshot('order');
    return orderNo;
  }

  async function post(choice: 'Ship' | 'Ship and Invoice') {
    await page.getByRole('button', { name: 'Post…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Post Sales Order/ });
    await dialog.getByRole('radio', { name: choice, exact: true }).check();
    await dialog.getByRole('button', { name: 'OK' }).click();
  }

  /** Without the prepayment invoice the order neither ships nor is released. */
  async function refusedBeforePrepaymentInvoice(orderNo: string) {
    await post('Ship');
    await page.getByRole('alert').filter({ hasText: `cannot be posted: the prepayment of line 10000 of order ${orderNo} is not fully invoiced` }).waitFor(slow);
    await page.getByRole('button', { name: 'Release' }).click();
    await page.getByRole('alert').filter({ hasText: `Order ${orderNo} cannot be released: there are unposted prepayment amounts` }).waitFor(slow);
    expect(await page.getByTestId('document-status').textContent()).toBe('Open');
  }

  /** Post Prepayment Invoice…: 389.40 + 81.77 VAT; the order is Pending Prepayment and the panel shows the invoice, unpaid. */
  async function postPrepaymentInvoice(orderNo: string): Promise<string> {
    await page.getByRole('button', { name: 'Post Prepayment Invoice…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post Prepayment Invoice' });
    await dialog.getByText(`Do you want to post the prepayments for Sales Order ${orderNo} to an invoice?`).waitFor();
    await dialog.getByRole('button', { name: 'Yes' }).click();
    const link = notices().getByRole('link', { name: /^Posted Sales Invoice PSP\d+$/ });
    await link.waitFor(slow);
    const prepaymentNo = (await link.textContent())!.split(' ').at(-1)!;
    await notices().getByText(`Prepayment Invoice ${prepaymentNo} posted`).waitFor();
    await notices().getByText(/389,40 excl\. VAT, 471,17 incl\. VAT/).waitFor();
    await expect.poll(() => page.getByTestId('document-status').textContent(), slow).toBe('Pending Prepayment');
    expect(await label('Last Prepayment No.').inputValue()).toBe(prepaymentNo);
    await expect.poll(() => label('Prepmt. Amt. Inv., line 1').textContent(), slow).toBe('389,40');
    expect(await label('Prepmt Amt to Deduct, line 1').inputValue()).toBe('389,40');
    // Amounts excl. VAT; only what is unpaid is the customer's debt, incl. VAT.
    await expect.poll(() => figure('invoiced').textContent(), slow).toBe('389,40');
    expect(await figure('toInvoice').textContent()).toBe('0,00');
    expect(await figure('deducted').textContent()).toBe('0,00');
    expect(await figure('toDeduct').textContent()).toBe('389,40');
    expect(await figure('unpaid').textContent()).toBe('471,17');
    const row = page.getByRole('table', { name: 'Prepayment documents' }).locator(`tr[data-document="${prepaymentNo}"]`);
    expect(await row.locator('td').first().textContent()).toBe('Prepayment Invoice');
    expect(await row.locator('[data-field-value="amount"]').textContent()).toBe('389,40');
    expect(await row.locator('[data-field-value="remainingAmount"]').textContent()).toBe('471,17');
    expect(await row.getByRole('link', { name: prepaymentNo }).getAttribute('href')).toBe(`/posted/invoices/${prepaymentNo}`);
    await screenshot('pending-prepayment');
    return prepaymentNo;
  }

  /** Check Prepmt. when Posting: an unpaid prepayment invoice keeps the order from shipping. */
  async function refusedWhileUnpaid(prepaymentNo: string) {
    await post('Ship');
    await page.getByRole('alert').filter({ hasText: `prepayment invoice ${prepaymentNo} is not fully paid (remaining 471.17)` }).waitFor(slow);
    expect(await page.getByTestId('document-status').textContent()).toBe('Pending Prepayment');
  }

  /** The customer pays the prepayment invoice to the bank: a general journal payment applied to it. */
  async function pay(orderNo: string, prepaymentNo: string) {
    const order = await session.api.call<{ postingDate: string }>('GET', `/api/v1/salesOrders/${orderNo}`);
    await session.api.call('POST', '/api/v1/generalJournal/post', {
      lines: [{
        postingDate: order.postingDate, documentType: 'payment', documentNo: 'PREPAY-1', accountType: 'customer', accountNo: customerNo, amount: '-471.17',
        balAccountType: 'bankAccount', balAccountNo: 'CHECKING', appliesToDocType: 'invoice', appliesToDocNo: prepaymentNo,
      }],
    });
    await page.reload();
    await expect.poll(() => figure('unpaid').textContent(), slow).toBe('0,00');
    expect(await page.getByTestId('document-status').textContent()).toBe('Pending Prepayment');
  }

  /** Update Pending Prepayment Orders on the list releases the paid order. */
  async function releaseFromTheList(orderNo: string) {
    await page.goto(address('/sales/orders?status=pendingPrepayment'));
    await page.getByRole('link', { name: orderNo }).waitFor(slow);
    await page.getByRole('button', { name: 'Update Pending Prepayment Orders…' }).click();
    await page.getByRole('dialog', { name: 'Update Pending Prepayment Orders' }).getByRole('button', { name: 'OK' }).click();
    await notices().getByText(new RegExp(`orders? released: (.*, )?${orderNo}(,|\\.)`)).waitFor(slow);
    // Released, it leaves the list of orders in Pending Prepayment.
    await expect.poll(() => page.getByRole('link', { name: orderNo }).count(), slow).toBe(0);
    await page.goto(address(`/sales/orders/${orderNo}`));
    await expect.poll(() => page.getByTestId('document-status').textContent(), slow).toBe('Released');
  }

  /** Ship and Invoice: the invoice deducts the prepayment on a line of its own, so it asks only for the rest. */
  async function shipAndInvoice(orderNo: string) {
    await post('Ship and Invoice');
    await notices().getByText(`Sales Order ${orderNo} posted`).waitFor(slow);
    await page.waitForURL(/\/posted\/invoices\/PSI\d+$/, slow);
    const lines = page.getByRole('table', { name: 'Lines' });
    const deduction = lines.locator('tbody tr').filter({ has: page.getByTestId('prepayment-deduction') });
    await deduction.waitFor(slow);
    expect(await lines.locator('tbody tr').count()).toBe(2);
    expect(await deduction.locator('td').nth(1).textContent()).toBe('1495');
    expect(minus(await deduction.locator('td').nth(7).textContent())).toBe('-389,40');
    expect(await page.locator('[data-total="amount"]').textContent()).toBe('908,60');
    expect(await page.locator('[data-total="vatAmount"]').textContent()).toBe('190,81');
    expect(await page.locator('[data-total="amountIncludingVat"]').textContent()).toBe('1.099,41');
    expect(await page.getByTestId('posted-status').getByText(/Prepayment/).count()).toBe(0);
    await screenshot('invoice');
  }

  /** The prepayment invoice is marked as one, with its order, on the list and on its page. */
  async function seePrepaymentInvoice(orderNo: string, prepaymentNo: string) {
    await page.goto(address(`/posted/invoices?sellToCustomerNo=${customerNo}`));
    const row = page.locator('tbody tr').filter({ has: page.getByRole('link', { name: prepaymentNo, exact: true }) });
    await row.getByText(`Prepayment · ${orderNo}`).waitFor(slow);
    await row.getByRole('link', { name: prepaymentNo, exact: true }).click();
    await page.waitForURL(new RegExp(`/posted/invoices/${prepaymentNo}$`), slow);
    await page.getByTestId('posted-status').getByText(`Prepayment · ${orderNo}`).waitFor(slow);
    await page.getByText('Prepayment Order No.').waitFor();
    expect(await page.locator('[data-total="amount"]').textContent()).toBe('389,40');
    expect(await page.locator('[data-total="amountIncludingVat"]').textContent()).toBe('471,17');
    expect(await page.getByTestId('prepayment-deduction').count()).toBe(0);
    await screenshot('prepayment-invoice');
  }
});
