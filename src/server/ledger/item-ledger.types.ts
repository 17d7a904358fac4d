/**
 * What a posting asks of the item ledger (spec §7.5, §7.6, §17.3, §17.5, §23.3): item movements
 * (new item ledger entries, costed and applied) and invoicings of entries posted earlier (a
 * shipment or return receipt billed later). item-ledger.ts writes them; the caller turns the cost
 * amounts it gets back into G/L entries with core/posting buildCostPosting.
 */
import type { Decimal } from '../../core/money/decimal.ts';

export type ItemLedgerEntryType = 'purchase' | 'sale' | 'positiveAdjustment' | 'negativeAdjustment';
export type ItemLedgerDocumentType = 'salesShipment' | 'salesInvoice' | 'salesReturnReceipt' | 'salesCreditMemo' | '';

/** Facts shared by movements and invoicings: the document line and its posting groups. */
export interface ItemPostingLineFacts {
  /** The caller's id of the line, returned with the result. */
  key: string;
  documentType: ItemLedgerDocumentType;
  documentNo: string;
  documentLineNo: number;
  description: string;
  sourceType: 'customer' | '';
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
  /** Outbound only: take the stock from this inbound entry (fixed application). */
  appliesToEntry: number | null;
  /** Inbound only: come back at exactly the cost of this outbound entry (exact cost reversal, undo). */
  appliesFromEntry: number | null;
  /** Undo Shipment's correction entry. */
  correction: boolean;
  /**
   * Ship and invoice in one posting: the sales and discount amounts of the invoiced part, as the
   * invoice posts them (spec §4.5, §7.6); the rest of salesAmount stays expected. Unset: both are
   * split from salesAmount and discountAmount by quantity.
   */
  invoiced?: { salesAmount: Decimal; discountAmount: Decimal };
}

/** Billing part of an entry shipped or received earlier: a value entry on that entry. */
export interface ItemInvoicing extends ItemPostingLineFacts {
  itemLedgerEntryNo: number;
  /** Same sign as the entry's quantity; |invoiced| ≤ what is not yet invoiced. */
  invoicedQuantity: Decimal;
}

export interface ItemPostingOptions {
  /** Inventory Setup, resolved with the item's own Prevent Negative Inventory by the writer. */
  preventNegativeInventory: boolean;
  automaticCostPosting: boolean;
  expectedCostPostingToGl: boolean;
}

/** The value entries written for one movement or invoicing: what the G/L cost posting needs. */
export interface PostedItemValue {
  key: string;
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
