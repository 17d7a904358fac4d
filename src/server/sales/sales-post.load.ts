/**
 * Step 1 of posting a sales document: load and lock it, release it if open (spec §7.4 step 3), check
 * it (spec §7.4), and decide what this posting ships and invoices with which amounts. Nothing of
 * the books is touched; a refused posting stops here.
 */
import { DomainError } from '../../core/errors.ts';
import type { ItemPostingItem } from '../../core/inventory/item-posting.types.ts';
import { Decimal, dec, ZERO } from '../../core/money/decimal.ts';
import { assembledPartOutstanding } from '../../core/assembly/assembly-order.ts';
import { checkReservedStock, type Shipment } from '../availability/reservation-posting.ts';
import type { ReservationRow } from '../availability/reservations.ts';
import { decidePostingScope, type PostingScope } from '../../core/sales/posting-scope.ts';
import { salesDocumentTypeCaptions } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { loadPostingAccounts, type PostingAccounts } from './posting-accounts.ts';
import { releaseLoadedDocument } from './sales-document.commands.ts';
import { assertApprovalAllows } from '../approvals/approval-guard.ts';
import { assertPrepaymentSettled } from './prepayment.gate.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import { documentKinds, type SalesDocument, type SalesHeaderRow } from './sales-document.types.ts';
import { handledQuantities } from './sales-line.quantities.ts';
import { type LinePosting, linePostingsOf } from './sales-post.amounts.ts';
import { finalFullPrepaymentBilling } from '../../core/sales/prepayment.ts';
import { prepaymentLineOf } from './prepayment.lines.ts';
import {
  type BillToFacts, type ItemsAndCustomers, checkCustomers, checkHeader, checkInvoiceTotal, checkLines, loadDocumentForPosting, loadItemsAndCustomers,
} from './sales-post.checks.ts';
import { type ItemRow, type PostableDocumentType, type PostRequest, type SalesPostingDescriptor, salesPostingDescriptor } from './sales-post.types.ts';
import { linkedAfterPosting, planBlanketOrderLines } from './blanket-order.posting.ts';
import type { LineQuantityUpdate } from './sales-line.quantities.ts';

/** The checked document and the decisions every later step reads. */
export interface LoadedSalesPosting {
  documentType: PostableDocumentType;
  no: string;
  /** Which way the goods move, the posted documents it writes and the line fields it reads (credit memos and return orders receive back). */
  descriptor: SalesPostingDescriptor;
  document: SalesDocument;
  header: SalesHeaderRow & { postingDate: string };
  scope: PostingScope;
  itemRows: Map<string, ItemRow>;
  /** The lines' items as the item plan reads them, locked since the load. */
  postingItems: ReadonlyMap<string, ItemPostingItem>;
  /** The document currency's Amount Rounding Precision. */
  precision: Decimal;
  accounts: PostingAccounts;
  linePostings: LinePosting[];
  billTo: BillToFacts;
  /** The blanket order lines the linked lines deliver, as they stand after this posting (spec §14.3). */
  blanketLines: LineQuantityUpdate[];
  /** What this posting ships of inventory items, and the shipping lines' own inventory reservations it consumes. */
  shipments: Shipment[];
  ownReservations: ReservationRow[];
}

export async function loadAndCheck(
  tx: Executor, documentType: PostableDocumentType, no: string, request: PostRequest, context: SalesContext, expectedVersion: number | undefined,
): Promise<LoadedSalesPosting> {
  const descriptor = salesPostingDescriptor(documentType);
  const { lineHandling } = descriptor;
  const { document, itemRows, postingItems, customers } = await releasedDocument(tx, documentType, no, context, expectedVersion);
  const header = { ...document.header, postingDate: document.header.postingDate ?? context.workDate };
  checkHeader(header, documentType, context);
  // The request names the handling by its verb: Ship on orders, Receive on return orders.
  const scope = decidePostingScope(documentType, document.lines.map((line) => ({
    lineNo: line.lineNo,
    type: line.type as never,
    inventoryItem: itemRows.get(line.no)?.type === 'inventory' && line.type === 'item',
    fromShipment: line[lineHandling.postedDocumentNoField] !== null,
    ...handledQuantities(line, lineHandling),
  })), { ship: request[lineHandling.verb] ?? false, invoice: request.invoice ?? false }, header.shippingAdvice as never);
  const billTo = checkCustomers(customers, header, descriptor, scope);
  if (scope.invoice && context.salesSetup.externalDocumentNoMandatory && header.externalDocumentNo.trim() === '') {
    throw new DomainError('EXTERNAL_DOC_NO_REQUIRED', { no, documentTypeCaption: salesDocumentTypeCaptions[documentType] }, 'externalDocumentNo');
  }
  await checkLines(tx, document.lines, scope, itemRows, descriptor, context.inventorySetup);
  const precision = (await currencyPrecisions(tx, context, header.currencyCode)).amount;
  const accounts = await loadPostingAccounts(tx, header.customerPostingGroup);
  const linePostings = linePostingsOf(header, document.lines, scope, itemRows, precision, (line) => line.unitPrice,
    documentType === 'order' ? (line, quantity) => finalFullPrepaymentBilling(prepaymentLineOf(line), quantity) : undefined);
  if (scope.invoice) checkInvoiceTotal(linePostings, descriptor, no);
  const blanketLines = await blanketLinesAfter(tx, header, descriptor, linePostings);
  const shipments = descriptor.direction === 'outbound' ? shipmentsOf(header.no, linePostings) : [];
  const ownReservations = await checkReservedStock(tx, shipments);
  return { documentType, no, descriptor, document, header, scope, itemRows, postingItems, precision, accounts, linePostings, billTo, blanketLines, shipments, ownReservations };
}

/** The inventory items this posting ships, in base units. */
function shipmentsOf(documentNo: string, linePostings: readonly LinePosting[]): Shipment[] {
  return linePostings.filter((entry) => entry.inventoryItem && entry.posting.ship.gt(0)).map((entry) => {
    // What is assembled to order ships first and comes from its assembly, not from stock (spec §15.3).
    const assembled = Decimal.min(entry.posting.ship, assembledPartOutstanding(entry.line));
    return {
      documentNo, lineNo: entry.line.lineNo, itemNo: entry.line.no, locationCode: entry.line.locationCode ?? '',
      quantityBase: entry.posting.ship.minus(assembled).times(dec(entry.line.quantityPerUnitOfMeasure)),
    };
  }).filter((shipment) => shipment.quantityBase.gt(ZERO));
}

/** Spec §14.3: what the posting does to the blanket order lines its lines deliver; refused here when it would ship more than they hold. */
function blanketLinesAfter(tx: Executor, header: SalesHeaderRow, descriptor: SalesPostingDescriptor, linePostings: readonly LinePosting[]): Promise<LineQuantityUpdate[]> {
  const parts = linePostings.map((entry) => ({ line: entry.line, ship: entry.posting.ship, invoice: entry.posting.invoice }));
  return planBlanketOrderLines(tx, {
    caption: salesDocumentTypeCaptions[descriptor.type], no: header.no, sellToCustomerNo: header.sellToCustomerNo, sign: descriptor.sign,
    // An invoice (credit memo) is deleted by its posting: it holds nothing on order afterwards.
    linkedAfter: linkedAfterPosting({ documentType: header.documentType, no: header.no }, parts, descriptor.postsInFull),
    // What comes back frees quantity, but Make Order takes only what is set again (a cancelled invoice's order ships it anew).
    keepsQuantityToShip: descriptor.sign < 0,
  }, parts);
}

/** The document locked, at the version the client saw, released (an open one is released first), with its lines' items and its customers. */
async function releasedDocument(
  tx: Executor, documentType: PostableDocumentType, no: string, context: SalesContext, expectedVersion: number | undefined,
): Promise<ItemsAndCustomers & { document: SalesDocument }> {
  let document = await loadDocumentForPosting(tx, documentType, no);
  if (expectedVersion !== undefined && document.header.version !== expectedVersion) {
    throw new DomainError('VERSION_CONFLICT', { entity: documentKinds[documentType].entity, key: no, currentVersion: document.header.version, sentVersion: expectedVersion });
  }
  await assertPrepaymentSettled(tx, document, context, `Order ${no}`);
  // Spec §19.6: whatever the channel, a document under an approval workflow posts only as approved
  // (the implicit release of an open one asks the guard itself).
  const loaded = await loadItemsAndCustomers(tx, document);
  // An invoice or credit memo is deleted by its posting: its release need not be written.
  if (document.header.status === 'open') {
    const itemTypes = new Map([...loaded.itemRows].map(([itemNo, row]) => [itemNo, row.type]));
    document = await releaseLoadedDocument(tx, document, context, { action: 'post', deletedAfter: salesPostingDescriptor(documentType).postsInFull, itemTypes });
  } else await assertApprovalAllows(tx, document, 'post');
  // Spec §26.6 (chosen, as BC): an order in Pending Prepayment whose prepayment is settled posts and keeps its status.
  if (document.header.status !== 'released' && document.header.status !== 'pendingPrepayment') throw new DomainError('STATUS_MUST_BE_OPEN', { where: 'the document', status: document.header.status, remedy: 'complete the approval', field: 'status' });
  return { ...loaded, document };
}
