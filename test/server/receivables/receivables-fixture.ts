/**
 * A company ready for applying payments over the API: givenPostingCompany plus bank GIRO (G/L 2910),
 * payment discount 7910/7911, payment tolerance 7920/7921 on customer posting group DOMESTIC, sales
 * payment discount 7930/7931 on general posting setup DOMESTIC × RETAIL, currency USD with realized
 * gains 9310 and losses 9320, payment terms P5 (30 days, 5 % within 8 days) on customer C.
 */
import { asc, sql } from 'drizzle-orm';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { bankAccount, bankAccountPostingGroup, customerLedgerEntry, detailedCustomerLedgerEntry, glEntry } from '../../../src/server/db/schema/index.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { withFixtureCache } from '../../support/fixture-cache.ts';
import { created } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';

export type Send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => ReturnType<ReturnType<TestApi['as']>>;

export async function givenReceivablesCompany(workDate: string): Promise<{ api: TestApi; send: Send }> {
  const api = await testApi();
  const admin = api.as('admin');
  const send: Send = (method, url, body) => admin(method, url, body, { 'x-work-date': workDate });
  await withFixtureCache(api.db, 'receivables', () => buildReceivablesCompany(api, send));
  return { api, send };
}

async function buildReceivablesCompany(api: TestApi, send: Send): Promise<void> {
  await givenPostingCompany(api);
  for (const [no, name, incomeBalance] of [
    ['2910', 'Bank', 'balanceSheet'], ['7910', 'Payment discounts granted', 'incomeStatement'], ['7911', 'Payment discounts received', 'incomeStatement'],
    ['7920', 'Payment tolerance granted', 'incomeStatement'], ['7921', 'Payment tolerance received', 'incomeStatement'],
    ['7930', 'Sales payment discounts', 'incomeStatement'], ['7931', 'Sales payment discounts (credit)', 'incomeStatement'],
    ['9310', 'Realized FX gains', 'incomeStatement'], ['9320', 'Realized FX losses', 'incomeStatement'],
  ] as const) {
    await created(send, '/api/v1/glAccounts', { no, name, incomeBalance });
  }
  await api.db.insert(bankAccountPostingGroup).values({ code: 'CHECKING', glAccountNo: '2910' });
  await api.db.insert(bankAccount).values({ no: 'GIRO', name: 'Giro account', bankAccPostingGroup: 'CHECKING' });
  await send('PATCH', '/api/v1/customerPostingGroups/DOMESTIC', {
    paymentDiscountDebitAccount: '7910', paymentDiscountCreditAccount: '7911', paymentToleranceDebitAccount: '7920', paymentToleranceCreditAccount: '7921',
  });
  const general = (await send('GET', '/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).json().items
    .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
  await send('PATCH', `/api/v1/generalPostingSetups/${general.id}`, { salesPaymentDiscountDebitAccount: '7930', salesPaymentDiscountCreditAccount: '7931' });
  await created(send, '/api/v1/currencies', { code: 'USD', realizedGainsAccount: '9310', realizedLossesAccount: '9320' });
  await created(send, '/api/v1/paymentTerms', { code: 'P5', dueDateCalculation: '30D', discountDateCalculation: '8D', discountPercent: '5' });
  await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: 'P5' });
}

/** Worked example 13's PI-20: a sales invoice of 800.00 + 25 % VAT, document date 2026-03-01; its posted number. */
export async function postedInvoice(send: Send, fields: { unitPrice?: string; postingDate?: string; customerNo?: string } = {}): Promise<string> {
  const date = fields.postingDate ?? '2026-03-01';
  const invoice = await created(send, '/api/v1/salesInvoices', {
    sellToCustomerNo: fields.customerNo ?? 'C', postingDate: date, documentDate: date,
    lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: fields.unitPrice ?? '800' }],
  });
  return (await created(send, `/api/v1/salesInvoices/${invoice.no}/post`, undefined)).invoiceNo;
}

export const paymentLine = (fields: Record<string, unknown>) => ({
  postingDate: '2026-03-08', documentType: 'payment', documentNo: 'PAY-1', accountType: 'customer', accountNo: 'C',
  balAccountType: 'bankAccount', balAccountNo: 'GIRO', ...fields,
});

export const postJournal = (send: Send, lines: Record<string, unknown>[], options: Record<string, unknown> = {}) =>
  send('POST', '/api/v1/generalJournal/post', { lines, ...options });

export async function customerEntries(api: TestApi) {
  return api.db.select().from(customerLedgerEntry).orderBy(asc(customerLedgerEntry.entryNo));
}

export async function entryOf(api: TestApi, documentNo: string) {
  return (await customerEntries(api)).find((entry) => entry.documentNo === documentNo)!;
}

/** [entry's document no., entry type, amount, amount LCY] of the detailed entries after the Initial Entries, in order. */
export async function detailedRows(api: TestApi, transactionNo?: number) {
  const entries = new Map((await customerEntries(api)).map((entry) => [entry.entryNo, entry.documentNo]));
  return (await api.db.select().from(detailedCustomerLedgerEntry).orderBy(asc(detailedCustomerLedgerEntry.entryNo)))
    .filter((row) => row.entryType !== 'initialEntry' && (transactionNo === undefined || row.transactionNo === transactionNo))
    .map((row) => [entries.get(row.customerLedgerEntryNo), row.entryType, row.amount, row.amountLcy]);
}

/** [account, amount] of the G/L entries of a transaction. */
export async function glRows(api: TestApi, transactionNo: number) {
  return (await api.db.select().from(glEntry).orderBy(asc(glEntry.entryNo)))
    .filter((row) => row.transactionNo === transactionNo).map((row) => [row.glAccountNo, row.amount]);
}

/** Balance per G/L account over every entry, accounts with a balance only. */
export async function glBalances(api: TestApi): Promise<Record<string, string>> {
  const rows = await api.db.select().from(glEntry);
  const accounts = [...new Set(rows.map((row) => row.glAccountNo))].sort();
  return Object.fromEntries(accounts.map((account) => [account, sum(rows.filter((row) => row.glAccountNo === account).map((row) => dec(row.amount))).toFixed(2)])
    .filter(([, balance]) => balance !== '0.00'));
}

/** Every entry's remaining amount equals the sum of its detailed entries, and the receivables account equals Σ remaining (LCY). */
export async function assertLedgerConsistent(api: TestApi): Promise<void> {
  const { rows } = await api.db.execute(sql`select e.entry_no, e.remaining_amount, e.remaining_amount_lcy, e.open,
      coalesce(sum(d.amount), 0) as detailed, coalesce(sum(d.amount_lcy), 0) as detailed_lcy
    from customer_ledger_entry e left join detailed_customer_ledger_entry d on d.customer_ledger_entry_no = e.entry_no
    group by e.entry_no`) as unknown as { rows: Record<string, string | boolean>[] };
  for (const row of rows) {
    if (!dec(String(row.remaining_amount)).eq(dec(String(row.detailed))) || !dec(String(row.remaining_amount_lcy)).eq(dec(String(row.detailed_lcy)))) {
      throw new Error(`customer ledger entry ${row.entry_no}: remaining ${row.remaining_amount}/${row.remaining_amount_lcy} but detailed entries ${row.detailed}/${row.detailed_lcy}`);
    }
    if (row.open !== !dec(String(row.remaining_amount)).isZero()) throw new Error(`customer ledger entry ${row.entry_no}: open is ${row.open}`);
  }
  const receivables = (await glBalances(api))['1300'] ?? '0.00';
  const remaining = sum((await customerEntries(api)).map((entry) => dec(entry.remainingAmountLcy))).toFixed(2);
  if (receivables !== remaining) throw new Error(`receivables ${receivables} ≠ Σ remaining (LCY) ${remaining}`);
}
