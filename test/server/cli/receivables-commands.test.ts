import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline apply`, `unapply` and `report …` as a clerk runs them on the demo company, with payment
// tolerance of 1 % of each invoice (at most 5.00) and its warning on, so a payment a little short is
// the clerk's choice. Each test has a customer of its own (in this process, on one database kept open).
const workspace = useCliWorkspace('ledgerline-receivables-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-11-25', ...args]);

interface Entry { entryNo: number; documentType: string; documentNo: string; remainingAmount: string; open: boolean }

async function ok(...args: string[]) {
  const run = await ledgerline(...args);
  expect(run.status, `ledgerline ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run;
}

/** A posted invoice of one services line (G/L 8040, 21 % VAT); its posted number. */
async function postedInvoice(customerNo: string, unitPrice: string): Promise<string> {
  const invoice = (await ok('create', 'salesInvoices', '--data', JSON.stringify({
    sellToCustomerNo: customerNo, lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice }],
  }))).json();
  return (await ok('post', 'invoice', invoice.no)).json().invoiceNo;
}

/** A payment into bank account CHECKING, applied to nothing. */
async function postedPayment(customerNo: string, documentNo: string, amount: string): Promise<void> {
  const file = join(workspace.workDir(), `${documentNo}.json`);
  writeFileSync(file, JSON.stringify({ lines: [{
    postingDate: '2026-11-25', documentType: 'payment', documentNo, accountType: 'customer', accountNo: customerNo,
    amount, balAccountType: 'bankAccount', balAccountNo: 'CHECKING',
  }] }));
  await ok('journal', 'post', '--file', file);
}

async function customerEntries(customerNo: string): Promise<Entry[]> {
  return (await ok('list', 'customerLedgerEntries', '--filter', `customerNo=${customerNo}`)).json();
}

/** Entry no. (as the command line takes it) by document no. */
async function entryNos(customerNo: string): Promise<Record<string, string>> {
  return Object.fromEntries((await customerEntries(customerNo)).map((entry) => [entry.documentNo, String(entry.entryNo)]));
}

/** [document no., remaining amount, open] of the customer's entries, in entry order. */
async function entries(customerNo: string): Promise<[string, string, boolean][]> {
  return (await customerEntries(customerNo)).map((entry) => [entry.documentNo, entry.remainingAmount, entry.open]);
}

async function balance(customerNo: string): Promise<string> {
  return (await ok('report', 'customer-balance', customerNo, '--as-of', '2026-11-25')).json().balanceLcy;
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline apply / unapply / report', () => {
  beforeAll(async () => {
    await ok('demo');
    await ok('update', 'generalLedgerSetup', '--data', JSON.stringify({ paymentTolerancePercent: '1', maxPaymentToleranceAmount: '5', paymentToleranceWarning: true }));
  }, 600_000);

  // C00060 (30 days net) gets invoices of 121.00 and 242.00 and pays 360.00: 3.00 short, within the tolerance of 1.21 + 2.42.
  it('applies a payment to two invoices, unapplies it, applies it again accepting the tolerance, and reports what stays open', { timeout: 600_000 }, async () => {
    const [first, second] = [await postedInvoice('C00060', '100'), await postedInvoice('C00060', '200')];
    await postedPayment('C00060', 'PAY-CLI', '-360.00');
    const { 'PAY-CLI': payment, [first]: invoice1, [second]: invoice2 } = await entryNos('C00060');
    expect(await balance('C00060')).toBe('3.00');

    // Declined: the 3.00 short stays open on the second invoice.
    const declined = await ok('apply', payment!, '--to', invoice1!, '--to', invoice2!, '--decline-payment-tolerance');
    expect(declined.json()).toMatchObject({ documentNo: 'PAY-CLI', postingDate: '2026-11-25' });
    const applied = [[first, '0.00', false], [second, '3.00', true], ['PAY-CLI', '0.00', false]];
    expect(await entries('C00060')).toEqual(applied);

    const preview = await ok('unapply', payment!, '--preview');
    expect(preview.json().detailedCustomerLedgerEntries.length).toBeGreaterThanOrEqual(4);
    expect(await entries('C00060')).toEqual(applied);
    const unapplied = await ok('unapply', payment!);
    expect(unapplied.json().customerLedgerEntries.every((entry: Entry) => entry.open)).toBe(true);
    expect(await entries('C00060')).toEqual([[first, '121.00', true], [second, '242.00', true], ['PAY-CLI', '-360.00', true]]);
    await expectAgedAsBalance();

    // Accepted: the 3.00 is posted as payment tolerance and every entry closes.
    const accepted = await ok('apply', payment!, '--to', invoice1!, '--to', invoice2!, '--accept-payment-tolerance');
    expect(accepted.json().customerLedgerEntries.map((entry: Entry) => [entry.entryNo, entry.open]).sort())
      .toEqual([[Number(invoice1), false], [Number(invoice2), false], [Number(payment), false]].sort());
    expect(await balance('C00060')).toBe('0.00');
    expect((await ok('report', 'aged-receivables', '--as-of', '2026-11-25', '--customer', 'C00060')).json().totals.lcy.balance).toBe('0.00');
    await expectStatement(first, second);
  });

  /** Unapplied, all three entries are current as of the work date; the totals equal the balance. */
  async function expectAgedAsBalance() {
    const aged = (await ok('report', 'aged-receivables', '--as-of', '2026-11-25', '--periods', '30D,60D,90D', '--customer', 'C00060')).json();
    expect(aged.buckets.map((bucket: { label: string }) => bucket.label)).toEqual(['Current', '1–30 days', '31–60 days', '61–90 days', 'Over 90 days']);
    expect(aged.customers.map((row: { customerNo: string; lcy: unknown }) => [row.customerNo, row.lcy]))
      .toEqual([['C00060', { amounts: ['3.00', '0.00', '0.00', '0.00', '0.00'], balance: '3.00' }]]);
    expect(aged.totals.lcy.balance).toBe(await balance('C00060'));
    const csv = await ok('report', 'aged-receivables', '--as-of', '2026-11-25', '--by', 'postingDate', '--customer', 'C00060', '--csv');
    expect(csv.stdout.split('\r\n')).toEqual([
      'Customer No.,Name,Current,1–30 days,31–60 days,61–90 days,Over 90 days,Balance (LCY)',
      'C00060,Noordelijk Onderwijscollectief,3.00,0.00,0.00,0.00,0.00,3.00',
      'Total,,3.00,0.00,0.00,0.00,0.00,3.00',
      '',
    ]);
    // As of the day before, nothing was posted yet.
    expect((await ok('report', 'aged-receivables', '--as-of', '2026-11-24', '--period-length', '1M', '--period-count', '2', '--customer', 'C00060')).json().totals.lcy)
      .toEqual({ amounts: ['0.00', '0.00', '0.00', '0.00'], balance: '0.00' });
  }

  /** November opens at 0.00 and closes at 0.00 with the invoices, the payment and the tolerance in it. */
  async function expectStatement(first: string, second: string) {
    const statement = (await ok('report', 'customer-statement', 'C00060', '--from', '2026-11-01', '--to', '2026-11-30')).json();
    expect(statement).toMatchObject({ customerNo: 'C00060', openingBalanceLcy: '0.00', closingBalanceLcy: '0.00' });
    expect(statement.lines.map((line: { documentNo: string; amountLcy: string }) => [line.documentNo, line.amountLcy]))
      .toEqual(expect.arrayContaining([[first, '121.00'], [second, '242.00'], ['PAY-CLI', '-360.00']]));
    const csv = (await ok('report', 'customer-statement', 'C00060', '--from', '2026-11-20', '--to', '2026-12-31', '--csv')).stdout.split('\r\n');
    expect(csv[1]).toBe('2026-11-20,,,,Opening balance,,,,,0.00');
    expect(csv.at(-2)).toBe('2026-12-31,,,,Closing balance,,,,,0.00');
  }

  it('refuses bad entry numbers, bad amounts, closed entries and nothing to unapply with exit code 1 and the reason', { timeout: 300_000 }, async () => {
    const invoiceNo = await postedInvoice('C00070', '50');
    await postedPayment('C00070', 'PAY-CLI2', '-60.50');
    const { [invoiceNo]: invoice, 'PAY-CLI2': payment } = await entryNos('C00070');

    const unknown = await ledgerline('apply', '999999', '--to', invoice!);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/NOT_FOUND: .*999999/);
    const notANumber = await ledgerline('unapply', 'PAY-CLI2');
    expect(notANumber.status).toBe(1);
    expect(notANumber.stderr).toContain("<entryNo> must be a customer ledger entry no. (a whole number from 1), not 'PAY-CLI2'");
    const badAmount = await ledgerline('apply', payment!, '--to', `${invoice}:12,50`);
    expect(badAmount.status).toBe(1);
    expect(badAmount.stderr).toContain(`--to ${invoice}:12,50 (amountToApply):`);
    const nothing = await ledgerline('unapply', invoice!);
    expect([nothing.status, nothing.stderr]).toEqual([1, expect.stringContaining('NOTHING_TO_UNAPPLY')]);

    await ok('apply', payment!, '--to', invoice!);
    expect(await entries('C00070')).toEqual([[invoiceNo, '0.00', false], ['PAY-CLI2', '0.00', false]]);
    const closed = await ledgerline('apply', payment!, '--to', invoice!);
    expect(closed.status).toBe(1);
    expect(closed.stderr).toContain('APPLICATION_INVALID');
    expect((await ledgerline('report', 'customer-balance', 'C99999')).stderr).toContain('NOT_FOUND');
    expect((await ledgerline('report', 'aged-receivables', '--periods', '30,sixty')).stderr).toContain('--periods takes whole numbers of days');
    const backwards = await ledgerline('report', 'customer-statement', 'C00070', '--from', '2026-12-01', '--to', '2026-11-01');
    expect([backwards.status, backwards.stderr]).toEqual([1, expect.stringContaining('INVALID_INPUT: The request is not valid: --to: must not be before from')]);
  });
});
