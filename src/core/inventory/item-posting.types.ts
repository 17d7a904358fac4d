/**
 * What a posting asks of the item ledger (spec §7.5, §7.6, §17.3, §17.5, §23.3), what the planner
 * needs to know to answer, and the plan it answers with.
 *
 * Asked: item movements (new item ledger entries, costed and applied) and invoicings of entries
 * posted earlier (a shipment or return receipt billed later). Known: the items and the existing
 * entries involved, as server/ledger loads them (and, when inbound entries are invoiced, where
 * their cost flows). Answered: every row to insert — cost adjustments of earlier entries included —
 * and every derived column to update, as plain data; server/ledger writes it, and the caller turns
 * the cost amounts it gets back into G/L entries with core/posting buildCostPosting.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import type { Decimal } from '../money/decimal.ts';
import type { CostingMethod } from './costing.ts';

export type ItemLedgerEntryType = 'purchase' | 'sale' | 'positiveAdjustment' | 'negativeAdjustment' | 'assemblyConsumption' | 'assemblyOutput';
export type ItemLedgerDocumentType = 'salesShipment' | 'salesInvoice' | 'salesReturnReceipt' | 'salesCreditMemo'
  | 'purchaseReceipt' | 'purchaseInvoice' | 'purchaseReturnShipment' | 'purchaseCreditMemo' | 'postedAssembly' | '';

/** Facts shared by movements and invoicings: the document line and its posting groups. */
export interface ItemPostingLineFacts {
  /** The caller's id of the line, returned with the result. */
  key: string;
  documentType: ItemLedgerDocumentType;
  documentNo: string;
  documentLineNo: number;
  description: string;
  /** 'item': an assembly's entries name the assembled item. */
  sourceType: 'customer' | 'vendor' | 'item' | '';
  sourceNo: string;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  inventoryPostingGroup: string;
  /** LCY excl. VAT, sign of the value entry: positive for a sale, negative for a return. */
  salesAmount: Decimal;
  /** Line + invoice discount in LCY, same sign convention as salesAmount. */
  discountAmount: Decimal;
  /**
   * Ship and invoice in one posting: the entry belongs to the shipment, but its value entry, once
   * invoiced, to the invoice (as in BC, so the invoice finds its cost).
   */
  invoiceDocument?: { documentType: ItemLedgerDocumentType; documentNo: string };
}

/** A new item ledger entry. */
export interface ItemMovement extends ItemPostingLineFacts {
  itemNo: string;
  /** '' = no location. */
  locationCode: string;
  entryType: ItemLedgerEntryType;
  /** Base units; negative = outbound (sale, negative adjustment), positive = inbound. */
  quantity: Decimal;
  /** Invoiced in this same posting (same sign as quantity, |invoiced| ≤ |quantity|). Item journals invoice everything. */
  invoicedQuantity: Decimal;
  unitOfMeasureCode: string;
  quantityPerUnitOfMeasure: Decimal;
  /** Inbound only: cost per base unit (item journal Unit Cost); null = the item's current cost. */
  unitCost: Decimal | null;
  /** Inbound only: the entry's exact cost in LCY (a purchase line's amount), instead of quantity × unitCost. */
  costAmount?: Decimal;
  /**
   * Inbound only: an assembly's output, worth exactly what the named earlier movements of this
   * posting (its consumption) cost — actual cost, whatever the item's own unit cost says.
   */
  costOfMovements?: readonly string[];
  /** Outbound only: take the stock from this inbound entry (fixed application). */
  appliesToEntry: number | null;
  /** Inbound only: come back at exactly the cost of this outbound entry (exact cost reversal, undo). */
  appliesFromEntry: number | null;
  /** Undo Shipment's correction entry. */
  correction: boolean;
  /** Outbound only: take the stock from the entry an earlier movement of this posting makes (its key), as appliesToEntry does. */
  appliesToMovement?: string;
  /** Drop shipment (spec §15.1): the entry is flagged so (its purchase and sale are applied to each other). */
  dropShipment?: boolean;
  /**
   * Ship and invoice in one posting: the sales and discount amounts of the invoiced part, as the
   * invoice posts them (spec §4.5, §7.6); the rest of salesAmount stays expected. Unset: both are
   * split from salesAmount and discountAmount by quantity. `costAmount` (inbound with costAmount
   * only): the invoiced part's cost as the purchase invoice posts it, the rest of costAmount expected.
   */
  invoiced?: { salesAmount: Decimal; discountAmount: Decimal; costAmount?: Decimal };
}

/** Billing part of an entry shipped or received earlier: a value entry on that entry. */
export interface ItemInvoicing extends ItemPostingLineFacts {
  itemLedgerEntryNo: number;
  /** Same sign as the entry's quantity; |invoiced| ≤ what is not yet invoiced. */
  invoicedQuantity: Decimal;
  /** A purchase invoice's own cost for the part it invoices (LCY); unset, the expected cost becomes actual. */
  costAmountActual?: Decimal;
}

export interface ItemPostingOptions {
  /** Inventory Setup, resolved with the item's own Prevent Negative Inventory by the planner. */
  preventNegativeInventory: boolean;
  automaticCostPosting: boolean;
  expectedCostPostingToGl: boolean;
}

/** The value entries written for one movement or invoicing: what the G/L cost posting needs. */
export interface PostedItemValue {
  key: string;
  /** In a plan: the provisional id of a new entry (−1, −2 …) or the number of an existing one. */
  itemLedgerEntryNo: number;
  /** Σ Cost Amount (Actual) and (Expected) of the value entries written, LCY, signed as on them. */
  costAmountActual: Decimal;
  costAmountExpected: Decimal;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  locationCode: string;
  inventoryPostingGroup: string;
  /** Cost per base unit the entry was valued at. */
  unitCost: Decimal;
}

// ------------------------------------------------------------------------------------------ state

/** An item moved by the posting, as loaded (locked) before planning. */
export interface ItemPostingItem {
  no: string;
  /** Only 'inventory' items have item ledger entries. */
  type: string;
  costingMethod: CostingMethod;
  unitCost: Decimal;
  standardCost: Decimal;
  /** 'default' (Inventory Setup decides) | 'yes' | 'no'. */
  preventNegativeInventory: string;
  /** Only needed for Average items: Σ quantity and Σ cost (Actual + Expected) of all its entries. */
  quantityOnHand: Decimal;
  inventoryValue: Decimal;
}

/** The derived columns of an item ledger entry: what postings after its own may change. */
export interface ItemLedgerEntryDerived {
  remainingQuantity: Decimal;
  invoicedQuantity: Decimal;
  open: boolean;
  completelyInvoiced: boolean;
  shippedQuantityNotReturned: Decimal;
}

/** An existing item ledger entry the posting may change, with the sums of its value entries. */
export interface ItemPostingEntry {
  /** Entry No. */
  id: number;
  itemNo: string;
  locationCode: string;
  entryType: string;
  quantity: Decimal;
  remainingQuantity: Decimal;
  invoicedQuantity: Decimal;
  shippedQuantityNotReturned: Decimal;
  open: boolean;
  /** Σ Cost Amount (Actual + Expected), Σ Cost / Sales Amount (Expected) of its value entries. */
  costAmount: Decimal;
  costAmountExpected: Decimal;
  salesAmountExpected: Decimal;
  /** The entry's own posting date and document (shipment, receipt …): where a cost adjustment of its expected cost goes. */
  postingDate?: IsoDate;
  documentType?: ItemLedgerDocumentType;
  documentNo?: string;
  documentLineNo?: number;
}

/**
 * An item application entry as stored: quantity < 0 where the outbound entry takes stock from the
 * inbound one, > 0 where the inbound entry comes back from the outbound one at its exact cost.
 */
export interface StoredItemApplication {
  inboundEntryNo: number;
  outboundEntryNo: number;
  quantity: Decimal;
}

/** An existing value entry of an entry cost may flow to: what a cost adjustment corrects and copies. */
export interface StoredValueEntry {
  itemLedgerEntryNo: number;
  postingDate: IsoDate;
  documentType: ItemLedgerDocumentType;
  documentNo: string;
  documentLineNo: number;
  description: string;
  sourceType: string;
  sourceNo: string;
  locationCode: string;
  inventoryPostingGroup: string;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  invoicedQuantity: Decimal;
  costAmountActual: Decimal;
  costAmountExpected: Decimal;
}

/**
 * What cost adjustment (BC's Adjust Cost – Item Entries, run as with Automatic Cost Adjustment =
 * Always) needs when the posting invoices inbound entries: the entries their cost flows to — the
 * outbound entries applied to them, the inbound entries that came back from those at exact cost, and
 * so on — as application entries (every application of those outbound entries), their value entries
 * oldest first, and Allow Posting From. The entries themselves are in the state's entries.
 */
export interface CostFlowState {
  applications: readonly StoredItemApplication[];
  valueEntries: readonly StoredValueEntry[];
  allowPostingFrom: IsoDate | null;
}

/**
 * What the planner knows: the items of the movements, and the entries it may change (the open
 * entries of every item and location moved, every entry named by a fixed application, an exact
 * cost reversal or an invoicing), oldest first.
 */
export interface ItemPostingState {
  items: readonly ItemPostingItem[];
  entries: readonly ItemPostingEntry[];
  /** Unset: the posting adjusts no cost (it invoices no inbound entry). */
  costFlow?: CostFlowState;
}

// ------------------------------------------------------------------------------------------- plan

/** A new item ledger entry; `id` is provisional (−1, −2 … in insertion order). */
export interface PlannedItemLedgerEntry extends ItemLedgerEntryDerived {
  id: number;
  itemNo: string;
  entryType: ItemLedgerEntryType;
  documentType: ItemLedgerDocumentType;
  documentNo: string;
  documentLineNo: number;
  description: string;
  locationCode: string;
  sourceType: string;
  sourceNo: string;
  quantity: Decimal;
  positive: boolean;
  appliesToEntry: number | null;
  correction: boolean;
  dropShipment: boolean;
  unitOfMeasureCode: string;
  quantityPerUnitOfMeasure: Decimal;
}

/** Entries are referenced by id: provisional (< 0) for new entries, the entry number for existing ones. */
export interface PlannedItemApplicationEntry {
  itemLedgerEntryId: number;
  inboundItemEntryId: number;
  outboundItemEntryId: number | null;
  quantity: Decimal;
}

export interface PlannedValueEntry {
  itemLedgerEntryId: number;
  itemNo: string;
  itemLedgerEntryType: string;
  entryType: 'directCost';
  documentType: ItemLedgerDocumentType;
  documentNo: string;
  documentLineNo: number;
  description: string;
  sourceType: string;
  sourceNo: string;
  locationCode: string;
  inventoryPostingGroup: string;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  itemLedgerEntryQuantity: Decimal;
  invoicedQuantity: Decimal;
  valuedQuantity: Decimal;
  costPerUnit: Decimal;
  costAmountActual: Decimal;
  costAmountExpected: Decimal;
  salesAmountActual: Decimal;
  salesAmountExpected: Decimal;
  discountAmount: Decimal;
  /** What the G/L cost posting (Automatic Cost Posting, Expected Cost Posting to G/L) posts in the same transaction. */
  costPostedToGl: Decimal;
  expectedCostPostedToGl: Decimal;
  /** BC's Adjustment: a cost adjustment of an entry posted earlier. */
  adjustment: boolean;
  /** Unset: the posting's date. A cost adjustment is dated as the value entry it corrects. */
  postingDate?: IsoDate;
}

/** An existing entry this posting closed, invoiced or returned from: its new derived columns. */
export interface ChangedItemLedgerEntry extends ItemLedgerEntryDerived {
  id: number;
}

/** An Average item whose Unit Cost follows the new average after stock came in. */
export interface ChangedItemUnitCost {
  itemNo: string;
  unitCost: Decimal;
}

export interface ItemPostingPlan {
  itemLedgerEntries: PlannedItemLedgerEntry[];
  itemApplicationEntries: PlannedItemApplicationEntry[];
  valueEntries: PlannedValueEntry[];
  /** In the order of the state's entries. */
  changedEntries: ChangedItemLedgerEntry[];
  /** In the order of the state's items. */
  changedUnitCosts: ChangedItemUnitCost[];
  /** One per movement and per invoicing, in their order. */
  movements: PostedItemValue[];
  invoicings: PostedItemValue[];
  /** One per cost adjustment value entry, for the G/L: dated and documented as the entry it corrects. */
  adjustments: PostedItemAdjustment[];
}

/** A cost adjustment value entry, as the G/L cost posting needs it. */
export interface PostedItemAdjustment extends PostedItemValue {
  /** Its entry's type: a purchase entry balances on the purchase accounts, a sale on COGS. */
  itemLedgerEntryType: string;
  /** Unset: the posting's date (the value entries it corrects are this posting's own). */
  postingDate?: IsoDate;
  documentType: ItemLedgerDocumentType;
  documentNo: string;
  sourceType: string;
  sourceNo: string;
}
