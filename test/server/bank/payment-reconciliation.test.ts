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
import { created, givenCustomer } from '../../support/given.ts';
import { type Send, givenReceivablesCompany, postedInvoice } from '../receivables/receivables-fixture.ts';
import type { TestApi } from '../../support/api.ts';

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
