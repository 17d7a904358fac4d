/**
 * Step 2 of posting a sales document: plan its whole effect as data (DESIGN §4 step 3) — the
 * posted numbers as placeholders, the shipments it bills, the item plan, the cost and invoice
 * entries, the applications (Applies-to, immediate payment, Apply to Oldest), the posted documents.
 * Reads and locks what it plans from; writes nothing.
 */
import { buildCostPosting } from '../../core/posting/cost-posting.ts';
import { combinePostingBatches, type EntryDocument, type PostingBatch } from '../../core/posting/entries.ts';
import type { Posting } from '../../core/posting/posting.ts';
import type { ApplicationResult } from '../../core/receivables/application-plan.ts';
import type { Executor } from '../db/connection.ts';
import type { NumberRequest } from '../posting/posting-numbers.ts';
import type { SalesContext } from './sales-context.ts';
import { invoicedAmountsLcy, invoicedValuesOf } from './sales-post.amounts.ts';
import { earlierShipmentsBilled, type ShipmentBilling } from './sales-post.billing.ts';
import { invoiceEntries } from './sales-post.invoice.ts';
import { costLines, costOfLines, entryOfLines, planSalesItems } from './sales-post.items.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';
import { planPostingNumbers } from './sales-post.numbers.ts';
import { applicationToDocument, applicationToOldest } from './sales-post.application.ts';
import { immediatePayment } from './sales-post.payment.ts';
import { type PostedDocumentPlan, postedHandlingDocument, postedInvoicingDocument } from './sales-post.posted.ts';
import type { PostingNumbers } from './sales-post.types.ts';
import { type PrepaymentDeductions, deductionExchangeAdjustment, deductionPostingLines, planDeductions } from './prepayment.deduction.ts';
import { type DropShipmentReceipts, planDropShipmentReceipts } from '../purchases/drop-shipment-receipt.ts';
import { type AssembleToOrderPosting, planAssembleToOrder } from '../assembly/assemble-to-order.posting.ts';

export interface PlannedSalesPosting {
  numbers: PostingNumbers;
  billing: ShipmentBilling[];
  posting: Posting;
  /** The shipment (return receipt) and the invoice (credit memo) it writes, if any. */
  handling: PostedDocumentPlan | null;
  invoicing: PostedDocumentPlan | null;
  /** What an order's invoice deducts of its prepayment (spec §26.7). */
  deductions: PrepaymentDeductions | null;
}

export async function planSalesPosting(
  tx: Executor, loaded: LoadedSalesPosting, context: SalesContext,
): Promise<{ plan: PlannedSalesPosting; requests: NumberRequest[]; dropShipments: DropShipmentReceipts | null; assembly: AssembleToOrderPosting | null }> {
  const { header, descriptor } = loaded;
  const { numbers, requests } = await planPostingNumbers(tx, header, descriptor, loaded.scope, context);
  // Drop shipments shipped now receive their purchase order lines in this same posting (spec §15.1).
  const dropShipments = loaded.scope.ship ? await planDropShipmentReceipts(tx, loaded.linePostings) : null;
  if (dropShipments) requests.push(...dropShipments.requests);
  // Assemble-to-order lines shipped now post their assembly in this same posting (spec §15.3).
  const assembly = loaded.scope.ship && loaded.documentType === 'order' ? await planAssembleToOrder(tx, loaded.no, loaded.linePostings, context) : null;
  if (assembly) requests.push(...assembly.requests);
  // BC's Posting Description, e.g. "Order SO000001": the description of the entries.
  const description = `${descriptor.postingDescriptionPrefix} ${header.no}`;
  const billing = loaded.scope.invoice ? await earlierShipmentsBilled(tx, header, descriptor, loaded.linePostings) : [];
  const invoiced = loaded.linePostings.filter((entry) => entry.amounts !== null);
  const lcyPrecision = context.glSetup.amountRoundingPrecision;
  const invoicedValues = invoicedValuesOf(invoiced, invoicedAmountsLcy(invoiced, header, lcyPrecision), billing, lcyPrecision);
  const items = await planSalesItems(tx, loaded, numbers, billing, invoicedValues, context, dropShipments, assembly);
  const costBatch = buildCostPosting({
    automaticCostPosting: context.inventorySetup.automaticCostPosting, expectedCostPostingToGl: context.inventorySetup.expectedCostPostingToGl,
    description, customerNo: header.billToCustomerNo, lines: costLines(items, (key) => key.startsWith('dropShipment:')), accounts: loaded.accounts,
  });
  const { invoicingNo: invoiceNo, handlingNo } = numbers;
  // Spec §26.7: an order's invoice deducts its share of the prepayment.
  const deductions = invoiceNo ? await planDeductions(tx, loaded, invoiced, billing) : null;
  const invoiceEntriesBeforeAdjustment = invoiceNo
    ? await invoiceEntries(tx, loaded, invoiceNo, invoiced, costOfLines(items), description, context, deductions ? deductionPostingLines(loaded, deductions) : [])
    : null;
  const invoiceBatch = invoiceEntriesBeforeAdjustment && deductions
    ? { ...invoiceEntriesBeforeAdjustment, glEntries: [...invoiceEntriesBeforeAdjustment.glEntries, ...await deductionExchangeAdjustment(tx, loaded, deductions, invoiceEntriesBeforeAdjustment, description)] }
    : invoiceEntriesBeforeAdjustment;
  const document: EntryDocument = invoiceNo
    ? { documentType: descriptor.invoicing.partyLedgerDocumentType, documentNo: invoiceNo, externalDocumentNo: header.externalDocumentNo, description }
    : { documentType: '', documentNo: handlingNo ?? header.no, externalDocumentNo: '', description };
  const payment = invoiceBatch ? await immediatePayment(tx, loaded, invoiceBatch, document, context) : null;
  // A document its payment method pays at posting is settled by that payment, not applied to oldest.
  const applied = !invoiceBatch ? null : header.appliesToDocumentNo
    ? await applicationToDocument(tx, loaded, invoiceBatch, document, context)
    : !payment ? await applicationToOldest(tx, loaded, invoiceBatch, document, context) : null;
  const posting: Posting = {
    facts: { postingDate: header.postingDate, sourceCode: 'SALES', userId: context.username, document },
    entries: invoiceBatch ? combinePostingBatches(invoiceBatch, ...(payment ? [payment.entries] : []), ...(applied ? [applicationBatch(applied)] : []), costBatch) : costBatch,
    items,
    customerApplications: [
      ...(applied?.applications ?? []),
      ...(payment?.applications ?? []),
    ],
  };
  const facts = { numbers, description, entryOfLine: entryOfLines(items), context };
  return {
    plan: { numbers, billing, posting, handling: postedHandlingDocument(loaded, facts), invoicing: postedInvoicingDocument(loaded, facts, invoiced, billing, deductions), deductions },
    requests,
    dropShipments,
    assembly,
  };
}

/** An application's own G/L and VAT entries (discount, tolerance, gain or loss, receivables between posting groups). */
const applicationBatch = (result: ApplicationResult): PostingBatch => ({ glEntries: result.glEntries, vatEntries: result.vatEntries, customerLedgerEntries: [] });
