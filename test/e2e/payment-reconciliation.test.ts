import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camt053, type CamtEntry } from '../support/camt053.ts';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type ApiSession, type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

const bankAccountNo = 'RECON';
const iban = 'NL91ABNA0417164300';
const customerNo = 'C00060';
const customerName = 'Noordelijk Onderwijscollectief';

interface CustomerEntry { entryNo: number; documentNo: string; postingDate: string; remainingAmount: string; open: boolean }
interface BankEntry { amount: string; open: boolean; statementStatus: string; statementNo: string | null; statementLineNo: number | null }

// On the demo company, a new bank account RECON (posting to G/L 1020 through group CHECKING) with
// a match tolerance of ± 1.00, and customer C00060 (30 days, no discount) with two invoices of
// 1,210.00 and 484.00 (1,000.00 and 400.00 + 21 % VAT). The statement pays the first naming it and
// the customer (High), the second 0.50 short with no name or number (amount only: Low, to review),
// and takes a bank fee of 2.50 that nothing matches until its text is mapped to G/L 4600.
describe.skipIf(!chromiumAvailable())('the payment reconciliation journal, in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let api: ApiSession;
  let invoices: CustomerEntry[];

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (opened) => {
        api = opened;
        await api.call('POST', '/api/v1/bankAccounts', {
          no: bankAccountNo, name: 'Reconciliation test account', iban, bankAccPostingGroup: 'CHECKING', matchToleranceType: 'amount', matchToleranceValue: '1',
        });
        const documentNos = [await api.postInvoice(customerNo, '1000'), await api.postInvoice(customerNo, '400')];
        invoices = await Promise.all(documentNos.map(async (documentNo) => (await customerEntries()).find((entry) => entry.documentNo === documentNo)!));
      },
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `payment-reconciliation-${name}.png`), fullPage: true });
  const customerEntries = async () =>
    (await api.call<{ items: CustomerEntry[] }>('GET', `/api/v1/customerLedgerEntries?customerNo=${customerNo}&limit=100`)).items;
  const bankEntries = async () =>
    (await api.call<{ items: BankEntry[] }>('GET', `/api/v1/bankAccountLedgerEntries?bankAccountNo=${bankAccountNo}&limit=100`)).items;
  const lineRows = () => page.getByRole('table', { name: 'Statement lines' }).locator('tbody tr');
  const row = (lineNo: number) => page.locator(`tr[data-line-no="${lineNo}"]`);
  const drawer = (lineNo: number) => page.getByRole('dialog', { name: `Why? Line ${lineNo}` });

  /** Picks the file in the browser's file chooser, as a user does after pressing the import button. */
  async function chooseFile(name: string, mimeType: string, content: string) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', slow), page.getByRole('button', { name: 'Import Bank Statement…' }).click()]);
    await chooser.setFiles({ name, mimeType, buffer: Buffer.from(content) });
  }
  const importFile = (fileName: string, entries: readonly CamtEntry[], fileIban = iban) =>
    chooseFile(fileName, 'application/xml', camt053({ iban: fileIban, entries, id: fileName }));

  it('imports a camt.053 statement, reviews and accepts the Low match, maps the fee, posts and reconciles', async () => {
    try {
      const [first, second] = invoices as [CustomerEntry, CustomerEntry];
      const date = first.postingDate;
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payment Reconciliation Journals' }).click();
      await page.getByRole('heading', { name: 'Payment Reconciliation Journals' }).waitFor(slow);
      await page.getByLabel('Bank Account').selectOption(bankAccountNo);
      await page.getByTestId('bank-account-facts').getByText(iban).waitFor(slow);

      // A statement of another account is refused with the server's reason, and imports nothing.
      await importFile('other-account.xml', [{ amount: '10.00', date, text: 'x' }], 'DE89370400440532013000');
      const refused = page.getByRole('alert', { name: 'The file was not imported' });
      await refused.waitFor(slow);
      expect(await refused.getByTestId('import-problem').textContent()).toContain('other-account.xml is a statement of account DE89370400440532013000');
      expect(await page.getByText('The bank account has no open payment reconciliation journal.').count()).toBe(1);

      await importFile('statement-1.xml', [
        { amount: '1210.00', date, text: `Invoice ${first.documentNo}`, name: customerName },
        { amount: '483.50', date, text: 'Payment' },
        { amount: '-2.50', date, text: 'Bank charges March' },
      ]);
      const result = page.getByRole('status', { name: 'statement-1.xml imported' });
      await result.waitFor(slow);
      expect(await result.locator('[data-count="imported"]').textContent()).toMatch(/^3 transaction\(s\) imported/);
      expect(await result.locator('[data-count="skipped"]').textContent()).toMatch(/^0 skipped/);
      expect(await result.locator('[data-count="applied"]').textContent()).toMatch(/^2 applied automatically/);
      await result.getByRole('link', { name: 'Open statement 1' }).click();

      await page.getByRole('heading', { name: `Payment Reconciliation Journal ${bankAccountNo} 1` }).waitFor(slow);
      await expect.poll(() => lineRows().count(), slow).toBe(3);
      expect(await page.getByLabel('Statement Ending Balance').inputValue()).toBe('1691,00');
      expect(await page.locator('[data-field="balanceAfterPosting"]').textContent()).toBe('1.691,00');
      expect(await lineRows().locator('[data-confidence]').evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-confidence'))))
        .toEqual(['high', 'low', 'none']);
      await screenshot('imported');

      await reviewAndAccept(second);
      await refusedWhileFeeUnapplied();
      await mapFeeToAccount();
      await testReport();
      await postAndReconcile();
    } catch (error) {
      await screenshot('failure');
      throw error;
    }

    const entries = await customerEntries();
    const [first, second] = invoices.map((invoice) => entries.find((entry) => entry.entryNo === invoice.entryNo)!);
    expect([first!.open, first!.remainingAmount]).toEqual([false, '0.00']);
    expect([second!.open, second!.remainingAmount]).toEqual([true, '0.50']);
    const bank = await bankEntries();
    expect(bank.map((entry) => [entry.amount, entry.open, entry.statementStatus, entry.statementNo, entry.statementLineNo]).sort())
      .toEqual([['-2.50', false, 'closed', '1', 30000], ['1210.00', false, 'closed', '1', 10000], ['483.50', false, 'closed', '1', 20000]]);
    const account = await api.call<{ lastStatementNo: string; balanceLastStatement: string }>('GET', `/api/v1/bankAccounts/${bankAccountNo}`);
    expect([account.lastStatementNo, account.balanceLastStatement]).toEqual(['1', '1691.00']);
  }, hookTimeout);

  // Goes on from the first test: the second invoice has 0.50 left, the bank account's balance is 1,691.00.
  it('types a line by hand, applies it manually, transfers the difference (split), corrects the ending balance and posts payments only', async () => {
    try {
      const second = invoices[1]!;
      await page.getByRole('button', { name: 'New Journal' }).click();
      await page.getByRole('heading', { name: `Payment Reconciliation Journal ${bankAccountNo} 2` }).waitFor(slow);
      expect(await page.locator('[data-field="balanceLastStatement"]').textContent()).toBe('1.691,00');

      await page.getByRole('button', { name: 'Add Line…' }).click();
      const adding = page.getByRole('dialog', { name: 'Add Statement Line' });
      await adding.getByLabel('Transaction Text').fill('Rest and extra');
      await adding.getByLabel('Statement Amount').fill('10,50');
      await adding.getByRole('button', { name: 'Add Line' }).click();
      await adding.waitFor({ state: 'detached', ...slow });
      await row(10000).locator('[data-confidence="none"]').waitFor(slow);

      await page.getByRole('button', { name: 'Why? Line 10000' }).click();
      const review = drawer(10000);
      await review.getByRole('button', { name: 'Apply Manually…' }).click();
      await review.getByLabel('Customer No.').fill(customerNo);
      await review.getByLabel('Customer No.').press('Enter');
      await review.getByRole('checkbox', { name: `Apply Invoice ${second.documentNo}` }).check();
      await review.getByRole('button', { name: 'Apply', exact: true }).click();
      // Blank Applied Amount: what the invoice still has, 0.50 of the line's 10.50.
      await review.locator('[data-confidence="manual"]').waitFor(slow);
      expect(await review.getByTestId('line-applied-amount').textContent()).toBe('0,50');
      expect(await review.getByTestId('line-difference').textContent()).toBe('10,00');

      await review.getByRole('button', { name: 'Transfer Difference to Account…' }).click();
      expect(await review.getByTestId('transfer-amount').textContent()).toBe('10,00');
      await review.getByLabel('Account No.').fill('4900');
      await review.getByLabel('Account No.').press('Tab');
      await review.getByRole('button', { name: 'Transfer', exact: true }).click();
      await expect.poll(() => review.getByTestId('line-difference').textContent(), slow).toBe('0,00');
      expect(await review.getByTestId('line-statement-amount').textContent()).toBe('0,50');
      await page.keyboard.press('Escape');
      await review.waitFor({ state: 'hidden', ...slow });
      await expect.poll(() => lineRows().count(), slow).toBe(2);
      expect(await row(20000).locator('[data-column="statementAmount"]').textContent()).toBe('10,00');

      // The new statement starts at the last one's balance: the bank's ending balance is typed in.
      await page.getByTestId('ending-balance-hint').waitFor(slow);
      await page.getByLabel('Statement Ending Balance').fill('1701,50');
      await page.getByLabel('Statement Ending Balance').press('Tab');
      await page.getByTestId('ending-balance-hint').waitFor({ state: 'detached', ...slow });

      await page.getByRole('button', { name: 'Post…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Post Payment Reconciliation Journal' });
      await dialog.getByRole('radio', { name: 'Post Payments Only' }).check();
      await dialog.getByRole('button', { name: 'Post', exact: true }).click();
      const posted = page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: 'Statement 2 posted' });
      await posted.waitFor(slow);
      expect(await posted.textContent()).not.toContain('reconciled');
    } catch (error) {
      await screenshot('manual-failure');
      throw error;
    }

    const invoice = (await customerEntries()).find((entry) => entry.entryNo === invoices[1]!.entryNo)!;
    expect([invoice.open, invoice.remainingAmount]).toEqual([false, '0.00']);
    const open = (await bankEntries()).filter((entry) => entry.open);
    expect(open.map((entry) => [entry.amount, entry.statementStatus]).sort()).toEqual([['0.50', 'open'], ['10.00', 'open']]);
  }, hookTimeout);

  // Goes on from the second test, on the bank account's journals (none open). The demo company maps the
  // text "Kosten zakelijk betalingsverkeer" to G/L 4600 Bank charges.
  it('sets up the Statement CSV Format, imports a CSV file with it, deletes a journal, and is refused deleting one posted meanwhile', async () => {
    try {
      await page.getByRole('heading', { name: 'Payment Reconciliation Journals' }).waitFor(slow);
      await setUpCsvFormat();
      const isoDate = invoices[0]!.postingDate;
      const date = `${isoDate.slice(8, 10)}-${isoDate.slice(5, 7)}-${isoDate.slice(0, 4)}`;
      const fee = await importCsv('fee.csv', `Datum;Bedrag;Omschrijving;Naam\n${date};-7,50;Kosten zakelijk betalingsverkeer;ING Bank\n`, 1);
      const deposit = `Datum;Bedrag;Omschrijving;Naam\n${date};1.100,00;Storting;Kas\n`;
      await importCsv('deposit.csv', deposit, 0);
      await page.locator('tr[data-statement-no="4"]').waitFor(slow);
      await screenshot('csv-imported');

      // Statement 3 is posted elsewhere while the list still shows it: deleting it is refused, saying why.
      await api.call('POST', `/api/v1/bankAccounts/${bankAccountNo}/paymentReconciliations/${fee}/post`, { reconcile: false });
      await page.getByRole('button', { name: `Delete statement ${fee}` }).click();
      const deleting = page.getByRole('dialog', { name: 'Delete Payment Reconciliation Journal' });
      await deleting.getByRole('button', { name: 'Delete', exact: true }).click();
      const refused = deleting.getByRole('alert', { name: 'The journal was not deleted' });
      await refused.waitFor(slow);
      expect(await refused.getByTestId('delete-problem').textContent()).toContain(`Payment Reconciliation Journal ${bankAccountNo} ${fee} has already been posted`);
      await screenshot('delete-refused');
      await deleting.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => page.locator(`tr[data-statement-no="${fee}"]`).count(), slow).toBe(0);

      await page.getByRole('button', { name: 'Delete statement 4' }).click();
      expect(await deleting.textContent()).toContain(`Delete journal ${bankAccountNo} 4 with its 1 line(s)?`);
      await deleting.getByRole('button', { name: 'Delete', exact: true }).click();
      await deleting.waitFor({ state: 'detached', ...slow });
      await page.getByText('The bank account has no open payment reconciliation journal.').waitFor(slow);
      // Deleted, its transaction may be imported again.
      await importCsv('deposit.csv', deposit, 0);
    } catch (error) {
      await screenshot('csv-failure');
      throw error;
    }
    const journals = await api.call<{ items: { statementNo: string; lineCount: number }[] }>('GET', `/api/v1/bankAccounts/${bankAccountNo}/paymentReconciliations`);
    expect(journals.items.map((journal) => [journal.statementNo, journal.lineCount])).toEqual([['5', 1]]);
    const fees = (await bankEntries()).filter((entry) => entry.amount === '-7.50');
    expect(fees.map((entry) => [entry.open, entry.statementStatus])).toEqual([[true, 'open']]);
  }, hookTimeout);

  /**
   * The Statement CSV Format dialog: a format without an amount column is refused by the API with its
   * reason, a column 0 by the form (columns count from 1); saved, the mapping counts from 0.
   */
  async function setUpCsvFormat() {
    await page.getByRole('button', { name: 'Statement CSV Format…' }).click();
    const dialog = page.getByRole('dialog', { name: `Statement CSV Format – ${bankAccountNo}` });
    const field = (label: string) => dialog.getByRole('textbox', { name: label, exact: true });
    await field('Date column').fill('1');
    await field('Text column').fill('Omschrijving');
    await field('Counterparty name column').fill('4');
    await dialog.getByLabel('Thousands separator').selectOption('.');
    await dialog.getByLabel('Date format').selectOption('DD-MM-YYYY');
    await dialog.getByRole('button', { name: 'Save Format' }).click();
    const problem = dialog.getByRole('alert', { name: 'The format was not saved' });
    await problem.waitFor(slow);
    expect(await problem.getByTestId('csv-format-problem').textContent()).toContain('needs an amount column, or a debit and a credit column');
    await field('Amount column').fill('0');
    await dialog.getByRole('button', { name: 'Save Format' }).click();
    await dialog.getByText('columns are numbered from 1', { exact: true }).waitFor(slow);
    expect(await field('Amount column').getAttribute('aria-invalid')).toBe('true');
    await screenshot('csv-format');
    await field('Amount column').fill('Bedrag');
    await dialog.getByRole('button', { name: 'Save Format' }).click();
    await dialog.waitFor({ state: 'detached', ...slow });
    await expect.poll(() => page.getByTestId('csv-format-summary').textContent(), slow).toBe('CSV: Semicolon (;), dates DD-MM-YYYY');
    const account = await api.call<{ statementCsvMapping: unknown }>('GET', `/api/v1/bankAccounts/${bankAccountNo}`);
    expect(account.statementCsvMapping).toEqual({
      delimiter: ';', headerRow: true, dateColumn: 0, amountColumn: 'Bedrag', textColumn: 'Omschrijving', counterpartyNameColumn: 3,
      decimalSeparator: ',', thousandsSeparator: '.', dateFormat: 'DD-MM-YYYY',
    });
    // Opened again, the form shows the saved format as typed.
    await page.getByRole('button', { name: 'Statement CSV Format…' }).click();
    expect(await field('Date column').inputValue()).toBe('1');
    expect(await field('Counterparty name column').inputValue()).toBe('4');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', ...slow });
  }

  /** Imports a CSV file of one transaction; the statement no. it went into. */
  async function importCsv(fileName: string, content: string, applied: number): Promise<string> {
    await chooseFile(fileName, 'text/csv', content);
    const result = page.getByRole('status', { name: `${fileName} imported` });
    await result.waitFor(slow);
    expect(await result.locator('[data-count="imported"]').textContent()).toMatch(/^1 transaction\(s\) imported as lines into statement \d+ \(csv\)/);
    expect(await result.locator('[data-count="applied"]').textContent()).toMatch(new RegExp(`^${applied} applied automatically`));
    const statementNo = /statement (\d+)/.exec((await result.locator('[data-count="imported"]').textContent())!)![1]!;
    await result.getByRole('button', { name: 'Close' }).click();
    return statementNo;
  }

  /** Lines to Review shows the amount-only line; its drawer says why (Low, amount one match, no party or number); Accept. */
  async function reviewAndAccept(invoice: CustomerEntry) {
    const filters = page.getByRole('group', { name: 'Show lines' });
    await filters.getByRole('button', { name: /Lines to Review/ }).click();
    await expect.poll(() => lineRows().count(), slow).toBe(1);
    expect(await lineRows().first().getAttribute('data-line-no')).toBe('20000');
    await page.getByRole('button', { name: 'Why? Line 20000' }).click();
    const review = drawer(20000);
    await review.getByTestId('match-rule').waitFor(slow);
    expect(await review.getByTestId('match-rule').textContent()).toContain('Low confidence');
    expect(await review.locator('[data-criterion="amount"] [data-result]').getAttribute('data-result')).toBe('oneMatch');
    expect(await review.locator('[data-criterion="relatedParty"] [data-result]').getAttribute('data-result')).toBe('no');
    expect(await review.locator('[data-criterion="documentNo"] [data-result]').getAttribute('data-result')).toBe('no');
    const applied = review.getByRole('table', { name: 'Applied entries' }).locator(`tr[data-document-no="${invoice.documentNo}"]`);
    expect(await applied.getByRole('cell').allTextContents()).toContain('483,50');
    await screenshot('review');
    await review.getByRole('button', { name: 'Accept', exact: true }).click();
    await review.locator('[data-confidence="accepted"]').waitFor(slow);
    await page.keyboard.press('Escape');
    await review.waitFor({ state: 'hidden', ...slow });
    await page.getByText('No line needs a review.').waitFor(slow);
    await filters.getByRole('button', { name: /^All/ }).click();
    await expect.poll(() => lineRows().count(), slow).toBe(3);
  }

  /** Posting with the fee applied to nothing is refused, naming the line, which is marked. */
  async function refusedWhileFeeUnapplied() {
    await page.getByRole('button', { name: 'Post…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post Payment Reconciliation Journal' });
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    const problem = dialog.getByRole('alert', { name: 'The journal cannot be posted' });
    await problem.waitFor(slow);
    expect(await problem.getByTestId('post-problem').textContent()).toContain("Statement line 30000 ('Bank charges March') is not applied");
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => row(30000).getAttribute('data-invalid'), slow).toBe('true');
    expect(await row(20000).getAttribute('data-invalid')).toBeNull();
    expect(await bankEntries()).toEqual([]);
  }

  /** Map Text to Account from the fee's drawer: the mapping text is the transaction text; money out posts to G/L 4600. */
  async function mapFeeToAccount() {
    await page.getByRole('button', { name: 'Why? Line 30000' }).click();
    const review = drawer(30000);
    await review.getByRole('button', { name: 'Map Text to Account…' }).click();
    expect(await review.getByLabel('Mapping Text').inputValue()).toBe('Bank charges March');
    await review.getByLabel('Credit Acc. No. (money paid out)').fill('4600');
    await review.getByLabel('Credit Acc. No. (money paid out)').press('Tab');
    await review.getByRole('button', { name: 'Save Mapping' }).click();
    await review.locator('[data-confidence="highTextToAccountMapping"]').waitFor(slow);
    expect(await review.getByTestId('text-mapping').textContent()).toContain('G/L Account 4600');
    await page.keyboard.press('Escape');
    await review.waitFor({ state: 'hidden', ...slow });
    await row(30000).locator('[data-confidence="highTextToAccountMapping"]').waitFor(slow);
  }

  /** The Test Report lists what posting would write and writes nothing. */
  async function testReport() {
    await page.getByRole('button', { name: 'Test Report' }).click();
    const report = page.getByRole('dialog', { name: 'Test Report' });
    await report.getByText('Nothing has been posted').waitFor(slow);
    expect(await report.locator('[data-count="bankAccountLedgerEntries"]').textContent()).toBe('3');
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'detached', ...slow });
    expect(await bankEntries()).toEqual([]);
  }

  async function postAndReconcile() {
    await page.getByRole('button', { name: 'Post…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post Payment Reconciliation Journal' });
    expect(await dialog.getByRole('radio', { name: 'Post Payments and Reconcile Bank Account' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    const posted = page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: 'Statement 1 posted and reconciled' });
    await posted.waitFor(slow);
    expect(await posted.getByTestId('posted-statement').textContent()).toContain('3 line(s) of bank account RECON; its entries are closed as reconciled.');
    await page.getByRole('heading', { name: 'Payment Reconciliation Journals' }).waitFor(slow);
    await page.getByText('The bank account has no open payment reconciliation journal.').waitFor(slow);
    await screenshot('posted');
  }
});
