/**
 * The posted documents of a sales posting (spec §7.5, §7.6, §17.3): the shipment (return receipt)
 * and the invoice (credit memo), planned with the posting's placeholder numbers and the item plan's
 * provisional entry ids, written after the append has numbered the entries.
 */
import { dec, sum } from '../../core/money/decimal.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import { postedSalesHeader, postedSalesLine } from '../db/schema/index.ts';
import type { AppendedPosting, PendingAppend } from '../ledger/append-posting.ts';
import { postedHeaderFrom, postedLineFrom, postedNumberTaken, type PostedHeaderRow, type PostedLineRow } from './posted-document.writer.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesLineRow } from './sales-document.types.ts';
import type { LinePosting } from './sales-post.amounts.ts';
import { type ShipmentBilling, sourceOfBilledLine } from './sales-post.billing.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';
import type { PostingNumbers } from './sales-post.types.ts';
import { type PrepaymentDeductions, deductionTotals, postedDeductionLines } from './prepayment.deduction.ts';

export interface PostedDocumentPlan { header: PostedHeaderRow; lines: PostedLineRow[] }

const noAmounts = { lineAmount: '0', lineDiscountAmount: '0', invoiceDiscountAmount: '0', amount: '0', amountIncludingVat: '0', vatBaseAmount: '0' };

interface PostedFacts { numbers: PostingNumbers; description: string; entryOfLine: ReadonlyMap<string, number>; context: SalesContext }

/** The shipment (return receipt) of the lines handled now. */
export function postedHandlingDocument(loaded: LoadedSalesPosting, facts: PostedFacts): PostedDocumentPlan | null {
  const { header, descriptor } = loaded;
  const no = facts.numbers.handlingNo;
  if (!no) return null;
  const postedHeader = postedHeaderFrom(header, descriptor.handling.postedType, no, {
    postingDate: header.postingDate, noSeries: facts.numbers.handlingSeries,
    postingDescription: facts.description, userId: facts.context.username,
  });
  const shipped = loaded.linePostings.filter((entry) => !entry.posting.ship.isZero());
  return {
    header: postedHeader,
    lines: [
      ...shipped.map((entry) => postedLineFrom(postedHeader, entry.line, {
        quantity: entry.posting.ship.toString(),
        quantityBase: quantityBase(entry.posting.ship, dec(entry.line.quantityPerUnitOfMeasure)).toString(),
        quantityInvoiced: entry.posting.invoiceOfThisShipment.toString(),
        quantityNotInvoiced: entry.posting.ship.minus(entry.posting.invoiceOfThisShipment).toString(),
        ...noAmounts,
        itemLedgerEntryNo: facts.entryOfLine.get(String(entry.line.lineNo)) ?? null,
      })),
      ...commentLines(postedHeader, loaded.document.lines),
    ],
  };
}

/** The invoice (credit memo) of the lines invoiced now. */
export function postedInvoicingDocument(
  loaded: LoadedSalesPosting, facts: PostedFacts, invoiced: readonly LinePosting[], billing: readonly ShipmentBilling[], deductions: PrepaymentDeductions | null = null,
): PostedDocumentPlan | null {
  const { header, descriptor } = loaded;
  const no = facts.numbers.invoicingNo;
  if (!no) return null;
  // Spec §26.7.2: the invoice's amounts are net of the prepayment it deducts.
  const deducted = deductionTotals(deductions);
  const net = { amount: deducted.amount, amountIncludingVat: deducted.amountIncludingVat, invoiceDiscountAmount: dec('0') };
  const total = (pick: (entry: LinePosting) => ReturnType<typeof dec>, field?: keyof typeof net) => sum(invoiced.map(pick)).minus(field ? net[field] : 0).toFixed(2);
  const postedHeader = postedHeaderFrom(header, descriptor.invoicing.postedType, no, {
    postingDate: header.postingDate, noSeries: facts.numbers.invoicingSeries,
    postingDescription: facts.description, userId: facts.context.username,
    amount: total((entry) => entry.amounts!.amount, 'amount'),
    amountIncludingVat: total((entry) => entry.amounts!.amountIncludingVat, 'amountIncludingVat'),
    invoiceDiscountAmount: total((entry) => entry.amounts!.invoiceDiscountAmount),
  });
  const billOf = new Map(billing.map((bill) => [bill.lineNo, bill]));
  const deductedOf = new Map((deductions?.lines ?? []).map((entry) => [entry.documentLineNo, entry]));
  return {
    header: postedHeader,
    lines: [
      ...invoiced.map((entry) => postedLineFrom(postedHeader, entry.line, {
        quantity: entry.posting.invoice.toString(),
        quantityBase: quantityBase(entry.posting.invoice, dec(entry.line.quantityPerUnitOfMeasure)).toString(),
        lineAmount: entry.amounts!.lineAmount.toFixed(2),
        lineDiscountAmount: entry.amounts!.lineDiscountAmount.toFixed(2),
        invoiceDiscountAmount: entry.amounts!.invoiceDiscountAmount.toFixed(2),
        amount: entry.amounts!.amount.toFixed(2),
        amountIncludingVat: entry.amounts!.amountIncludingVat.toFixed(2),
        vatBaseAmount: entry.amounts!.vatBaseAmount.toFixed(2),
        itemLedgerEntryNo: facts.entryOfLine.get(String(entry.line.lineNo)) ?? billOf.get(entry.line.lineNo)?.itemLedgerEntryNo ?? null,
        ...sourceOfBilledLine(billOf.get(entry.line.lineNo), descriptor),
        ...deductedOn(deductedOf.get(entry.line.lineNo)),
      })),
      ...(deductions ? postedDeductionLines(loaded, postedHeader, deductions) : []),
      ...commentLines(postedHeader, loaded.document.lines),
    ],
  };
}

/** What this invoice deducted for the order line (spec §26.9.2: cancelling it puts exactly this back). */
function deductedOn(entry: PrepaymentDeductions['lines'][number] | undefined) {
  return entry ? { prepmtAmtDeducted: entry.lineBasisAmount.toFixed(2), prepmtVatAmtDeducted: entry.vatAmount.toFixed(2) } : {};
}

function commentLines(header: PostedHeaderRow, lines: readonly SalesLineRow[]): PostedLineRow[] {
  return lines.filter((line) => line.type === 'comment').map((line) => postedLineFrom(header, line, { ...noAmounts, quantity: '0', quantityBase: '0' }));
}

/** The planned documents with the append's numbers: transaction, customer entry, item entries. */
export function numberedDocument(plan: PostedDocumentPlan, appended: AppendedPosting, customerEntry: boolean): PostedDocumentPlan {
  const header = {
    ...plan.header, transactionNo: appended.transactionNo,
    ...(customerEntry ? { customerLedgerEntryNo: appended.customerLedgerEntryNos[0] ?? null } : {}),
  };
  const lines = plan.lines.map((line) => ({
    ...line, itemLedgerEntryNo: line.itemLedgerEntryNo == null ? null : appended.itemLedgerEntryNo(line.itemLedgerEntryNo),
  }));
  return { header, lines };
}

/** The posted documents inserted with the posting's entries, in its one statement (append-posting.ts). */
export async function writeWithPostedDocuments(
  pending: PendingAppend, documents: { handling: PostedDocumentPlan | null; invoicing: PostedDocumentPlan | null },
): Promise<void> {
  const headers: PostedHeaderRow[] = [];
  for (const [plan, customerEntry] of [[documents.handling, false], [documents.invoicing, true]] as const) {
    if (!plan) continue;
    const { header, lines } = numberedDocument(plan, pending, customerEntry);
    pending.alsoInsert(postedSalesHeader, [header]);
    if (lines.length > 0) pending.alsoInsert(postedSalesLine, lines);
    headers.push(header);
  }
  try {
    await pending.write();
  } catch (error) {
    throw postedNumberTaken(error, headers) ?? error;
  }
}
