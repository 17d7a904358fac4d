/**
 * A customer statement for a period (spec §20.1, §20.7; BC's report 116 Statement / 1316 Customer
 * Statement): the balance before the period, what changed it in the period, line by line with a
 * running balance, and the balance at its end — all in LCY, as Balance (LCY) is, with each line's
 * amount in its document currency beside it.
 *
 * Built from the detailed entries posted in the period, so the closing balance is always the
 * opening balance plus the lines (and equals Balance (LCY) at the end date):
 * - an initial entry is a document line (invoice, credit memo, payment, refund …) with the entry's
 *   description and due date;
 * - applications move amounts between two entries of the customer and cancel out: per transaction
 *   they show only when they do not (a rounding difference between currencies);
 * - payment discount, payment tolerance, realized gain/loss and the other adjustments change the
 *   balance without a document of their own: a line each, under the applying document's number.
 * Unlike report 116, unapplied and reversed movements are always shown: leaving them out would break
 * the running balance.
 */
import { compareDates, type IsoDate } from '../dates/calendar-date.ts';
import { groupBy } from '../group-by.ts';
import { type Decimal, sum } from '../money/decimal.ts';

/** One detailed customer ledger entry of the period, with what its customer ledger entry says. */
export interface StatementMovement {
  detailedEntryNo: number;
  customerLedgerEntryNo: number;
  entryType: string;
  transactionNo: number;
  postingDate: IsoDate;
  /** The detailed entry's document (for an application or discount: the applying document). */
  documentType: string;
  documentNo: string;
  currencyCode: string;
  amount: Decimal;
  amountLcy: Decimal;
  entry: { documentType: string; documentNo: string; description: string; dueDate: IsoDate | null; externalDocumentNo: string };
}

export interface StatementLine {
  postingDate: IsoDate;
  /** initialEntry for a document; otherwise the detailed entry type of the adjustment. */
  entryType: string;
  documentType: string;
  documentNo: string;
  externalDocumentNo: string;
  description: string;
  dueDate: IsoDate | null;
  currencyCode: string;
  amount: Decimal;
  amountLcy: Decimal;
  /** Balance (LCY) after this line. */
  balanceLcy: Decimal;
}

export interface CustomerStatement {
  from: IsoDate;
  to: IsoDate;
  openingBalanceLcy: Decimal;
  lines: StatementLine[];
  closingBalanceLcy: Decimal;
}

type UnbalancedLine = Omit<StatementLine, 'balanceLcy'> & { order: number };

function lineOf(group: readonly StatementMovement[], fields: Partial<UnbalancedLine> = {}): UnbalancedLine {
  const first = group[0]!;
  return {
    order: Math.min(...group.map((movement) => movement.detailedEntryNo)),
    postingDate: first.postingDate, entryType: first.entryType, documentType: first.documentType, documentNo: first.documentNo,
    externalDocumentNo: '', description: '', dueDate: null, currencyCode: first.currencyCode,
    amount: sum(group.map((movement) => movement.amount)), amountLcy: sum(group.map((movement) => movement.amountLcy)),
    ...fields,
  };
}

/** The groups alone, in first-seen order. */
const groupsOf = <T>(items: readonly T[], key: (item: T) => string): T[][] => [...groupBy(items, key).values()];

function documentLines(movements: readonly StatementMovement[]): UnbalancedLine[] {
  return groupsOf(movements.filter((movement) => movement.entryType === 'initialEntry'), (movement) => String(movement.customerLedgerEntryNo))
    .map((group) => {
      const { entry } = group[0]!;
      return lineOf(group, {
        documentType: entry.documentType, documentNo: entry.documentNo, externalDocumentNo: entry.externalDocumentNo, description: entry.description, dueDate: entry.dueDate,
      });
    });
}

/** Applications net to zero within their transaction; what is left (if anything) is one LCY line. */
function applicationLines(movements: readonly StatementMovement[]): UnbalancedLine[] {
  return groupsOf(movements.filter((movement) => movement.entryType === 'application'), (movement) => String(movement.transactionNo))
    .map((group) => lineOf(group, { currencyCode: '', description: adjustmentCaption('application'), amount: sum(group.map((movement) => movement.amountLcy)) }))
    .filter((line) => !line.amountLcy.isZero());
}

/** BC's captions of the detailed entry types a statement shows as lines of their own. */
const adjustmentCaptions: Readonly<Record<string, string>> = {
  application: 'Application',
  unrealizedLoss: 'Unrealized Loss', unrealizedGain: 'Unrealized Gain', realizedLoss: 'Realized Loss', realizedGain: 'Realized Gain',
  paymentDiscount: 'Payment Discount', paymentDiscountVatExcl: 'Payment Discount (VAT Excl.)', paymentDiscountVatAdjustment: 'Payment Discount (VAT Adjustment)',
  paymentDiscountTolerance: 'Payment Discount Tolerance', paymentDiscountToleranceVatExcl: 'Payment Discount Tolerance (VAT Excl.)',
  paymentDiscountToleranceVatAdjustment: 'Payment Discount Tolerance (VAT Adjustment)',
  paymentTolerance: 'Payment Tolerance', paymentToleranceVatExcl: 'Payment Tolerance (VAT Excl.)', paymentToleranceVatAdjustment: 'Payment Tolerance (VAT Adjustment)',
  correctionOfRemainingAmount: 'Correction of Remaining Amount', applicationRounding: 'Appln. Rounding',
};

export function adjustmentCaption(entryType: string): string {
  return adjustmentCaptions[entryType] ?? entryType;
}

function adjustmentLines(movements: readonly StatementMovement[]): UnbalancedLine[] {
  const adjustments = movements.filter((movement) => movement.entryType !== 'initialEntry' && movement.entryType !== 'application');
  return groupsOf(adjustments, (movement) => `${movement.transactionNo}/${movement.customerLedgerEntryNo}/${movement.entryType}`)
    .map((group) => lineOf(group, { description: adjustmentCaption(group[0]!.entryType) }))
    .filter((line) => !line.amount.isZero() || !line.amountLcy.isZero());
}

/** The statement of one period from the balance before it and the detailed entries posted in it. */
export function customerStatement(period: { from: IsoDate; to: IsoDate }, openingBalanceLcy: Decimal, movements: readonly StatementMovement[]): CustomerStatement {
  const unbalanced = [...documentLines(movements), ...applicationLines(movements), ...adjustmentLines(movements)]
    .sort((a, b) => compareDates(a.postingDate, b.postingDate) || a.order - b.order);
  let balanceLcy = openingBalanceLcy;
  const lines = unbalanced.map(({ order: _order, ...line }) => {
    balanceLcy = balanceLcy.plus(line.amountLcy);
    return { ...line, balanceLcy };
  });
  return { from: period.from, to: period.to, openingBalanceLcy, lines, closingBalanceLcy: balanceLcy };
}
