import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import {
  bankAccount, bankAccountLedgerEntry, bankAccountPostingGroup, customerLedgerEntry, detailedCustomerLedgerEntry, glEntry, glRegister, transactionReversal,
} from '../../../src/server/db/schema/index.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';

// Reverse Transaction (spec §20.3): a journal transaction is undone by opposite entries; posted entries never change.
const workDate = '2026-03-08';
let api: TestApi;
let send: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => ReturnType<ReturnType<TestApi['as']>>;

beforeEach(async () => {
  api = await testApi();
  const admin = await givenPostingCompany(api);
  send = (method, url, body) => admin(method, url, body, { 'x-work-date': workDate });
  await created(send, '/api/v1/glAccounts', { no: '2910', name: 'Bank', incomeBalance: 'balanceSheet' });
  await api.db.insert(bankAccountPostingGroup).values({ code: 'CHECKING', glAccountNo: '2910' });
  await api.db.insert(bankAccount).values({ no: 'GIRO', name: 'Giro account', bankAccPostingGroup: 'CHECKING' });
});
afterEach(() => api.close());

/** A payment of 40.00 received from customer C into bank account GIRO, not applied. */
async function givenPayment(): Promise<number> {
  const response = await send('POST', '/api/v1/generalJournal/post', { lines: [{
    postingDate: workDate, documentType: 'payment', documentNo: 'PAY1', accountType: 'customer', accountNo: 'C', amount: '-40.00',
    balAccountType: 'bankAccount', balAccountNo: 'GIRO', description: 'Payment C',
  }] });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().transactions[0].transactionNo;
}

const balances = async () => {
  const rows = await api.db.select({ account: glEntry.glAccountNo, amount: glEntry.amount }).from(glEntry);
  const byAccount = new Map<string, string>();
  for (const row of rows) byAccount.set(row.account, dec(byAccount.get(row.account) ?? '0').plus(row.amount).toFixed(2));
  return Object.fromEntries(byAccount);
};

describe('POST /api/v1/glRegisters/{no}/reverse', () => {
  it('posts the opposite entries, closes the customer entry and its reversal, and records the reversal once', async () => {
    const transactionNo = await givenPayment();
    const glBefore = await api.db.select().from(glEntry).orderBy(asc(glEntry.entryNo));
    const response = await send('POST', `/api/v1/glRegisters/${transactionNo}/reverse`);
    expect(response.statusCode, response.body).toBe(201);
    const { reversedByTransactionNo } = response.json();
    expect(reversedByTransactionNo).toBeGreaterThan(transactionNo);

    const reversing = await api.db.select().from(glEntry).where(eq(glEntry.transactionNo, reversedByTransactionNo)).orderBy(asc(glEntry.entryNo));
    expect(reversing.map((row) => [row.glAccountNo, row.amount, row.documentNo, row.sourceCode]))
      .toEqual(glBefore.map((row) => [row.glAccountNo, dec(row.amount).negated().toFixed(2), 'PAY1', 'REVERSAL']));
    expect(Object.values(await balances()).every((amount) => amount === '0.00')).toBe(true);
    // The posted entries are as they were.
    expect(await api.db.select().from(glEntry).where(eq(glEntry.transactionNo, transactionNo)).orderBy(asc(glEntry.entryNo))).toEqual(glBefore);

    const customerEntries = await api.db.select().from(customerLedgerEntry).orderBy(asc(customerLedgerEntry.entryNo));
    expect(customerEntries.map((row) => [row.documentType, row.amount, row.remainingAmount, row.open])).toEqual([
      ['payment', '-40.00', '0.00', false],
      ['payment', '40.00', '0.00', false],
    ]);
    expect(customerEntries[0]!.closedByEntryNo).toBe(customerEntries[1]!.entryNo);
    const detailed = await api.db.select().from(detailedCustomerLedgerEntry).orderBy(asc(detailedCustomerLedgerEntry.entryNo));
    expect(sum(detailed.filter((row) => row.customerLedgerEntryNo === customerEntries[0]!.entryNo).map((row) => dec(row.amount))).toFixed(2)).toBe('0.00');

    const bank = await api.db.select().from(bankAccountLedgerEntry).orderBy(asc(bankAccountLedgerEntry.entryNo));
    expect(bank.map((row) => row.amount)).toEqual(['40.00', '-40.00']);
    expect(await api.db.select({ from: transactionReversal.transactionNo, by: transactionReversal.reversedByTransactionNo }).from(transactionReversal))
      .toEqual([{ from: transactionNo, by: reversedByTransactionNo }]);
    const [register] = await api.db.select().from(glRegister).where(eq(glRegister.no, reversedByTransactionNo));
    expect(register).toMatchObject({ sourceCode: 'REVERSAL', postingDate: workDate });

    // Neither the reversed transaction nor its reversal can be reversed again.
    const again = await send('POST', `/api/v1/glRegisters/${transactionNo}/reverse`);
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'REVERSAL_NOT_ALLOWED', detail: `You cannot reverse transaction ${transactionNo} because it was reversed already by transaction ${reversedByTransactionNo}.` });
    const ofReversal = await send('POST', `/api/v1/glRegisters/${reversedByTransactionNo}/reverse`);
    expect(ofReversal.json()).toMatchObject({ code: 'REVERSAL_NOT_ALLOWED', detail: expect.stringContaining(`it reverses transaction ${transactionNo}`) });
  });

  it('reverses from a customer ledger entry, and refuses a transaction posted from a sales document', async () => {
    await givenPayment();
    const [payment] = await api.db.select().from(customerLedgerEntry);
    const response = await send('POST', `/api/v1/customerLedgerEntries/${payment!.entryNo}/reverse`);
    expect(response.statusCode, response.body).toBe(201);

    const invoice = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '100' }] });
    const posted = await created(send, `/api/v1/salesInvoices/${invoice.no}/post`, undefined);
    const refused = await send('POST', `/api/v1/glRegisters/${posted.transactionNo}/reverse`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('not from a journal');
    const missing = await send('POST', '/api/v1/customerLedgerEntries/999999/reverse');
    expect(missing.statusCode).toBe(404);
  });

  it('refuses a payment that is applied to an invoice: unapply first; nothing is written', async () => {
    const invoice = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '100' }] });
    const { invoiceNo } = await created(send, `/api/v1/salesInvoices/${invoice.no}/post`, undefined);
    const paid = await send('POST', '/api/v1/generalJournal/post', { lines: [{
      postingDate: workDate, documentType: 'payment', documentNo: 'PAY2', accountType: 'customer', accountNo: 'C', amount: '-50.00',
      balAccountType: 'bankAccount', balAccountNo: 'GIRO', appliesToDocType: 'invoice', appliesToDocNo: invoiceNo,
    }] });
    expect(paid.statusCode, paid.body).toBe(201);
    const registers = await api.db.select().from(glRegister);
    const refused = await send('POST', `/api/v1/glRegisters/${paid.json().transactions[0].transactionNo}/reverse`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toMatch(/customer ledger entry \d+ is applied; unapply it first/);
    expect(await api.db.select().from(glRegister)).toHaveLength(registers.length);
  });
});
