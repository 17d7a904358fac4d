/**
 * The purchase side of the model-based test's invariants (issue 14): every vendor ledger entry
 * against the model's purchase invoice, payables against the vendor sub-ledger, purchase VAT, the
 * cost the receipts and purchase invoices bring into inventory (per receipt, and on the G/L's
 * Direct Cost Applied and Invt. Accrual (Interim) accounts), the open purchase orders and the posted
 * purchase documents. Called by posting-model-invariants.ts with the rows it read for the step.
 */
import { expect } from 'vitest';
import { type Decimal, dec, sum } from '../../src/core/money/decimal.ts';
import type {
  detailedVendorLedgerEntry, glEntry, itemLedgerEntry, postedPurchaseHeader, postedPurchaseLine, purchaseHeader, purchaseLine, valueEntry, vatEntry, vendorLedgerEntry,
} from '../../src/server/db/schema/index.ts';
import { purchaseAccounts, vatRates } from './given-model-company.ts';
import { quantityOf } from './posting-model-amounts.ts';
import { type PostedPurchaseInvoice, type PurchaseModel, vendorFacts, vendorNos } from './posting-model-purchases.ts';
import { balanceOf } from './posting-model-receivables.ts';

export interface PayablesBooks {
  glEntries: Array<typeof glEntry.$inferSelect>;
  vatEntries: Array<typeof vatEntry.$inferSelect>;
  itemEntries: Array<typeof itemLedgerEntry.$inferSelect>;
  values: Array<typeof valueEntry.$inferSelect>;
  vendorEntries: Array<typeof vendorLedgerEntry.$inferSelect>;
  vendorDetails: Array<typeof detailedVendorLedgerEntry.$inferSelect>;
  purchaseHeaders: Array<typeof purchaseHeader.$inferSelect>;
  purchaseLines: Array<typeof purchaseLine.$inferSelect>;
  postedPurchaseHeaders: Array<typeof postedPurchaseHeader.$inferSelect>;
  postedPurchaseLines: Array<typeof postedPurchaseLine.$inferSelect>;
}

const d = (value: string | null | undefined) => dec(value ?? '0');
const cents = (value: Decimal) => value.toFixed(2);
const total = <T>(rows: readonly T[], pick: (row: T) => string) => sum(rows.map((row) => d(pick(row))));

export function checkPayablesBooks(books: PayablesBooks, model: PurchaseModel) {
  checkPurchaseDocuments(books, model);
  checkPostedPurchases(books, model);
  checkVendorEntries(books, model);
  checkPayables(books, model);
  checkPurchaseVat(books, model);
  checkPurchaseCost(books, model);
}

/** An invoice's vendor entry as the model has it: signed as the entry (what is owed is negative), nothing paid. */
function modelEntry(invoice: PostedPurchaseInvoice) {
  const amount = cents(invoice.amounts.total.negated());
  return {
    vendorNo: invoice.vendorNo, currencyCode: vendorFacts(invoice.vendorNo).currencyCode, externalDocumentNo: invoice.vendorInvoiceNo,
    amount, amountLcy: cents(invoice.amounts.totalLcy.negated()), remaining: amount, open: true,
  };
}

/** One vendor entry per purchase invoice, as the model's; remaining = Σ its detailed entries, which are its Initial Entry only. */
function checkVendorEntries({ vendorEntries, vendorDetails }: PayablesBooks, model: PurchaseModel) {
  expect([...new Set(vendorDetails.map((detail) => detail.entryType))].filter((type) => type !== 'initialEntry'), 'detailed vendor entries: Initial Entry only (nothing is paid)').toEqual([]);
  for (const entry of vendorEntries) {
    const label = `vendor ledger entry ${entry.entryNo} (${entry.documentType} ${entry.documentNo})`;
    const details = vendorDetails.filter((detail) => detail.vendorLedgerEntryNo === entry.entryNo);
    expect({ remaining: cents(d(entry.remainingAmount)), remainingLcy: cents(d(entry.remainingAmountLcy)) }, `${label}: remaining = Σ detailed entries`)
      .toEqual({ remaining: cents(total(details, (detail) => detail.amount)), remainingLcy: cents(total(details, (detail) => detail.amountLcy)) });
    const invoice = entry.documentType === 'invoice' ? model.invoices.get(entry.documentNo) : undefined;
    expect(invoice, `${label}: a purchase invoice the model posted`).toBeDefined();
    expect({
      vendorNo: entry.vendorNo, currencyCode: entry.currencyCode, externalDocumentNo: entry.externalDocumentNo,
      amount: cents(d(entry.amount)), amountLcy: cents(d(entry.amountLcy)), remaining: cents(d(entry.remainingAmount)), open: entry.open,
    }, `${label}: vendor, currency, Vendor Invoice No., amount, Amount (LCY), remaining amount (model)`).toEqual(modelEntry(invoice!));
  }
  expect(vendorEntries.length, 'one vendor ledger entry per posted purchase invoice').toBe(model.invoices.size);
  for (const vendorNo of vendorNos) {
    const balance = total(vendorEntries.filter((entry) => entry.vendorNo === vendorNo), (entry) => entry.remainingAmount);
    expect(cents(balance), `vendor ${vendorNo}: balance = −Σ its invoices in its currency (model)`).toBe(cents(model.balance(vendorNo)));
  }
}

/**
 * Payables account = the vendor sub-ledger. Both are signed as BC signs them: an invoice credits
 * Payables (G/L balance = debit − credit goes down) and its vendor entry's Amount (LCY) is negative,
 * so the balance equals +Σ Amount (LCY) (what is owed, −balance, equals −Σ Amount (LCY)).
 */
function checkPayables({ glEntries, vendorEntries, vendorDetails }: PayablesBooks, model: PurchaseModel) {
  const payables = cents(balanceOf(glEntries, purchaseAccounts.payables));
  expect(payables, `G/L payables (${purchaseAccounts.payables}) = Σ vendor ledger entries Amount (LCY)`).toBe(cents(total(vendorEntries, (entry) => entry.amountLcy)));
  expect(payables, `G/L payables (${purchaseAccounts.payables}) = Σ detailed vendor ledger entries Amount (LCY)`).toBe(cents(total(vendorDetails, (detail) => detail.amountLcy)));
  expect(payables, `G/L payables (${purchaseAccounts.payables}) = Σ vendor ledger entries Remaining Amt. (LCY)`).toBe(cents(total(vendorEntries, (entry) => entry.remainingAmountLcy)));
  expect(payables, `G/L payables (${purchaseAccounts.payables}) = −Σ purchase invoices incl. VAT in LCY (model)`).toBe(cents(model.payablesLcy()));
  // Discount Posting is No Discounts, but the discount account is included so either setting keeps the sum.
  expect(cents(balanceOf(glEntries, purchaseAccounts.purchases, purchaseAccounts.discounts)), `G/L purchases (${purchaseAccounts.purchases}, ${purchaseAccounts.discounts}) = Σ purchase invoices' lines in LCY (model)`)
    .toBe(cents(model.purchasesLcy()));
}

/** Purchase VAT entries per identifier against the model (positive: VAT to reclaim), and each Purchase VAT account against them. */
function checkPurchaseVat({ glEntries, vatEntries }: PayablesBooks, model: PurchaseModel) {
  for (const rate of Object.values(vatRates)) {
    const entries = vatEntries.filter((entry) => entry.type === 'purchase' && entry.vatIdentifier === rate.identifier);
    const expected = model.vatLcy(rate.identifier);
    const actual = { base: cents(total(entries, (entry) => entry.base)), amount: cents(total(entries, (entry) => entry.amount)) };
    expect(actual, `purchase VAT entries of ${rate.identifier}: Σ base and Σ amount in LCY = model`).toEqual({ base: cents(expected.base), amount: cents(expected.amount) });
    expect(cents(balanceOf(glEntries, rate.purchaseAccount)), `G/L purchase VAT ${rate.purchaseAccount} = Σ purchase VAT entries of ${rate.identifier}`).toBe(actual.amount);
  }
}

/**
 * The cost purchases bring in: the purchase value entries against the model (actual = the invoiced
 * lines' LCY amounts, expected = what the receipts still expect), and their counter-accounts on the
 * G/L — Direct Cost Applied mirrors the actual cost posted, Invt. Accrual (Interim) the expected
 * (cost-posting.ts: purchase value entries balance there instead of on COGS).
 */
function checkPurchaseCost({ glEntries, values }: PayablesBooks, model: PurchaseModel) {
  const purchases = values.filter((value) => value.itemLedgerEntryType === 'purchase');
  const actual = cents(total(purchases, (value) => value.costAmountActual));
  expect({ actual, expected: cents(total(purchases, (value) => value.costAmountExpected)) }, 'purchase value entries: Σ Cost Amount (Actual) = invoiced item lines in LCY, Σ Cost Amount (Expected) = what the receipts still expect (model)')
    .toEqual({ actual: cents(model.costActualLcy()), expected: cents(model.costExpectedLcy()) });
  expect(cents(balanceOf(glEntries, purchaseAccounts.directCostApplied).negated()), `Direct Cost Applied (${purchaseAccounts.directCostApplied}) mirrors the purchase value entries' Cost Posted to G/L`)
    .toBe(cents(total(purchases, (value) => value.costPostedToGl)));
  expect(cents(balanceOf(glEntries, purchaseAccounts.accrualInterim).negated()), `Invt. Accrual (Interim) (${purchaseAccounts.accrualInterim}) mirrors the purchase value entries' Expected Cost Posted to G/L`)
    .toBe(cents(total(purchases, (value) => value.expectedCostPostedToGl)));
}

/** Open purchase orders against the model: which exist, their lines' quantities and prices; no purchase invoice stays open. */
function checkPurchaseDocuments({ purchaseHeaders, purchaseLines }: PayablesBooks, model: PurchaseModel) {
  const numbers = (type: string) => purchaseHeaders.filter((header) => header.documentType === type).map((header) => header.no).sort();
  expect(numbers('order'), 'open purchase orders').toEqual([...model.orders.keys()].sort());
  expect(numbers('invoice'), 'open purchase invoices (each is posted when made)').toEqual([]);
  for (const order of model.orders.values()) {
    for (const line of order.lines) {
      const row = purchaseLines.find((candidate) => candidate.documentType === 'order' && candidate.documentNo === order.no && candidate.lineNo === line.lineNo);
      const label = `purchase order ${order.no} line ${line.lineNo}`;
      expect(row, label).toBeDefined();
      expect({
        quantity: quantityOf(row!.quantity), received: quantityOf(row!.quantityReceived), invoiced: quantityOf(row!.quantityInvoiced),
        toReceive: quantityOf(row!.quantityToReceive), toInvoice: quantityOf(row!.quantityToInvoice),
        directUnitCost: d(row!.directUnitCost).toString(), lineDiscountPercent: d(row!.lineDiscountPercent).toString(),
      }, `${label}: quantities (thousandths), Direct Unit Cost, Line Discount %`).toEqual({
        quantity: line.quantity, received: line.received, invoiced: line.invoiced, toReceive: line.toReceive, toInvoice: line.toInvoice,
        directUnitCost: dec(line.directUnitCost).toString(), lineDiscountPercent: dec(line.lineDiscountPercent).toString(),
      });
    }
  }
}

/**
 * Posted purchase invoices (totals, each line's Amount / Amount Including VAT) and receipt lines
 * (quantity, invoiced, not invoiced), and each receipt's item entry: its quantities and the cost it
 * still expects.
 */
function checkPostedPurchases({ postedPurchaseHeaders, postedPurchaseLines, itemEntries, values }: PayablesBooks, model: PurchaseModel) {
  for (const invoice of model.invoices.values()) {
    const header = postedPurchaseHeaders.find((row) => row.documentType === 'invoice' && row.no === invoice.no);
    expect(header, `posted purchase invoice ${invoice.no}`).toBeDefined();
    expect({ amount: cents(d(header!.amount)), amountIncludingVat: cents(d(header!.amountIncludingVat)), vendorInvoiceNo: header!.vendorInvoiceNo }, `posted purchase invoice ${invoice.no}: totals`)
      .toEqual({ amount: cents(invoice.amounts.net), amountIncludingVat: cents(invoice.amounts.total), vendorInvoiceNo: invoice.vendorInvoiceNo });
    const lines = postedPurchaseLines.filter((line) => line.documentType === 'invoice' && line.documentNo === invoice.no && line.type !== 'comment')
      .sort((a, b) => a.lineNo - b.lineNo).map((line) => `${line.lineNo} ${line.no}: ${cents(d(line.amount))} / ${cents(d(line.amountIncludingVat))}`);
    expect(lines, `posted purchase invoice ${invoice.no}: each line's Amount / Amount Including VAT (VAT shared per identifier)`)
      .toEqual(invoice.amounts.lines.map((line) => `${line.lineNo} ${line.no}: ${cents(line.net)} / ${cents(line.amountIncludingVat)}`));
  }
  const receiptLines = postedPurchaseLines.filter((line) => line.documentType === 'receipt' && line.type !== 'comment');
  expect(receiptLines.length, 'one posted receipt line per line received (model)').toBe(model.receipts.length);
  for (const receipt of model.receipts) {
    const label = `receipt ${receipt.receiptNo} line ${receipt.lineNo}`;
    const row = receiptLines.find((line) => line.documentNo === receipt.receiptNo && line.lineNo === receipt.lineNo);
    expect(row, label).toBeDefined();
    const entry = itemEntries.find((candidate) => candidate.entryNo === row!.itemLedgerEntryNo);
    const expected = total(values.filter((value) => value.itemLedgerEntryNo === row!.itemLedgerEntryNo), (value) => value.costAmountExpected);
    expect({
      itemNo: row!.no, quantity: quantityOf(row!.quantity), invoiced: quantityOf(row!.quantityInvoiced), notInvoiced: quantityOf(row!.quantityNotInvoiced),
      entry: entry && { quantity: quantityOf(entry.quantity), invoiced: quantityOf(entry.invoicedQuantity), type: entry.entryType }, expectedCost: cents(expected),
    }, `${label}: item, quantities (thousandths), its item entry, Cost Amount (Expected) still on it (model)`).toEqual({
      itemNo: receipt.itemNo, quantity: receipt.quantity, invoiced: receipt.invoiced, notInvoiced: receipt.quantity - receipt.invoiced,
      entry: { quantity: receipt.quantity, invoiced: receipt.invoiced, type: 'purchase' }, expectedCost: cents(receipt.expected),
    });
  }
}
