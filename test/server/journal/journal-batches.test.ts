import { asc, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bankAccount, bankAccountLedgerEntry, bankAccountPostingGroup, customerLedgerEntry, generalJournalLine, glEntry, glRegister, noSeriesLine,
} from '../../../src/server/db/schema/index.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';

const workDate = '2026-03-08';
const receipts = '/api/v1/journalTemplates/CASHRCPT/batches/GENERAL';
const general = '/api/v1/journalTemplates/GENERAL/batches/DEFAULT';
let api: TestApi;
let send: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>) => ReturnType<ReturnType<TestApi['as']>>;

/**
 * givenPostingCompany (customer C on receivables 1300) plus G/L Rent 6200, Cash 2900 and Bank 2910,
 * bank account GIRO on 2910, number series RCPT from G02001, and the cash receipts batch of
 * migration 0013 set up as the demo company sets it: series RCPT, balancing account GIRO.
 */
beforeEach(async () => {
  api = await testApi();
  const admin = await givenPostingCompany(api);
  send = (method, url, body, headers = {}) => admin(method, url, body, { 'x-work-date': workDate, ...headers });
  for (const [no, name, incomeBalance] of [['6200', 'Rent', 'incomeStatement'], ['2900', 'Cash', 'balanceSheet'], ['2910', 'Bank', 'balanceSheet']]) {
    await created(send, '/api/v1/glAccounts', { no, name, incomeBalance });
  }
  await api.db.insert(bankAccountPostingGroup).values({ code: 'CHECKING', glAccountNo: '2910' });
  await api.db.insert(bankAccount).values({ no: 'GIRO', name: 'Giro account', bankAccPostingGroup: 'CHECKING' });
  await created(send, '/api/v1/noSeries', { code: 'RCPT' });
  await created(send, '/api/v1/noSeries/RCPT/lines', { startingNo: 'G02001' });
  const batch = await send('PATCH', receipts, { noSeriesCode: 'RCPT', balAccountType: 'bankAccount', balAccountNo: 'GIRO' });
  expect(batch.statusCode, batch.body).toBe(200);
});
afterEach(() => api.close());

const addLine = async (batch: string, body: Record<string, unknown>) => created(send, `${batch}/lines`, body);
const lines = async (batch: string) => (await send('GET', `${batch}/lines`)).json().items as Record<string, unknown>[];
const lastNoUsed = async (series: string) => (await api.db.select().from(noSeriesLine)).find((line) => line.seriesCode === series)!.lastNoUsed;
const rowCounts = async () => {
  const { rows } = await api.db.execute(sql`select (select count(*) from gl_entry) as gl, (select count(*) from customer_ledger_entry) as customer,
    (select count(*) from bank_account_ledger_entry) as bank, (select count(*) from general_journal_line) as lines`) as unknown as { rows: unknown[] };
  return rows[0];
};

/** A posted sales invoice of customer C for 100.00 + 25 % VAT = 125.00; its number. */
async function givenPostedInvoice(): Promise<string> {
  const invoice = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '100' }] });
  return (await created(send, `/api/v1/salesInvoices/${invoice.no}/post`, undefined)).invoiceNo;
}

describe('journal templates and batches', () => {
  it('has the standard templates from the start, and keeps templates and batches as setup records', async () => {
    const templates = (await send('GET', '/api/v1/journalTemplates')).json().items;
    expect(templates.map((row: Record<string, string>) => [row.name, row.type, row.sourceCode])).toEqual([['CASHRCPT', 'cashReceipts', 'CASHRECJNL'], ['GENERAL', 'general', 'GENJNL']]);
    expect((await send('GET', receipts)).json()).toMatchObject({ noSeriesCode: 'RCPT', balAccountType: 'bankAccount', balAccountNo: 'GIRO', version: 2 });

    expect(await created(send, '/api/v1/journalTemplates', { name: 'payment', type: 'payments', description: 'Payments' })).toMatchObject({ name: 'PAYMENT', sourceCode: 'PAYMENTJNL' });
    await created(send, '/api/v1/journalTemplates/PAYMENT/batches', { name: 'bank', balAccountType: 'bankAccount', balAccountNo: 'GIRO' });
    const unknownBank = await send('POST', '/api/v1/journalTemplates/PAYMENT/batches', { name: 'OTHER', balAccountType: 'bankAccount', balAccountNo: 'NOPE' });
    expect([unknownBank.statusCode, unknownBank.json().code, unknownBank.json().errors[0].field]).toEqual([422, 'RELATED_RECORD_NOT_FOUND', 'balAccountNo']);
    expect((await send('POST', '/api/v1/journalTemplates/PAYMENT/batches', { name: 'X', noSeriesCode: 'NOPE' })).json().code).toBe('RELATED_RECORD_NOT_FOUND');
    expect((await api.as('salesClerk')('POST', '/api/v1/journalTemplates/PAYMENT/batches', { name: 'CLERK' })).statusCode).toBe(403);

    // Deleting a template takes its batches and their draft lines with it, as in BC.
    await addLine('/api/v1/journalTemplates/PAYMENT/batches/BANK', { accountNo: 'V1', amount: '10' });
    expect((await send('DELETE', '/api/v1/journalTemplates/PAYMENT')).statusCode).toBe(204);
    expect(await api.db.select().from(generalJournalLine)).toEqual([]);
  });
});

describe('journal lines', () => {
  it('sets a new line up as BC does: work date, the series\' next number (peeked), payment of a customer, the batch\'s bank', async () => {
    const first = await addLine(receipts, { accountNo: 'C', amount: '-125' });
    expect(first).toMatchObject({
      lineNo: 10000, postingDate: workDate, documentType: 'payment', documentNo: 'G02001', accountType: 'customer', accountNo: 'C',
      amount: '-125.00', balAccountType: 'bankAccount', balAccountNo: 'GIRO', version: 1,
    });
    // The line above balances through its balancing account, so the next line is the next document.
    expect(await addLine(receipts, { postingDate: '2026-03-09', accountNo: 'C', amount: '-10' })).toMatchObject({ lineNo: 20000, documentNo: 'G02002', postingDate: '2026-03-09' });
    expect(await addLine(receipts, { accountNo: 'C', amount: '-5' })).toMatchObject({ lineNo: 30000, documentNo: 'G02003', postingDate: '2026-03-09' });
    expect(await lastNoUsed('RCPT')).toBeNull();

    // Without a balancing account the document goes on until its lines balance (general journal, no series).
    expect(await addLine(general, { documentNo: 'RENT-1', accountNo: '6200', amount: '100' })).toMatchObject({ documentType: '', accountType: 'glAccount', balAccountType: null });
    expect(await addLine(general, { accountNo: '2900', amount: '-100' })).toMatchObject({ documentNo: 'RENT-1' });
    expect(await addLine(general, { accountNo: '6200', amount: '7' })).toMatchObject({ documentNo: 'RENT-2', lineNo: 30000 });
  });

  it('changes and deletes lines with versions, and lists them in line order', async () => {
    const line = await addLine(receipts, { accountNo: 'C', amount: '-125', appliesToDocNo: 'X' });
    const url = `${receipts}/lines/${line.lineNo}`;
    const changed = await send('PATCH', url, { amount: '-120', appliesToDocNo: null, externalDocumentNo: 'CHQ 1' }, { 'if-match': '"1"' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({ amount: '-120.00', appliesToDocNo: null, externalDocumentNo: 'CHQ 1', version: 2 });
    expect((await send('PATCH', url, { amount: '-1' }, { 'if-match': '"1"' })).json().code).toBe('VERSION_CONFLICT');
    expect((await send('PATCH', url, { amount: 'lots' })).json().errors[0].field).toBe('amount');
    await addLine(receipts, { accountNo: 'C', amount: '-1' });
    expect((await lines(receipts)).map((row) => row.lineNo)).toEqual([10000, 20000]);
    expect((await send('GET', `${receipts}/lines?limit=1`)).json().nextCursor).toBe('10000');
    expect((await send('DELETE', url, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await send('GET', url)).statusCode).toBe(404);
    expect((await api.as('viewer')('POST', `${receipts}/lines`, { accountNo: 'C', amount: '-1' })).statusCode).toBe(403);
    expect((await api.as('salesClerk')('POST', `${receipts}/lines`, { accountNo: 'C', amount: '-1' })).statusCode).toBe(201);
  });

  it('imports many lines all or none, each set up from the one before', async () => {
    const refused = await send('POST', `${receipts}/importLines`, { lines: [{ accountNo: 'C', amount: '-1' }, { accountNo: 'C', amount: '-2', colour: 'red' }] });
    expect([refused.statusCode, refused.json().errors[0].field]).toEqual([400, 'lines.1.colour']);
    const response = await send('POST', `${receipts}/importLines`, { lines: [{ accountNo: 'C', amount: '-1' }, { accountNo: 'C', amount: '-2' }, { lineNo: 15000, accountNo: 'C', amount: '-3' }] });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().lines.map((row: Record<string, unknown>) => [row.lineNo, row.documentNo])).toEqual([[10000, 'G02001'], [20000, 'G02002'], [15000, 'G02003']]);
    const duplicate = await send('POST', `${receipts}/importLines`, { lines: [{ accountNo: 'C', amount: '-4' }, { lineNo: 10000, accountNo: 'C', amount: '-5' }] });
    expect([duplicate.statusCode, duplicate.json().code, duplicate.json().errors[0].field]).toEqual([409, 'ALREADY_EXISTS', 'lines.1.lineNo']);
    expect((await lines(receipts)).length).toBe(3);
  });
});

describe('posting a cash receipts batch', () => {
  it('previews, then posts customer payments: customer entry −amount, bank entry +amount, Dr bank Cr receivables; lines deleted, numbers drawn gaplessly', async () => {
    const invoiceNo = await givenPostedInvoice();
    await addLine(receipts, { accountNo: 'C', amount: '-125', appliesToDocType: 'invoice', appliesToDocNo: invoiceNo, externalDocumentNo: 'CHQ 4711' });
    await addLine(receipts, { accountNo: 'C', amount: '-30' });

    const before = await rowCounts();
    const preview = await send('POST', `${receipts}/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().transactions.map((row: Record<string, unknown>) => [row.documentNo, row.lines])).toEqual([['G02001', [10000]], ['G02002', [20000]]]);
    expect(await rowCounts()).toEqual(before);
    expect(await lastNoUsed('RCPT')).toBeNull();

    const posted = await send('POST', `${receipts}/post`);
    expect(posted.statusCode, posted.body).toBe(201);
    const { transactions, postedLines } = posted.json();
    expect(postedLines).toBe(2);
    expect(transactions.map((row: Record<string, unknown>) => [row.documentNo, row.lines])).toEqual([['G02001', [10000]], ['G02002', [20000]]]);
    const payments = (await api.db.select().from(customerLedgerEntry).orderBy(asc(customerLedgerEntry.entryNo))).filter((entry) => entry.documentType === 'payment');
    expect(payments.map((entry) => [entry.documentNo, entry.amount, entry.remainingAmount, entry.open, entry.externalDocumentNo])).toEqual([
      ['G02001', '-125.00', '0.00', false, 'CHQ 4711'], ['G02002', '-30.00', '-30.00', true, ''],
    ]);
    const bankEntries = await api.db.select().from(bankAccountLedgerEntry).orderBy(asc(bankAccountLedgerEntry.entryNo));
    expect(bankEntries.map((entry) => [entry.bankAccountNo, entry.documentNo, entry.amount, entry.balAccountType, entry.balAccountNo])).toEqual([
      ['GIRO', 'G02001', '125.00', 'customer', 'C'], ['GIRO', 'G02002', '30.00', 'customer', 'C'],
    ]);
    const paymentGl = (await api.db.select().from(glEntry).orderBy(asc(glEntry.entryNo))).filter((entry) => entry.documentNo.startsWith('G020'));
    expect(paymentGl.map((entry) => [entry.documentNo, entry.glAccountNo, entry.amount])).toEqual([
      ['G02001', '1300', '-125.00'], ['G02001', '2910', '125.00'], ['G02002', '1300', '-30.00'], ['G02002', '2910', '30.00'],
    ]);
    expect(await lines(receipts)).toEqual([]);
    // After the invoice's SALES register, the template's source code (BC's CASHRECJNL): such payments can be reversed.
    expect((await api.db.select({ sourceCode: glRegister.sourceCode }).from(glRegister)).map((row) => row.sourceCode)).toEqual(['SALES', 'CASHRECJNL', 'CASHRECJNL']);
    expect(await lastNoUsed('RCPT')).toBe('G02002');
    expect(await addLine(receipts, { accountNo: 'C', amount: '-1' })).toMatchObject({ documentNo: 'G02003' });
  });

  it('posts nothing from a batch with one bad line, naming the line and the field', async () => {
    await addLine(receipts, { accountNo: 'C', amount: '-10' });
    await addLine(receipts, { amount: '-20' });
    await addLine(receipts, { accountNo: 'C', amount: '-30' });
    const before = await rowCounts();
    const response = await send('POST', `${receipts}/post`);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'FIELD_REQUIRED', errors: [{ field: 'lines.20000.accountNo' }] });
    expect(response.json().detail).toContain('journal line 20000');
    expect(await rowCounts()).toEqual(before);
    expect(await lastNoUsed('RCPT')).toBeNull();
    expect(await api.db.select().from(glRegister)).toEqual([]);
  });

  it('refuses a document no. that does not balance, and one that is not the series\' next number', async () => {
    await addLine(general, { documentNo: 'RENT-1', accountNo: '6200', amount: '100' });
    await addLine(general, { accountNo: '2900', amount: '-99' });
    const unbalanced = await send('POST', `${general}/post`);
    expect(unbalanced.json()).toMatchObject({ code: 'JOURNAL_NOT_BALANCED', errors: [{ field: 'lines.20000.amount' }] });

    await addLine(receipts, { accountNo: 'C', amount: '-10' });
    await addLine(receipts, { documentNo: 'G02005', accountNo: 'C', amount: '-20' });
    const before = await rowCounts();
    const skipped = await send('POST', `${receipts}/post`);
    expect(skipped.statusCode, skipped.body).toBe(422);
    expect(skipped.json()).toMatchObject({ code: 'JOURNAL_DOCUMENT_NO_NOT_NEXT', errors: [{ field: 'lines.20000.documentNo' }] });
    expect(skipped.json().detail).toContain('G02002');
    expect(await rowCounts()).toEqual(before);
    expect(await lastNoUsed('RCPT')).toBeNull();
  });

  it('applies the posting checks: allowed posting dates, blocked customer, direct posting; an empty batch has nothing to post', async () => {
    expect((await send('POST', `${receipts}/post`)).json().code).toBe('JOURNAL_BATCH_EMPTY');
    await send('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: '2026-03-01', allowPostingTo: '2026-03-31' });
    const line = await addLine(receipts, { postingDate: '2026-04-01', accountNo: 'C', amount: '-10' });
    const url = `${receipts}/lines/${line.lineNo}`;
    const outside = await send('POST', `${receipts}/post`);
    expect([outside.statusCode, outside.json().code, outside.json().errors[0].field]).toEqual([422, 'POSTING_DATE_NOT_ALLOWED', 'lines.10000.postingDate']);

    await send('PATCH', url, { postingDate: workDate });
    await send('PATCH', '/api/v1/customers/C', { blocked: 'all' });
    const blocked = await send('POST', `${receipts}/post`);
    expect([blocked.json().code, blocked.json().errors[0].field]).toEqual(['CUSTOMER_BLOCKED', 'lines.10000.accountNo']);

    await send('PATCH', '/api/v1/customers/C', { blocked: 'none' });
    await send('PATCH', '/api/v1/glAccounts/2900', { directPosting: false });
    await send('PATCH', url, { balAccountType: 'glAccount', balAccountNo: '2900' });
    const direct = await send('POST', `${receipts}/post`);
    expect([direct.json().code, direct.json().errors[0].field]).toEqual(['DIRECT_POSTING_NOT_ALLOWED', 'lines.10000.balAccountNo']);
    expect(await api.db.select().from(glRegister)).toEqual([]);
    expect((await api.as('viewer')('POST', `${receipts}/post`)).statusCode).toBe(403);
  });
});
