import { asc, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import {
  bankAccount, bankAccountLedgerEntry, bankAccountPostingGroup, customerLedgerEntry, detailedCustomerLedgerEntry, detailedVendorLedgerEntry, glEntry,
  glRegister, vendorLedgerEntry,
} from '../../../src/server/db/schema/index.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';

const workDate = '2026-03-08';
let api: TestApi;
let send: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => ReturnType<ReturnType<TestApi['as']>>;

/** givenPostingCompany plus G/L accounts Rent 6200 and Cash 2900, bank account GIRO on 2910, vendor V on payables 5400. */
beforeEach(async () => {
  api = await testApi();
  const admin = await givenPostingCompany(api);
  send = (method, url, body) => admin(method, url, body, { 'x-work-date': workDate });
  for (const [no, name, incomeBalance] of [['6200', 'Rent', 'incomeStatement'], ['2900', 'Cash', 'balanceSheet'], ['2910', 'Bank', 'balanceSheet'], ['5400', 'Payables', 'balanceSheet']]) {
    await created(send, '/api/v1/glAccounts', { no, name, incomeBalance });
  }
  await api.db.insert(bankAccountPostingGroup).values({ code: 'CHECKING', glAccountNo: '2910' });
  await api.db.insert(bankAccount).values({ no: 'GIRO', name: 'Giro account', bankAccPostingGroup: 'CHECKING' });
  await created(send, '/api/v1/vendorPostingGroups', { code: 'DOMESTIC', payablesAccount: '5400' });
  await created(send, '/api/v1/vendors', { no: 'V', name: 'Vendor V', vendorPostingGroup: 'DOMESTIC' });
});
afterEach(() => api.close());

const line = (fields: Record<string, unknown>) => ({ postingDate: workDate, documentNo: 'G0001', accountType: 'glAccount', ...fields });
const postJournal = (...lines: Record<string, unknown>[]) => send('POST', '/api/v1/generalJournal/post', { lines });
const rowCounts = async () => {
  const { rows } = await api.db.execute(sql`select (select count(*) from gl_entry) as gl, (select count(*) from gl_register) as registers,
    (select count(*) from customer_ledger_entry) as customer, (select count(*) from detailed_customer_ledger_entry) as detailed,
    (select count(*) from bank_account_ledger_entry) as bank, (select count(*) from vendor_ledger_entry) as vendor`) as unknown as { rows: unknown[] };
  return rows[0];
};
const sequenceValues = async () => (await api.db.execute(sql`select sequencename, last_value from pg_sequences where schemaname = 'public' order by sequencename`) as unknown as { rows: unknown[] }).rows;

/** A posted sales invoice of customer C for 100.00 + 25 % VAT = 125.00; its number. */
async function givenPostedInvoice(): Promise<string> {
  const invoice = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '100' }] });
  return (await created(send, `/api/v1/salesInvoices/${invoice.no}/post`, undefined)).invoiceNo;
}

describe('POST /api/v1/generalJournal/post', () => {
  it('posts G/L to G/L: balanced G/L entries, one register and transaction per document', async () => {
    const response = await postJournal(
      line({ accountNo: '6200', amount: '1000', description: 'March rent' }),
      line({ accountNo: '2900', amount: '-1000', description: 'March rent' }),
      line({ documentNo: 'G0002', accountNo: '6200', amount: '15.50', balAccountType: 'glAccount', balAccountNo: '2900' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const { transactions } = response.json();
    expect(transactions).toMatchObject([
      { postingDate: workDate, documentNo: 'G0001', lines: [0, 1], customerLedgerEntryNos: [], vendorLedgerEntryNos: [], bankAccountLedgerEntryNos: [] },
      { documentNo: 'G0002', lines: [2] },
    ]);
    const registers = await api.db.select().from(glRegister).orderBy(asc(glRegister.no));
    expect(registers.map((row) => [row.no, row.sourceCode, row.documentNo, row.userId])).toEqual([
      [transactions[0].transactionNo, 'GENJNL', 'G0001', 'admin-user'], [transactions[1].transactionNo, 'GENJNL', 'G0002', 'admin-user'],
    ]);
    const entries = await api.db.select().from(glEntry).orderBy(asc(glEntry.entryNo));
    expect(entries.map((entry) => [entry.transactionNo, entry.glAccountNo, entry.amount, entry.debitAmount, entry.creditAmount, entry.documentNo, entry.sourceCode])).toEqual([
      [transactions[0].transactionNo, '6200', '1000.00', '1000.00', '0.00', 'G0001', 'GENJNL'],
      [transactions[0].transactionNo, '2900', '-1000.00', '0.00', '1000.00', 'G0001', 'GENJNL'],
      [transactions[1].transactionNo, '6200', '15.50', '15.50', '0.00', 'G0002', 'GENJNL'],
      [transactions[1].transactionNo, '2900', '-15.50', '0.00', '15.50', 'G0002', 'GENJNL'],
    ]);
    expect(entries[0]!.description).toBe('March rent');
  });

  it('a customer payment applied to a posted invoice closes it: customer, bank and G/L entries in one transaction', async () => {
    const invoiceNo = await givenPostedInvoice();
    const response = await postJournal(line({
      documentType: 'payment', documentNo: 'PAY-1', externalDocumentNo: 'CHQ 4711', accountType: 'customer', accountNo: 'C', amount: '-125',
      balAccountType: 'bankAccount', balAccountNo: 'GIRO', appliesToDocType: 'invoice', appliesToDocNo: invoiceNo,
    }));
    expect(response.statusCode, response.body).toBe(201);
    const [transaction] = response.json().transactions;
    const customerEntries = await api.db.select().from(customerLedgerEntry).orderBy(asc(customerLedgerEntry.entryNo));
    expect(customerEntries.map((entry) => [entry.documentType, entry.documentNo, entry.amount, entry.remainingAmount, entry.open])).toEqual([
      ['invoice', invoiceNo, '125.00', '0.00', false],
      ['payment', 'PAY-1', '-125.00', '0.00', false],
    ]);
    expect(customerEntries[1]).toMatchObject({ entryNo: transaction.customerLedgerEntryNos[0], externalDocumentNo: 'CHQ 4711', transactionNo: transaction.transactionNo });
    expect(customerEntries[0]).toMatchObject({ closedByEntryNo: customerEntries[1]!.entryNo, closedAtDate: workDate });
    const details = await api.db.select().from(detailedCustomerLedgerEntry).orderBy(asc(detailedCustomerLedgerEntry.entryNo));
    expect(details.filter((entry) => entry.entryType === 'application').map((entry) => [entry.customerLedgerEntryNo, entry.amount, entry.documentNo]))
      .toEqual(expect.arrayContaining([[customerEntries[0]!.entryNo, '-125.00', 'PAY-1'], [customerEntries[1]!.entryNo, '125.00', 'PAY-1']]));
    const [bankEntry] = await api.db.select().from(bankAccountLedgerEntry);
    expect(bankEntry).toMatchObject({ bankAccountNo: 'GIRO', amount: '125.00', documentType: 'payment', documentNo: 'PAY-1', balAccountType: 'customer', balAccountNo: 'C' });
    const paymentGl = (await api.db.select().from(glEntry)).filter((entry) => entry.transactionNo === transaction.transactionNo);
    expect(paymentGl.map((entry) => [entry.glAccountNo, entry.amount, entry.sourceType])).toEqual([['1300', '-125.00', 'customer'], ['2910', '125.00', 'bankAccount']]);
  });

  it('posts a vendor payment: vendor entry with its initial detailed entry, Dr payables Cr bank', async () => {
    const response = await postJournal(line({ documentType: 'payment', documentNo: 'VP-1', accountType: 'vendor', accountNo: 'V', amount: '300', balAccountType: 'bankAccount', balAccountNo: 'GIRO' }));
    expect(response.statusCode, response.body).toBe(201);
    const [entry] = await api.db.select().from(vendorLedgerEntry);
    expect(entry).toMatchObject({ vendorNo: 'V', documentType: 'payment', amount: '300.00', remainingAmount: '300.00', open: true, vendorPostingGroup: 'DOMESTIC' });
    expect((await api.db.select().from(detailedVendorLedgerEntry)).map((row) => [row.entryType, row.amount])).toEqual([['initialEntry', '300.00']]);
    expect((await api.db.select().from(glEntry)).map((row) => [row.glAccountNo, row.amount])).toEqual([['5400', '300.00'], ['2910', '-300.00']]);
  });

  it('takes the currency factor from the exchange rate of the posting date', async () => {
    await created(send, '/api/v1/currencies', { code: 'USD' });
    await created(send, '/api/v1/currencies/USD/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '110', relationalExchangeRateAmount: '100' });
    const response = await postJournal(line({ documentType: 'payment', accountType: 'customer', accountNo: 'C', currencyCode: 'usd', amount: '-110', balAccountType: 'bankAccount', balAccountNo: 'GIRO' }));
    expect(response.statusCode, response.body).toBe(201);
    const [entry] = await api.db.select().from(customerLedgerEntry);
    expect(entry).toMatchObject({ currencyCode: 'USD', amount: '-110.00', amountLcy: '-100.00' });
    expect(dec(entry!.currencyFactor).toString()).toBe('1.1');
    expect((await api.db.select().from(bankAccountLedgerEntry))[0]).toMatchObject({ currencyCode: '', amount: '100.00', amountLcy: '100.00' });
  });

  it('refuses a batch that does not balance with 422 and writes nothing, not even its balanced transactions', async () => {
    const before = await rowCounts();
    const response = await postJournal(
      line({ accountNo: '6200', amount: '50', balAccountType: 'glAccount', balAccountNo: '2900' }),
      line({ documentNo: 'G0002', accountNo: '6200', amount: '100' }),
      line({ documentNo: 'G0002', accountNo: '2900', amount: '-99' }),
    );
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'JOURNAL_NOT_BALANCED', errors: [{ field: 'lines.2.amount' }] });
    expect(response.json().detail).toContain('Document G0002 of 2026-03-08 does not balance: its lines add up to 1.00');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses business rules with 422 naming the line: posting date, account, applies-to', async () => {
    await send('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: '2026-03-01', allowPostingTo: '2026-03-31' });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [line({ postingDate: '2026-04-01', accountNo: '6200', amount: '1', balAccountType: 'glAccount', balAccountNo: '2900' }), 'POSTING_DATE_NOT_ALLOWED', 'lines.0.postingDate'],
      [line({ accountNo: '9999', amount: '1', balAccountType: 'glAccount', balAccountNo: '2900' }), 'RELATED_RECORD_NOT_FOUND', 'lines.0.accountNo'],
      [line({ accountNo: '6200', amount: '0', balAccountType: 'glAccount', balAccountNo: '2900' }), 'JOURNAL_AMOUNT_ZERO', 'lines.0.amount'],
      [line({ accountType: 'customer', accountNo: 'C', amount: '-5', balAccountType: 'bankAccount', balAccountNo: 'GIRO', appliesToDocNo: 'NONE' }), 'JOURNAL_APPLIES_TO_NOT_FOUND', 'lines.0.appliesToDocNo'],
      [line({ accountNo: '6200', amount: '1', currencyCode: 'XYZ', balAccountType: 'glAccount', balAccountNo: '2900' }), 'RELATED_RECORD_NOT_FOUND', 'lines.0.currencyCode'],
    ];
    for (const [body, code, field] of cases) {
      const response = await postJournal(body);
      expect([response.statusCode, response.json().code, response.json().errors?.[0]?.field], response.body).toEqual([422, code, field]);
    }
    expect(await api.db.select().from(glRegister)).toEqual([]);
  });

  it('answers bad input with 400 and the field paths', async () => {
    const response = await postJournal(
      line({ accountNo: '6200', amount: 12.5 }),
      line({ postingDate: '2026-02-30', accountNo: '', amount: '1', accountType: 'employee' }),
    );
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['lines.0.amount', 'lines.1.postingDate', 'lines.1.accountNo', 'lines.1.accountType']));
    expect((await send('POST', '/api/v1/generalJournal/post', { lines: [] })).statusCode).toBe(400);
    expect((await send('POST', '/api/v1/generalJournal/post', { lines: [line({ accountNo: '6200', amount: '1', unknown: 1 })] })).json().errors[0].field).toBe('lines.0.unknown');
  });

  it('needs the posting permission', async () => {
    const response = await api.as('viewer')('POST', '/api/v1/generalJournal/post', { lines: [line({ accountNo: '6200', amount: '1', balAccountType: 'glAccount', balAccountNo: '2900' })] });
    expect(response.statusCode).toBe(403);
  });
});

describe('POST /api/v1/generalJournal/preview', () => {
  it('shows every entry each transaction would write, numbered after one another, and writes nothing, drawing no number', async () => {
    const invoiceNo = await givenPostedInvoice();
    const before = { counts: await rowCounts(), sequences: await sequenceValues() };
    const response = await send('POST', '/api/v1/generalJournal/preview', { lines: [
      line({ documentType: 'payment', documentNo: 'PAY-1', accountType: 'customer', accountNo: 'C', amount: '-100', balAccountType: 'bankAccount', balAccountNo: 'GIRO', appliesToDocNo: invoiceNo }),
      line({ documentType: 'payment', documentNo: 'PAY-2', accountType: 'customer', accountNo: 'C', amount: '-25', balAccountType: 'bankAccount', balAccountNo: 'GIRO', appliesToDocNo: invoiceNo }),
    ] });
    expect(response.statusCode, response.body).toBe(200);
    const [first, second] = response.json().transactions;
    expect(second.transactionNo).toBe(first.transactionNo + 1);
    expect(first.glEntries.map((entry: { glAccountNo: string; amount: string }) => [entry.glAccountNo, entry.amount])).toEqual([['1300', '-100.00'], ['2910', '100.00']]);
    expect(second.glEntries[0].entryNo).toBe(first.glEntries[1].entryNo + 1);
    expect(second.customerLedgerEntries[0].entryNo).toBe(first.customerLedgerEntries[0].entryNo + 1);
    expect(first.bankAccountLedgerEntries[0]).toMatchObject({ bankAccountNo: 'GIRO', amount: '100.00' });
    // The second payment sees what the first left of the invoice, and closes it.
    const applications = (transaction: { detailedCustomerLedgerEntries: { entryType: string; customerLedgerEntryNo: number; amount: string }[] }) =>
      transaction.detailedCustomerLedgerEntries.filter((entry) => entry.entryType === 'application').map((entry) => entry.amount);
    expect(applications(first)).toEqual(expect.arrayContaining(['-100.00', '100.00']));
    expect(applications(second)).toEqual(expect.arrayContaining(['-25.00', '25.00']));
    expect(sum(first.glEntries.map((entry: { amount: string }) => dec(entry.amount))).isZero()).toBe(true);
    expect(await rowCounts()).toEqual(before.counts);
    expect(await sequenceValues()).toEqual(before.sequences);
  });

  it('refuses what posting would refuse, with the same answer', async () => {
    const response = await send('POST', '/api/v1/generalJournal/preview', { lines: [line({ accountNo: '6200', amount: '5' })] });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('JOURNAL_NOT_BALANCED');
  });
});
