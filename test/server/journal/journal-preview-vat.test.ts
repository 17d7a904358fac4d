import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vatEntry } from '../../../src/server/db/schema/index.ts';
import type { TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { givenReceivablesCompany, paymentLine, postedInvoice, type Send } from '../receivables/receivables-fixture.ts';

// A journal's Posting Preview lists the VAT entries its postings would write, as the sales posting
// preview does: here the output VAT a payment discount reverses under Adjust for Payment Discount.
let api: TestApi;
let send: Send;
let invoiceNo: string;

beforeEach(async () => {
  ({ api, send } = await givenReceivablesCompany('2026-03-08'));
  await send('PATCH', '/api/v1/generalLedgerSetup', { adjustForPaymentDiscount: true });
  const setups = (await send('GET', '/api/v1/vatPostingSetups')).json().items;
  await send('PATCH', `/api/v1/vatPostingSetups/${setups.find((row: { vatProdPostingGroup: string }) => row.vatProdPostingGroup === 'VAT25').id}`, { adjustForPaymentDiscount: true });
  invoiceNo = await postedInvoice(send);
});
afterEach(() => api.close());

const rowCounts = async () => (await api.db.execute(sql`select (select count(*) from gl_entry) as gl, (select count(*) from vat_entry) as vat,
  (select count(*) from customer_ledger_entry) as customer, (select count(*) from detailed_customer_ledger_entry) as detailed`) as unknown as { rows: unknown[] }).rows[0];
const sequenceValues = async () => (await api.db.execute(sql`select sequencename, last_value from pg_sequences where schemaname = 'public' order by sequencename`) as unknown as { rows: unknown[] }).rows;
const vatView = (row: { type: string; base: string; amount: string; vatIdentifier: string; documentType: string; documentNo: string; billToPayToNo: string }) =>
  [row.type, row.base, row.amount, row.vatIdentifier, row.documentType, row.documentNo, row.billToPayToNo];

describe('journal Posting Preview: VAT entries', () => {
  it('POST /generalJournal/preview lists the VAT entry of the discount\'s VAT part, numbered as posting then numbers it, and writes nothing', async () => {
    const lines = [paymentLine({ amount: '-950', appliesToDocNo: invoiceNo })];
    const before = { counts: await rowCounts(), sequences: await sequenceValues() };
    const response = await send('POST', '/api/v1/generalJournal/preview', { lines });
    expect(response.statusCode, response.body).toBe(200);
    const [transaction] = response.json().transactions;
    expect(transaction.vatEntries.map(vatView)).toEqual([['sale', '40.00', '10.00', 'VAT25', 'payment', 'PAY-1', 'C']]);
    expect(transaction.glEntries.map((row: { glAccountNo: string; amount: string }) => [row.glAccountNo, row.amount]))
      .toEqual(expect.arrayContaining([['7930', '40.00'], ['2310', '10.00']]));
    expect(await rowCounts()).toEqual(before.counts);
    expect(await sequenceValues()).toEqual(before.sequences);

    const posted = await send('POST', '/api/v1/generalJournal/post', { lines });
    expect(posted.statusCode, posted.body).toBe(201);
    const stored = (await api.db.select().from(vatEntry)).filter((row) => row.transactionNo === posted.json().transactions[0].transactionNo);
    expect(stored.map((row) => ({ ...row }))).toEqual(transaction.vatEntries.map((row: Record<string, unknown>) => expect.objectContaining({
      entryNo: row.entryNo, transactionNo: row.transactionNo, base: row.base, amount: row.amount, postingDate: row.postingDate,
    })));
  });

  it('a journal batch\'s preview lists them too, with no VAT entry for a payment that earns no discount', async () => {
    const batch = '/api/v1/journalTemplates/CASHRCPT/batches/GENERAL';
    const line = (fields: Record<string, unknown>) => created(send, `${batch}/lines`, {
      postingDate: '2026-03-08', documentType: 'payment', accountType: 'customer', accountNo: 'C', balAccountType: 'bankAccount', balAccountNo: 'GIRO', ...fields,
    });
    const other = await postedInvoice(send);
    await line({ documentNo: 'PAY-1', amount: '-950', appliesToDocType: 'invoice', appliesToDocNo: invoiceNo });
    await line({ documentNo: 'PAY-2', amount: '-500', appliesToDocType: 'invoice', appliesToDocNo: other });
    const before = await rowCounts();
    const response = await send('POST', `${batch}/preview`);
    expect(response.statusCode, response.body).toBe(200);
    const transactions = response.json().transactions as { documentNo: string; vatEntries: Parameters<typeof vatView>[0][] }[];
    expect(transactions.map((transaction) => [transaction.documentNo, transaction.vatEntries.map(vatView)])).toEqual([
      ['PAY-1', [['sale', '40.00', '10.00', 'VAT25', 'payment', 'PAY-1', 'C']]], ['PAY-2', []],
    ]);
    expect(await rowCounts()).toEqual(before);
  });
});
