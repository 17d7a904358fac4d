/**
 * The receivables side of the model-based test's invariants (spec §20.1, §20.3): every customer
 * ledger entry against the model's invoice, credit memo or payment, remaining amounts from the
 * detailed entries, the applications and unapplications they record, receivables and the payment
 * accounts against the sub-ledgers and the model. Called by posting-model-invariants.ts with the
 * rows it read for the step.
 */
import { expect } from 'vitest';
import { type Decimal, dec, sum, ZERO } from '../../src/core/money/decimal.ts';
import type { bankAccountLedgerEntry, customerLedgerEntry, detailedCustomerLedgerEntry, glEntry } from '../../src/server/db/schema/index.ts';
import { paymentAccounts, roundingAccount } from './given-model-company.ts';
import { toLcy } from './posting-model-amounts.ts';
import { customerFacts, customerNos, type ModelEntry, type PostingModel } from './posting-model.ts';

export interface ReceivablesBooks {
  glEntries: Array<typeof glEntry.$inferSelect>;
  customerEntries: Array<typeof customerLedgerEntry.$inferSelect>;
  details: Array<typeof detailedCustomerLedgerEntry.$inferSelect>;
  bankEntries: Array<typeof bankAccountLedgerEntry.$inferSelect>;
}
type CustomerEntryRow = ReceivablesBooks['customerEntries'][number];
type Deviate = (kind: string, detail: string) => void;

const d = (value: string | null | undefined) => dec(value ?? '0');
const cents = (value: Decimal) => value.toFixed(2);

export function balanceOf(entries: ReceivablesBooks['glEntries'], ...accounts: string[]): Decimal {
  return sum(entries.filter((entry) => accounts.includes(entry.glAccountNo)).map((entry) => d(entry.amount)));
}

export function checkReceivablesBooks(books: ReceivablesBooks, model: PostingModel, deviate: Deviate) {
  checkCustomerEntries(books, model, deviate);
  checkApplications(books, model);
  checkReceivables(books, model);
  checkPaymentAccounts(books, model);
}

/** An entry as the model has it: Amount and Amount (LCY) signed as the entry (invoice +, credit memo and payment −). */
function modelFacts(entry: ModelEntry) {
  const [amount, amountLcy] = entry.kind === 'payment' ? [entry.amount, entry.amountLcy]
    : entry.kind === 'invoice' ? [entry.amounts.total, entry.amounts.totalLcy] : [entry.amounts.total.negated(), entry.amounts.totalLcy.negated()];
  return { customerNo: entry.customerNo, currencyCode: customerFacts(entry.customerNo).currencyCode, amount: cents(amount), amountLcy: cents(amountLcy), remaining: cents(entry.remaining) };
}

/** Every entry: remaining = Σ its detailed entries, open ⇔ remaining ≠ 0, and amounts and remaining as the model's; the customers' balances. */
function checkCustomerEntries({ customerEntries, details }: ReceivablesBooks, model: PostingModel, deviate: Deviate) {
  const detailSum = new Map<number, { amount: Decimal; amountLcy: Decimal }>();
  for (const detail of details) {
    const total = detailSum.get(detail.customerLedgerEntryNo) ?? { amount: ZERO, amountLcy: ZERO };
    detailSum.set(detail.customerLedgerEntryNo, { amount: total.amount.plus(d(detail.amount)), amountLcy: total.amountLcy.plus(d(detail.amountLcy)) });
  }
  for (const entry of customerEntries) {
    const label = `customer ledger entry ${entry.entryNo} (${entry.documentType} ${entry.documentNo})`;
    const detailed = detailSum.get(entry.entryNo) ?? { amount: ZERO, amountLcy: ZERO };
    expect({ remaining: cents(d(entry.remainingAmount)), remainingLcy: cents(d(entry.remainingAmountLcy)) }, `${label}: remaining = Σ detailed entries`)
      .toEqual({ remaining: cents(detailed.amount), remainingLcy: cents(detailed.amountLcy) });
    expect(entry.open, `${label}: open ⇔ remaining ≠ 0`).toBe(!d(entry.remainingAmount).isZero());
    // What the model leaves out must be absent: its customers' terms (14D) have no discount, the tolerance is 0 %.
    expect({ discount: cents(d(entry.originalPaymentDiscountPossible)), tolerance: cents(d(entry.maxPaymentTolerance)) }, `${label}: no payment discount or tolerance possible`)
      .toEqual({ discount: '0.00', tolerance: '0.00' });
    checkRemainingLcy(entry, label, deviate);
    const modelled = model.entryOf(entry.documentType, entry.documentNo);
    expect(modelled, `${label}: a document or payment the model posted`).toBeDefined();
    expect({
      customerNo: entry.customerNo, currencyCode: entry.currencyCode,
      amount: cents(d(entry.amount)), amountLcy: cents(d(entry.amountLcy)), remaining: cents(d(entry.remainingAmount)),
    }, `${label}: customer, currency, amount, Amount (LCY), remaining amount (model)`).toEqual(modelFacts(modelled!));
  }
  expect(customerEntries.length, 'one customer ledger entry per posted invoice, credit memo and payment').toBe(model.posted.size + model.payments.size);
  for (const customerNo of customerNos) {
    const remaining = sum(customerEntries.filter((entry) => entry.customerNo === customerNo).map((entry) => d(entry.remainingAmount)));
    expect(cents(remaining), `customer ${customerNo}: balance = Σ invoices − Σ credit memos − Σ payments in its currency (model)`).toBe(cents(model.balance(customerNo)));
  }
}

/**
 * BC keeps an entry in a currency at Remaining Amt. (LCY) = round(Remaining Amount / currency factor):
 * after an application leaves a rounding residue it posts a Correction of Remaining Amount (Gen.
 * Jnl.-Post Line, CalcAmtLCYAdjustment), so a closed entry has nothing left in LCY either.
 */
function checkRemainingLcy(entry: CustomerEntryRow, label: string, deviate: Deviate) {
  const { factor } = customerFacts(entry.customerNo);
  if (!factor) return;
  expect(d(entry.currencyFactor).equals(factor), `${label}: currency factor ${entry.currencyFactor} = ${factor.toString()}`).toBe(true);
  const expected = cents(toLcy(d(entry.remainingAmount), factor));
  if (cents(d(entry.remainingAmountLcy)) !== expected) {
    deviate('remaining-lcy-not-corrected', `${label}${entry.open ? '' : ' (closed)'}: Remaining Amount ${cents(d(entry.remainingAmount))} ${entry.currencyCode} is ${expected} LCY at factor ${factor.toString()}, Remaining Amt. (LCY) ${cents(d(entry.remainingAmountLcy))}`);
  }
}

/**
 * Spec §20.1, §20.3: an application writes a pair of Application detailed entries per applied entry
 * (opposite amounts, so each transaction's pairs sum to 0); unapply writes the opposite of each,
 * both flagged Unapplied. The model grants no discount, tolerance or gain and loss, so those are all,
 * besides BC's Correction of Remaining Amount on an entry in a currency (checkCorrections).
 */
function checkApplications({ details }: ReceivablesBooks, model: PostingModel) {
  const types = [...new Set(details.map((detail) => detail.entryType))].sort();
  expect(types.filter((type) => !['initialEntry', 'application', 'correctionOfRemainingAmount'].includes(type)), 'detailed entry types: Initial Entry, Application, Correction of Remaining Amount only')
    .toEqual([]);
  const applicationRows = details.filter((detail) => detail.entryType === 'application');
  const pairs = (live: boolean) => model.applications.filter((application) => application.live === live).reduce((total, application) => total + application.pairs.length, 0);
  const unapplied = applicationRows.filter((detail) => detail.unapplied).length;
  expect({ application: applicationRows.length, unapplied }, 'Application detailed entries: 2 per applied pair, 4 once unapplied; flagged Unapplied: those 4 (model)')
    .toEqual({ application: 2 * pairs(true) + 4 * pairs(false), unapplied: 4 * pairs(false) });
  const byTransaction = new Map<number, { amount: Decimal; amountLcy: Decimal }>();
  for (const row of applicationRows) {
    const total = byTransaction.get(row.transactionNo) ?? { amount: ZERO, amountLcy: ZERO };
    byTransaction.set(row.transactionNo, { amount: total.amount.plus(d(row.amount)), amountLcy: total.amountLcy.plus(d(row.amountLcy)) });
  }
  const unbalanced = [...byTransaction].filter(([, total]) => !total.amount.isZero() || !total.amountLcy.isZero())
    .map(([transactionNo, total]) => `transaction ${transactionNo}: ${cents(total.amount)} / ${cents(total.amountLcy)} LCY`);
  expect(unbalanced, 'the Application detailed entries of each transaction sum to 0, in currency and LCY').toEqual([]);
}

/**
 * BC's Correction of Remaining Amount (Gen. Jnl.-Post Line CalcAmtLCYAdjustment): only on an entry in
 * a currency, in LCY only (checkRemainingLcy compares the entries' Remaining Amt. (LCY) with their
 * rate); the rounding account carries what the corrections took off receivables. The model does not
 * predict the cent, so receivables are checked against the model with the corrections added.
 */
function checkCorrections({ glEntries, customerEntries, details }: ReceivablesBooks): Decimal {
  const corrections = details.filter((detail) => detail.entryType === 'correctionOfRemainingAmount');
  for (const detail of corrections) {
    const entry = customerEntries.find((candidate) => candidate.entryNo === detail.customerLedgerEntryNo)!;
    const label = `Correction of Remaining Amount ${detail.entryNo} on customer ledger entry ${entry.entryNo} (${entry.documentType} ${entry.documentNo})`;
    expect({ currency: customerFacts(entry.customerNo).factor !== null, amount: cents(d(detail.amount)) }, `${label}: on an entry in a currency, in LCY only`).toEqual({ currency: true, amount: '0.00' });
  }
  const corrected = sum(corrections.map((detail) => d(detail.amountLcy)));
  expect(cents(balanceOf(glEntries, roundingAccount).negated()), `G/L rounding (${roundingAccount}) = Σ Correction of Remaining Amount in LCY`).toBe(cents(corrected));
  return corrected;
}

/** Receivables account = the customer sub-ledger (initial and detailed entries, remaining in LCY) = the model, with its corrections. */
function checkReceivables(books: ReceivablesBooks, model: PostingModel) {
  const { glEntries, customerEntries, details } = books;
  const corrected = checkCorrections(books);
  const receivables = cents(balanceOf(glEntries, '1300'));
  expect(receivables, 'G/L receivables (1300) = Σ customer ledger entries Amount (LCY) + Σ Correction of Remaining Amount')
    .toBe(cents(sum(customerEntries.map((entry) => d(entry.amountLcy))).plus(corrected)));
  expect(receivables, 'G/L receivables (1300) = Σ detailed customer ledger entries Amount (LCY)').toBe(cents(sum(details.map((detail) => d(detail.amountLcy)))));
  expect(receivables, 'G/L receivables (1300) = Σ customer ledger entries Remaining Amt. (LCY)').toBe(cents(sum(customerEntries.map((entry) => d(entry.remainingAmountLcy)))));
  expect(receivables, 'G/L receivables (1300) = Σ invoices − Σ credit memos − Σ payments incl. VAT in LCY (model) + Σ Correction of Remaining Amount')
    .toBe(cents(model.receivablesLcy().plus(corrected)));
}

/** The money received: bank account GIRO (in LCY) and its G/L account, and the cash account, against the payments the model posted. */
function checkPaymentAccounts({ glEntries, bankEntries }: ReceivablesBooks, model: PostingModel) {
  const { bank, cash } = paymentAccounts;
  const giro = bankEntries.filter((entry) => entry.bankAccountNo === bank.balAccountNo);
  expect(giro.length, 'a bank account ledger entry per payment to GIRO').toBe([...model.payments.values()].filter((payment) => payment.account === 'bank').length);
  expect(giro.filter((entry) => !d(entry.amount).equals(d(entry.amountLcy))).map((entry) => entry.entryNo), 'GIRO is in LCY: Amount = Amount (LCY)').toEqual([]);
  const ledger = cents(sum(giro.map((entry) => d(entry.amountLcy))));
  expect(cents(balanceOf(glEntries, bank.glAccountNo)), `G/L bank (${bank.glAccountNo}) = Σ GIRO bank account ledger entries`).toBe(ledger);
  expect(ledger, 'Σ GIRO bank account ledger entries = payments to GIRO in LCY (model)').toBe(cents(model.receivedLcy('bank')));
  expect(cents(balanceOf(glEntries, cash.glAccountNo)), `G/L cash (${cash.glAccountNo}) = payments to cash in LCY (model)`).toBe(cents(model.receivedLcy('cash')));
}
