/**
 * The value entry of a movement or invoicing, and what the caller gets back for it. The entry is
 * referenced by id; transaction number, posting date and user are the writer's to add.
 */
import { type Decimal, ZERO } from '../money/decimal.ts';
import type { ItemPostingLineFacts, ItemPostingOptions, PlannedValueEntry, PostedItemValue } from './item-posting.types.ts';

export interface ValueAmounts {
  itemNo: string;
  itemLedgerEntryType: string;
  locationCode: string;
  itemLedgerEntryQuantity: Decimal;
  invoicedQuantity: Decimal;
  valuedQuantity: Decimal;
  costPerUnit: Decimal;
  costAmountActual: Decimal;
  costAmountExpected: Decimal;
  salesAmountActual: Decimal;
  salesAmountExpected: Decimal;
  discountAmount: Decimal;
}

export function plannedValueEntry(
  itemLedgerEntryId: number, options: ItemPostingOptions, facts: ItemPostingLineFacts, amounts: ValueAmounts,
): PlannedValueEntry {
  // Shipped and invoiced at once: the invoiced value belongs to the invoice, so the invoice finds its cost.
  const document = facts.invoiceDocument && !amounts.invoicedQuantity.isZero() ? facts.invoiceDocument : facts;
  return {
    itemLedgerEntryId, entryType: 'directCost', ...amounts,
    documentType: document.documentType, documentNo: document.documentNo, documentLineNo: facts.documentLineNo, description: facts.description,
    sourceType: facts.sourceType, sourceNo: facts.sourceNo, inventoryPostingGroup: facts.inventoryPostingGroup,
    genBusPostingGroup: facts.genBusPostingGroup, genProdPostingGroup: facts.genProdPostingGroup,
    costPostedToGl: options.automaticCostPosting ? amounts.costAmountActual : ZERO,
    expectedCostPostedToGl: options.automaticCostPosting && options.expectedCostPostingToGl ? amounts.costAmountExpected : ZERO,
    adjustment: false,
  };
}

export function postedValue(
  facts: ItemPostingLineFacts & { locationCode: string }, itemLedgerEntryNo: number,
  costAmountActual: Decimal, costAmountExpected: Decimal, unitCost: Decimal,
): PostedItemValue {
  return {
    key: facts.key, itemLedgerEntryNo, costAmountActual, costAmountExpected,
    genBusPostingGroup: facts.genBusPostingGroup, genProdPostingGroup: facts.genProdPostingGroup,
    locationCode: facts.locationCode, inventoryPostingGroup: facts.inventoryPostingGroup, unitCost,
  };
}
