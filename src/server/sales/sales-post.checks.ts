/** The checks a posting makes before it writes anything (spec §7.4), and the document it locks. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { sum } from '../../core/money/decimal.ts';
import { assertLocationWhenMandatory } from '../../core/inventory/location-mandatory.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import { assertCustomerNotBlocked, type CustomerBlocked } from '../../core/sales/customer-checks.ts';
import type { PostingScope } from '../../core/sales/posting-scope.ts';
import { salesDocumentTypeCaptions } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { cachedSetup } from '../db/setup-cache.ts';
import { postgresErrorCode } from '../db/constraint-errors.ts';
import { isAnyOf, reusableSelect } from '../db/reusable-select.ts';
import { customer, glAccount, item, location, postedSalesHeader, salesHeader, salesLine } from '../db/schema/index.ts';
import type { ItemPostingItem } from '../../core/inventory/item-posting.types.ts';
import { itemPostingColumns, itemPostingItemOf } from '../ledger/item-posting-state.ts';
import type { SalesContext } from './sales-context.ts';
import { documentKinds, type SalesDocument, type SalesHeaderRow, type SalesLineRow } from './sales-document.types.ts';
import type { LinePosting } from './sales-post.amounts.ts';
import type { ItemRow, PostableDocumentType, SalesPostingDescriptor } from './sales-post.types.ts';


const selectHeaderForPosting = reusableSelect((db) => db.select().from(salesHeader)
  .where(and(eq(salesHeader.documentType, sql.placeholder('documentType')), eq(salesHeader.no, sql.placeholder('no')))).for('update', { noWait: true }));
const selectLinesForPosting = reusableSelect((db) => db.select().from(salesLine)
  .where(and(eq(salesLine.documentType, sql.placeholder('documentType')), eq(salesLine.documentNo, sql.placeholder('no')))).orderBy(asc(salesLine.lineNo)));
/**
 * The lines' items, locked for the posting, with what its checks and its item plan read of them
 * (itemPostingColumns); and the document's two customers. One statement (a union of two selects of
 * one shape; the items locked in a CTE, as a union cannot lock), built once (reusable-select.ts).
 * Nothing else is read here: a statement that waits for an item's lock reads other rows as they were
 * when it began (the reservations and stock the posting it waited for wrote are read after it).
 */
const selectItemsAndCustomers = reusableSelect((db) => {
  const lockedItem = db.$with('locked_item').as(db.select({
    ...itemPostingColumns, blocked: item.blocked, salesBlocked: item.salesBlocked,
  }).from(item).where(isAnyOf(item.no, 'itemNos')).orderBy(item.no).for('update', { of: item }));
  const none = { text: sql<string | null>`null::text`, numeric: sql<string | null>`null::numeric`, boolean: sql<boolean | null>`null::boolean` };
  return db.with(lockedItem).select({
    kind: sql<'item' | 'customer'>`'item'`, no: lockedItem.no, type: sql<string | null>`${lockedItem.type}`, itemBlocked: sql<boolean | null>`${lockedItem.blocked}`,
    salesBlocked: sql<boolean | null>`${lockedItem.salesBlocked}`, costingMethod: sql<string | null>`${lockedItem.costingMethod}`,
    unitCost: sql<string | null>`${lockedItem.unitCost}`, standardCost: sql<string | null>`${lockedItem.standardCost}`,
    preventNegativeInventory: sql<string | null>`${lockedItem.preventNegativeInventory}`,
    customerBlocked: none.text, blockPaymentTolerance: none.boolean, applicationMethod: none.text,
  }).from(lockedItem).unionAll(db.select({
    kind: sql<'item' | 'customer'>`'customer'`, no: customer.no, type: none.text, itemBlocked: none.boolean, salesBlocked: none.boolean,
    costingMethod: none.text, unitCost: none.numeric, standardCost: none.numeric, preventNegativeInventory: none.text,
    customerBlocked: sql<string | null>`${customer.blocked}`, blockPaymentTolerance: sql<boolean | null>`${customer.blockPaymentTolerance}`,
    applicationMethod: sql<string | null>`${customer.applicationMethod}`,
  }).from(customer).where(isAnyOf(customer.no, 'customerNos')));
});

/**
 * The document, locked for the posting. NOWAIT: a second post of the same document while the first
 * runs (another process on a PostgreSQL server) is refused at once with 409 instead of posting twice.
 */
export async function loadDocumentForPosting(tx: Executor, documentType: PostableDocumentType, no: string): Promise<SalesDocument> {
  let header: SalesHeaderRow | undefined;
  try {
    [header] = await selectHeaderForPosting(tx, { documentType, no });
  } catch (error) {
    // 55P03 lock_not_available: another transaction is posting this document.
    if (postgresErrorCode(error) === '55P03') throw new DomainError('DOCUMENT_BEING_POSTED', { entity: documentKinds[documentType].entity, no });
    throw error;
  }
  if (header) {
    const lines = await selectLinesForPosting(tx, { documentType, no });
    return { header, lines };
  }
  // Posted in full (and so deleted) by a request that came first: a conflict, not an unknown document.
  const [posted] = await tx.select({ no: postedSalesHeader.no }).from(postedSalesHeader)
    .where(and(eq(postedSalesHeader.sourceDocumentType, documentType), eq(postedSalesHeader.sourceDocumentNo, no))).limit(1);
  if (posted) throw new DomainError('DOCUMENT_ALREADY_POSTED', { entity: documentKinds[documentType].entity, no, postedNo: posted.no });
  throw new DomainError('NOT_FOUND', { entity: documentKinds[documentType].entity, key: no });
}


export function checkHeader(header: SalesHeaderRow & { postingDate: string }, documentType: PostableDocumentType, context: SalesContext): void {
  const caption = salesDocumentTypeCaptions[documentType];
  const required = (field: keyof SalesHeaderRow, fieldCaption: string) => {
    if (header[field] === null || header[field] === '') {
      throw new DomainError('FIELD_REQUIRED', { fieldCaption, documentTypeCaption: caption, action: 'posted', field }, field);
    }
  };
  required('sellToCustomerNo', 'Sell-to Customer No.');
  required('billToCustomerNo', 'Bill-to Customer No.');
  required('documentDate', 'Document Date');
  assertPostingDateAllowed(header.postingDate, context.glSetup);
}

/** The bill-to customer's facts the posting's application reads (Block Payment Tolerance, Application Method). */
export interface BillToFacts { blockPaymentTolerance: boolean; applicationMethod: string }

/** A customer of the document as the posting's checks read it. */
export interface PostingCustomer { no: string; blocked: string; blockPaymentTolerance: boolean; applicationMethod: string }

/** What the posting reads of the items of the document's item lines (locked), and of its sell-to and bill-to customers, in one round trip. */
export interface ItemsAndCustomers {
  itemRows: Map<string, ItemRow>;
  /** The items as the item plan reads them (item-posting-state.ts), so that it need not read them again. */
  postingItems: Map<string, ItemPostingItem>;
  customers: PostingCustomer[];
}

export async function loadItemsAndCustomers(tx: Executor, document: SalesDocument): Promise<ItemsAndCustomers> {
  const itemNos = [...new Set(document.lines.filter((line) => line.type === 'item').map((line) => line.no))];
  const rows = await selectItemsAndCustomers(tx, { itemNos, customerNos: [document.header.sellToCustomerNo, document.header.billToCustomerNo] });
  const loaded: ItemsAndCustomers = { itemRows: new Map(), postingItems: new Map(), customers: [] };
  for (const row of rows) {
    if (row.kind === 'item') {
      loaded.itemRows.set(row.no, { no: row.no, type: row.type!, blocked: row.itemBlocked!, salesBlocked: row.salesBlocked! });
      loaded.postingItems.set(row.no, itemPostingItemOf({
        no: row.no, type: row.type!, costingMethod: row.costingMethod!, unitCost: row.unitCost!, standardCost: row.standardCost!,
        preventNegativeInventory: row.preventNegativeInventory!,
      }));
    } else loaded.customers.push({ no: row.no, blocked: row.customerBlocked!, blockPaymentTolerance: row.blockPaymentTolerance!, applicationMethod: row.applicationMethod! });
  }
  return loaded;
}

/** Neither customer blocked for this posting; answers the bill-to customer's facts. */
export function checkCustomers(customers: readonly PostingCustomer[], header: SalesHeaderRow, descriptor: SalesPostingDescriptor, scope: PostingScope): BillToFacts {
  // Credit documents (credit memo, return order) post as a return whatever the scope, as core's blocking table reads them.
  const action = descriptor.sign < 0 ? 'postReturn' : scope.ship ? 'postShipment' : 'postInvoiceOfShipped';
  for (const row of customers) assertCustomerNotBlocked({ no: row.no, blocked: row.blocked as CustomerBlocked }, descriptor.type, action);
  const billTo = customers.find((row) => row.no === header.billToCustomerNo);
  return { blockPaymentTolerance: billTo?.blockPaymentTolerance ?? false, applicationMethod: billTo?.applicationMethod ?? 'manual' };
}

/**
 * Spec §7.4 step 7 for the lines this posting touches: items and accounts exist, are not blocked,
 * allow posting; an inventory item that ships (receives) has a location when Location Mandatory is on.
 */
export async function checkLines(
  tx: Executor, lines: readonly SalesLineRow[], scope: PostingScope, items: Map<string, ItemRow>, descriptor: SalesPostingDescriptor, setup: { locationMandatory: boolean },
): Promise<void> {
  const posted = new Set(scope.lines.map((line) => line.lineNo));
  const moving = new Set(scope.lines.filter((line) => !line.ship.isZero()).map((line) => line.lineNo));
  const touched = lines.filter((line) => posted.has(line.lineNo));
  for (const line of touched.filter((candidate) => candidate.type === 'item')) {
    const row = items.get(line.no);
    if (!row) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item', value: line.no, field: `lines.${line.lineNo}.no` });
    if (row.blocked) throw new DomainError('ITEM_BLOCKED', { itemNo: line.no }, `lines.${line.lineNo}.no`);
    // Invoicing what an earlier shipment moved needs no location (BC checks item journal lines with a quantity).
    if (moving.has(line.lineNo)) {
      assertLocationWhenMandatory(setup.locationMandatory, { lineNo: line.lineNo, no: line.no, locationCode: line.locationCode, inventoryItem: row.type === 'inventory' }, `lines.${line.lineNo}.locationCode`);
      checkDropShipment(line);
    }
  }
  await checkWarehouseHandling(tx, lines, scope, descriptor);
  const accountNos = [...new Set(touched.filter((line) => line.type === 'glAccount').map((line) => line.no))];
  if (accountNos.length === 0) return;
  const accounts = await tx.select().from(glAccount).where(inArray(glAccount.no, accountNos));
  for (const line of touched.filter((candidate) => candidate.type === 'glAccount')) {
    const account = accounts.find((row) => row.no === line.no);
    if (!account) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'G/L Account', value: line.no, field: `lines.${line.lineNo}.no` });
    if (account.blocked) throw new DomainError('ACCOUNT_BLOCKED', { accountNo: line.no }, `lines.${line.lineNo}.no`);
    if (!account.directPosting) throw new DomainError('DIRECT_POSTING_NOT_ALLOWED', { accountNo: line.no }, `lines.${line.lineNo}.no`);
  }
}

/**
 * Spec §15.1: a drop shipment ships only with its purchase order line, which the same posting
 * receives (drop-shipment-receipt.ts); an unlinked one cannot ship (BC).
 */
function checkDropShipment(line: SalesLineRow): void {
  if (!line.dropShipment || line.purchaseOrderNo) return;
  throw new DomainError('DROP_SHIPMENT_NOT_LINKED', { lineNo: line.lineNo, itemNo: line.no }, `lines.${line.lineNo}.purchaseOrderNo`);
}

/**
 * Spec §7.9: goods at a location that requires warehouse shipments or picks (receipts or put-aways
 * for returns) cannot be shipped (received) by posting the document; invoicing what was shipped can.
 */
async function checkWarehouseHandling(tx: Executor, lines: readonly SalesLineRow[], scope: PostingScope, descriptor: SalesPostingDescriptor): Promise<void> {
  const shipping = new Set(scope.lines.filter((line) => !line.ship.isZero()).map((line) => line.lineNo));
  const handled = lines.filter((line) => line.type === 'item' && shipping.has(line.lineNo) && line.locationCode);
  if (handled.length === 0) return;
  const codes = [...new Set(handled.map((line) => line.locationCode!))].sort();
  const rows = await cachedSetup(tx, `location:${codes.join('\u0000')}`, (db) => db.select().from(location).where(inArray(location.code, codes)));
  for (const line of handled) {
    const row = rows.find((candidate) => candidate.code === line.locationCode);
    // Goods coming in need the location's inbound handling (receipt, put-away), goods going out its outbound handling.
    const required = descriptor.direction === 'inbound' ? row?.requireReceive || row?.requirePutAway : row?.requireShipment || row?.requirePick;
    if (required) {
      throw new DomainError('WAREHOUSE_HANDLING_REQUIRED', { documentType: line.documentType, no: line.documentNo, lineNo: line.lineNo, locationCode: line.locationCode }, `lines.${line.lineNo}.locationCode`);
    }
  }
}

/**
 * Spec §4.8: an invoice (credit memo) may not total below zero. On an order it is the part being
 * invoiced now that counts (§4.5), and the error names that part's amount, not the order's.
 */
export function checkInvoiceTotal(linePostings: readonly LinePosting[], descriptor: SalesPostingDescriptor, no: string): void {
  const total = sum(linePostings.flatMap((entry) => (entry.amounts ? [entry.amounts.amountIncludingVat] : [])));
  if (!total.isNegative()) return;
  const caption = salesDocumentTypeCaptions[descriptor.type];
  const documentTypeCaption = descriptor.postsInFull ? caption
    : `part of ${caption} ${no} being ${descriptor.sign === 1 ? 'invoiced' : 'credited'}`;
  throw new DomainError('NEGATIVE_INVOICE_TOTAL', { documentTypeCaption, total: total.toFixed(2) });
}
