/** The G/L cost lines of an assembly's consumption and output values: Inventory against Inventory Adjmt. (blank business group). */
import type { PostedItemValue } from '../../core/inventory/item-posting.types.ts';
import type { CostPostingLine } from '../../core/posting/cost-posting.ts';

export function assemblyCostLines(values: readonly PostedItemValue[], firstLineNo: number): CostPostingLine[] {
  return values.map((value, index) => ({
    lineNo: firstLineNo + index, genBusPostingGroup: '', genProdPostingGroup: value.genProdPostingGroup, locationCode: value.locationCode,
    inventoryPostingGroup: value.inventoryPostingGroup, costAmountActual: value.costAmountActual, costAmountExpected: value.costAmountExpected, assembly: true,
  }));
}
