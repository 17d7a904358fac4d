/**
 * The payment reconciliation journal over HTTP (spec §22, worked example 15): Apply Automatically
 * with the rule table, text mappings and review, Apply Manually with payment discount, Transfer
 * Difference (split), posting with and without reconciling, and the refusals that leave nothing behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import {
  bankAccount, bankAccountLedgerEntry, bankReconciliationLine, customerLedgerEntry, glEntry, postedPaymentReconciliation,
} from '../../../src/server/db/schema/index.ts';
import type { Executor } from '../../../src/server/db/connection.ts';
import { loadDemoCompany } from '../../../src/server/demo/demo-company.ts';
import { created, givenCustomer } from '../../support/given.ts';
import { type Send, givenReceivablesCompany, postedInvoice } from '../receivables/receivables-fixture.ts';
import { type TestApi, testApi } from '../../support/api.ts';

const journals = '/api/v1/bankAccounts/GIRO/paymentReconciliations';
let api: TestApi;
let send: Send;

beforeEach(async () => {
  ({ api, send } = await givenReceivablesCompany('2026-03-20'));
  await send('PATCH', '/api/v1/customers/C', { name: 'Contoso Ltd.', address: '1 Main St', city: 'Springfield', paymentTermsCode: '14D' });
  await givenCustomer(send, 'F', { name: 'Fabrikam Inc.' });
  await created(send, '/api/v1/glAccounts', { no: '60400', name: 'Bank fees', incomeBalance: 'incomeStatement' });
  await send('PATCH', '/api/v1/bankAccounts/GIRO', { matchToleranceType: 'amount', matchToleranceValue: '1' });
});
afterEach(() => api.close());

/** PI0001 Contoso 1,250.00, PI0002 Contoso 400.00, PI0003 Fabrikam 1,250.00 (all incl. 25 % VAT). */
async function givenInvoices() {
  return [await postedInvoice(send, { unitPrice: '1000' }), await postedInvoice(send, { unitPrice: '320' }), await postedInvoice(send, { unitPrice: '1000', customerNo: 'F' })];
}

async function newJournal(endingBalance: string, lines: Record<string, unknown>[]) {
  const journal = await created(send, journals, { statementEndingBalance: endingBalance });
  for (const line of lines) await created(send, `${journals}/${journal.statementNo}/lines`, { transactionDate: '2026-03-20', ...line });
  return `${journals}/${journal.statementNo}`;
}

const lineOf = async (path: string, lineNo: number) => (await send('GET', `${path}/lines/${lineNo}`)).json();
const openRemaining = async (documentNo: string) => {
  const [entry] = await api.db.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.documentNo, documentNo));
  return { open: entry!.open, remaining: entry!.remainingAmount };
};

describe('Apply Automatically and posting (worked example 15)', () => {
  it('matches by related party and document no., maps the bank fee, asks for review of an amount-only match, and posts reconciled', async () => {
    const [first, second] = await givenInvoices();
    await created(send, '/api/v1/textToAccountMappings', { mappingText: 'MyBank', debitAccNo: '60400', creditAccNo: '60400' });
    const path = await newJournal('1637.00', [
      { transactionText: `Payment INV ${first}`, relatedPartyName: 'Contoso Ltd.', statementAmount: '1250.00' },
      { transactionText: 'MyBank fee', statementAmount: '-12.50' },
      { transactionText: 'Thanks', statementAmount: '399.50' },
    ]);
    const applied = await created(send, `${path}/applyAutomatically`, undefined);
    expect(applied).toMatchObject({ lines: 3, matched: 3 });

    const [line1, line2, line3] = (await send('GET', `${path}/lines`)).json().items;
    expect(line1).toMatchObject({ accountType: 'customer', accountNo: 'C', matchConfidence: 'high', appliedAmount: '1250.00', difference: '0.00', reviewRequired: false });
    expect(line1.appliedEntries.map((entry: { documentNo: string }) => entry.documentNo)).toEqual([first]);
    expect(line1.matchDetails.rule).toMatchObject({ matchConfidence: 'high', priority: 3 });
    expect(line1.matchDetails.criteria).toMatchObject({ relatedParty: { result: 'fully' }, documentNo: { result: 'yes' }, amount: { result: 'oneMatch' } });
    expect(line2).toMatchObject({ accountType: 'glAccount', accountNo: '60400', matchConfidence: 'highTextToAccountMapping', difference: '0.00' });
    expect(line3).toMatchObject({ accountNo: 'C', matchConfidence: 'low', reviewRequired: true, appliedAmount: '399.50' });
    expect(line3.appliedEntries[0]).toMatchObject({ documentNo: second, appliedAmount: '399.50' });
    expect((await send('GET', path)).json()).toMatchObject({ linesToReview: 1, linesWithDifference: 0, totalStatementAmount: '1637.00', balanceAfterPosting: '1637.00' });
    expect((await send('GET', `${path}/lines?filter=toReview`)).json().items.map((line: { statementLineNo: number }) => line.statementLineNo)).toEqual([30000]);

    expect((await send('POST', `${path}/lines/30000/accept`)).json()).toMatchObject({ matchConfidence: 'accepted', reviewRequired: false });
    const posted = await created(send, `${path}/post`, { reconcile: true });
    expect(posted).toMatchObject({ reconciled: true, postedLines: 3 });

    expect(await openRemaining(first!)).toEqual({ open: false, remaining: '0.00' });
    expect(await openRemaining(second!)).toEqual({ open: true, remaining: '0.50' });
    const bankEntries = await api.db.select().from(bankAccountLedgerEntry).orderBy(asc(bankAccountLedgerEntry.entryNo));
    expect(bankEntries.map((entry) => [entry.amount, entry.open, entry.statementStatus, entry.statementLineNo, entry.documentNo]))
      .toEqual([['1250.00', false, 'closed', 10000, '1'], ['-12.50', false, 'closed', 20000, '1'], ['399.50', false, 'closed', 30000, '1']]);
    const gl = await api.db.select({ account: glEntry.glAccountNo, total: sql<string>`sum(${glEntry.amount})::text`, source: sql<string>`min(${glEntry.sourceCode})` })
      .from(glEntry).groupBy(glEntry.glAccountNo).orderBy(glEntry.glAccountNo);
    expect(gl.filter((row) => ['2910', '60400'].includes(row.account))).toEqual([
      { account: '2910', total: '1637.00', source: 'PMTRECON' }, { account: '60400', total: '12.50', source: 'PMTRECON' },
    ]);
    const [bank] = await api.db.select().from(bankAccount).where(eq(bankAccount.no, 'GIRO'));
    expect([bank!.lastStatementNo, bank!.balanceLastStatement, bank!.lastPaymentStatementNo]).toEqual(['1', '1637.00', '1']);
    expect((await send('GET', path)).statusCode).toBe(404);
    expect(await api.db.select({ reconciled: postedPaymentReconciliation.reconciled }).from(postedPaymentReconciliation)).toEqual([{ reconciled: true }]);
  });

  it('applies a line to several invoices named in its text (one-to-many), less an invoice a better line took (example 15, line 2)', async () => {
    const [first, second] = await givenInvoices();
    const path = await newJournal('0', [
      { transactionText: `Invoices ${first} ${second} Contoso`, statementAmount: '1650.00' },
      { transactionText: `Payment INV ${first}`, relatedPartyName: 'Contoso Ltd.', statementAmount: '1250.00' },
    ]);
    await created(send, `${path}/applyAutomatically`, undefined);
    const line2 = await lineOf(path, 20000);
    expect(line2.appliedEntries.map((entry: { documentNo: string }) => entry.documentNo)).toEqual([first]);
    const line1 = await lineOf(path, 10000);
    expect(line1).toMatchObject({ accountNo: 'C', matchConfidence: 'high', appliedAmount: '400.00', difference: '1250.00' });
    expect(line1.matchDetails.criteria.documentNo.result).toBe('yesMultiple');
    expect(line1.appliedEntries.map((entry: { documentNo: string }) => entry.documentNo)).toEqual([second]);

    await send('DELETE', `${path}/lines/20000`);
    await created(send, `${path}/applyAutomatically`, undefined);
    const alone = await lineOf(path, 10000);
    expect(alone).toMatchObject({ appliedAmount: '1650.00', difference: '0.00' });
    expect(alone.matchDetails.rule).toMatchObject({ matchConfidence: 'high' });
    expect(alone.appliedEntries.map((entry: { documentNo: string; appliedAmount: string }) => [entry.documentNo, entry.appliedAmount]))
      .toEqual([[first, '1250.00'], [second, '400.00']]);
  });
});

describe('Apply Manually, discount and Transfer Difference', () => {
  it('grants the payment discount of an invoice paid in time and closes it', async () => {
    await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: 'P5' });
    const invoice = await postedInvoice(send, { unitPrice: '1000' });
    const path = await newJournal('1187.50', [{ transactionDate: '2026-03-05', transactionText: 'Contoso', statementAmount: '1187.50' }]);
    const [entry] = await api.db.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.documentNo, invoice));
    const line = (await send('POST', `${path}/lines/10000/applyManually`, { accountNo: 'C', entries: [{ entryNo: entry!.entryNo }] })).json();
    expect(line).toMatchObject({ matchConfidence: 'manual', appliedAmount: '1187.50', difference: '0.00' });
    expect(line.appliedEntries[0]).toMatchObject({ appliedAmount: '1187.50', appliedPmtDiscount: '62.50' });
    await created(send, `${path}/post`, {});
    expect(await openRemaining(invoice)).toEqual({ open: false, remaining: '0.00' });
  });

  it('splits a partly applied line and posts the difference to a G/L account', async () => {
    const [first] = await givenInvoices();
    const path = await newJournal('1300.00', [{ transactionText: 'Contoso', statementAmount: '1300.00' }]);
    const [entry] = await api.db.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.documentNo, first!));
    await send('POST', `${path}/lines/10000/applyManually`, { accountNo: 'C', entries: [{ entryNo: entry!.entryNo }] });
    expect((await lineOf(path, 10000)).difference).toBe('50.00');
    expect((await send('POST', `${path}/post`, {})).json()).toMatchObject({ code: 'RECONCILIATION_LINE_DIFFERENCE', errors: [{ field: 'lines.10000' }] });

    const split = (await send('POST', `${path}/lines/10000/transferDifference`, { accountType: 'glAccount', accountNo: '60400' })).json().items;
    expect(split.map((line: { statementLineNo: number; statementAmount: string; accountNo: string; difference: string }) => [line.statementLineNo, line.statementAmount, line.accountNo, line.difference]))
      .toEqual([[10000, '1250.00', 'C', '0.00'], [20000, '50.00', '60400', '0.00']]);
    await created(send, `${path}/post`, {});
    expect(await openRemaining(first!)).toEqual({ open: false, remaining: '0.00' });
  });

  it('refuses entries of another customer, closed or already applied elsewhere, naming them', async () => {
    const [first, , fabrikam] = await givenInvoices();
    const entries = new Map((await api.db.select().from(customerLedgerEntry)).map((entry) => [entry.documentNo, entry.entryNo]));
    const path = await newJournal('0', [{ transactionText: 'x', statementAmount: '100' }, { transactionText: 'y', statementAmount: '100' }]);
    const other = await send('POST', `${path}/lines/10000/applyManually`, { accountNo: 'C', entries: [{ entryNo: entries.get(fabrikam!) }] });
    expect(other.json()).toMatchObject({ status: 422, code: 'ENTRY_OF_OTHER_CUSTOMER' });
    expect((await send('POST', `${path}/lines/10000/applyManually`, { accountNo: 'C', entries: [{ entryNo: entries.get(first!) }] })).statusCode).toBe(200);
    const twice = await send('POST', `${path}/lines/20000/applyManually`, { accountNo: 'C', entries: [{ entryNo: entries.get(first!) }] });
    expect(twice.json()).toMatchObject({ code: 'ENTRY_ALREADY_APPLIED' });
    const tooMuch = await send('POST', `${path}/lines/20000/applyManually`, { accountNo: 'C', entries: [{ entryNo: entries.get(first!), appliedAmount: '5000' }] });
    expect(tooMuch.statusCode).toBe(422);

    expect((await send('POST', '/api/v1/textToAccountMappings', { mappingText: 'Interest', debitAccNo: '60400', creditAccNo: null })).json()).toMatchObject({ creditAccNo: null, debitAccNo: '60400' });
    expect((await send('POST', '/api/v1/textToAccountMappings', { mappingText: 'Nothing' })).json()).toMatchObject({ code: 'INVALID_INPUT', errors: [{ field: 'creditAccNo' }] });
    const mapped = (await send('POST', `${path}/lines/20000/mapTextToAccount`, { mappingText: 'y', debitAccNo: '60400', creditAccNo: null })).json();
    expect(mapped).toMatchObject({ accountType: 'glAccount', accountNo: '60400', matchConfidence: 'highTextToAccountMapping' });
  });
});

describe('posting refusals leave nothing behind', () => {
  it('refuses a line applied to nothing and an ending balance that does not match', async () => {
    const [first] = await givenInvoices();
    const path = await newJournal('999.00', [{ transactionText: `Payment ${first}`, relatedPartyName: 'Contoso Ltd.', statementAmount: '1250.00' }, { transactionText: '??', statementAmount: '5' }]);
    await created(send, `${path}/applyAutomatically`, undefined);
    const notApplied = (await send('POST', `${path}/post`, {})).json();
    expect(notApplied).toMatchObject({ code: 'RECONCILIATION_LINE_NOT_APPLIED', errors: [{ field: 'lines.20000' }] });
    await send('DELETE', `${path}/lines/20000`);
    const balance = (await send('POST', `${path}/post`, {})).json();
    expect(balance).toMatchObject({ code: 'RECONCILIATION_ENDING_BALANCE' });
    expect(balance.detail).toContain('1250.00');
    expect(await api.db.select().from(bankAccountLedgerEntry)).toEqual([]);
    expect(await openRemaining(first!)).toEqual({ open: true, remaining: '1250.00' });
    expect((await api.db.select().from(bankReconciliationLine)).length).toBe(1);

    const preview = (await send('POST', `${path}/preview`, {})).json();
    expect(preview.transactions[0].bankAccountLedgerEntries.map((entry: { amount: string }) => entry.amount)).toEqual(['1250.00']);
    const onlyPayments = await created(send, `${path}/post`, { reconcile: false });
    expect(onlyPayments.reconciled).toBe(false);
    const [bankEntry] = await api.db.select().from(bankAccountLedgerEntry);
    expect([bankEntry!.open, bankEntry!.statementStatus]).toEqual([true, 'open']);
    expect(await openRemaining(first!)).toEqual({ open: false, remaining: '0.00' });

    // Corrections as in BC: unapply the customer entries, then reverse the register.
    const [invoiceEntry] = await api.db.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.documentNo, first!));
    expect((await send('POST', `/api/v1/customerLedgerEntries/${invoiceEntry!.entryNo}/unapply`, {})).statusCode).toBe(201);
    const reversed = await send('POST', `/api/v1/glRegisters/${onlyPayments.transactions[0].transactionNo}/reverse`);
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(await openRemaining(first!)).toEqual({ open: true, remaining: '1250.00' });
    const bankTotal = await api.db.select({ total: sql<string>`sum(${bankAccountLedgerEntry.amount})::text` }).from(bankAccountLedgerEntry);
    expect(bankTotal).toEqual([{ total: '0.00' }]);
  });
});

describe('what the web sets up and removes', () => {
  it('deletes an unposted journal with its lines, and refuses to delete a posted one, saying so', async () => {
    const posted = await newJournal('-5.00', [{ transactionText: 'Account fee', statementAmount: '-5.00' }]);
    expect((await send('PATCH', `${posted}/lines/10000`, { accountType: 'glAccount', accountNo: '60400' })).json()).toMatchObject({ matchConfidence: 'manual', difference: '0.00' });
    await created(send, `${posted}/post`, { reconcile: false });
    const refused = await send('DELETE', posted);
    expect(refused.json()).toMatchObject({ status: 409, code: 'DOCUMENT_ALREADY_POSTED' });
    expect(refused.json().detail).toContain('Payment Reconciliation Journal GIRO 1 has already been posted');

    const open = await newJournal('0', [{ transactionText: 'Typed', statementAmount: '10.00' }, { transactionText: 'Typed too', statementAmount: '20.00' }]);
    expect((await send('DELETE', open)).statusCode).toBe(204);
    expect((await send('GET', open)).statusCode).toBe(404);
    expect(await api.db.select().from(bankReconciliationLine)).toEqual([]);
    expect((await send('DELETE', open)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('saves the CSV statement format on the bank account, refusing one without amount columns or with a column out of range by field', async () => {
    const mapping = { delimiter: ';', headerRow: true, dateColumn: 0, debitColumn: 'Af', creditColumn: 'Bij', textColumn: 3, dateFormat: 'DD-MM-YYYY' };
    const saved = await send('PATCH', '/api/v1/bankAccounts/GIRO', { statementCsvMapping: mapping });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().statementCsvMapping).toEqual({ ...mapping, decimalSeparator: ',', thousandsSeparator: '' });

    const noAmount = await send('PATCH', '/api/v1/bankAccounts/GIRO', { statementCsvMapping: { ...mapping, creditColumn: undefined } });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().errors).toEqual([{ field: 'statementCsvMapping', message: expect.stringContaining('needs an amount column, or a debit and a credit column') }]);
    const outOfRange = await send('PATCH', '/api/v1/bankAccounts/GIRO', { statementCsvMapping: { ...mapping, dateColumn: -1, dateFormat: 'D.M.YY' } });
    expect(outOfRange.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['statementCsvMapping.dateColumn', 'statementCsvMapping.dateFormat']);
    expect((await send('GET', '/api/v1/bankAccounts/GIRO')).json().statementCsvMapping).toEqual(saved.json().statementCsvMapping);

    expect((await send('PATCH', '/api/v1/bankAccounts/GIRO', { statementCsvMapping: null })).json().statementCsvMapping).toBeNull();
  });
});

describe('the demo company', () => {
  it('posts bank charges by their text to G/L 4600 and finds an invoice paid 0.50 short within the current account\'s tolerance', async () => {
    const demo = await testApi();
    try {
      await demo.db.transaction((tx) => loadDemoCompany(tx as Executor, { workDate: '2026-03-20' }));
      const demoSend: Send = (method, url, body) => demo.as('admin')(method, url, body, { 'x-work-date': '2026-03-20' });
      const invoice = await created(demoSend, '/api/v1/salesInvoices', { sellToCustomerNo: 'C00060', lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice: '400' }] });
      const { invoiceNo } = await created(demoSend, `/api/v1/salesInvoices/${invoice.no}/post`, {});
      const checking = '/api/v1/bankAccounts/CHECKING/paymentReconciliations';
      const journal = await created(demoSend, checking, {});
      await created(demoSend, `${checking}/${journal.statementNo}/lines`, { transactionDate: '2026-03-20', transactionText: 'KOSTEN ZAKELIJK BETALINGSVERKEER 02-2026', statementAmount: '-4.15' });
      await created(demoSend, `${checking}/${journal.statementNo}/lines`, { transactionDate: '2026-03-20', transactionText: 'Payment', statementAmount: '483.50' });
      expect(await created(demoSend, `${checking}/${journal.statementNo}/applyAutomatically`, undefined)).toMatchObject({ lines: 2, matched: 2 });
      const [fee, payment] = (await demoSend('GET', `${checking}/${journal.statementNo}/lines`)).json().items;
      expect(fee).toMatchObject({ accountType: 'glAccount', accountNo: '4600', matchConfidence: 'highTextToAccountMapping', difference: '0.00' });
      expect(payment).toMatchObject({ accountType: 'customer', accountNo: 'C00060', appliedAmount: '483.50', difference: '0.00' });
      expect(payment.appliedEntries.map((entry: { documentNo: string }) => entry.documentNo)).toEqual([invoiceNo]);
      // Without the tolerance the short payment finds nothing: the demo's 1.00 is what matched it.
      expect((await demoSend('PATCH', '/api/v1/bankAccounts/CHECKING', { matchToleranceValue: '0' })).statusCode).toBe(200);
      await created(demoSend, `${checking}/${journal.statementNo}/applyAutomatically`, undefined);
      expect((await demoSend('GET', `${checking}/${journal.statementNo}/lines/20000`)).json()).toMatchObject({ accountNo: '', matchConfidence: 'none' });
    } finally {
      await demo.close();
    }
  });
});
