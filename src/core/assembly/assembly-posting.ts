/**
 * The item movements of posting an assembly (spec §15.3, worked example 7): each component's
 * Quantity to Consume leaves stock as Assembly Consumption, then the assembled item's Quantity to
 * Assemble comes in as Assembly Output worth exactly what the consumption cost (actual cost). A
 * sale assembled to order then applies to that output (fixed application), so it costs the same.
 */
import type { ItemMovement } from '../inventory/item-posting.types.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';

export interface AssemblyPostingFacts {
  /** Prefix of the movement keys; the output's key is `${key}:output`. */
  key: string;
  /** The posted assembly order's number (or a placeholder for it). */
  documentNo: string;
  itemNo: string;
  description: string;
  locationCode: string;
  genProdPostingGroup: string;
  inventoryPostingGroup: string;
  unitOfMeasureCode: string;
  quantityPerUnitOfMeasure: Decimal;
  /** Base units of the assembled item. */
  quantityToAssembleBase: Decimal;
}

export interface AssemblyComponentFacts {
  lineNo: number;
  no: string;
  description: string;
  locationCode: string;
  genProdPostingGroup: string;
  inventoryPostingGroup: string;
  unitOfMeasureCode: string;
  quantityPerUnitOfMeasure: Decimal;
  /** Base units of the component. */
  quantityToConsumeBase: Decimal;
}

export const outputKey = (key: string) => `${key}:output`;
export const consumptionKey = (key: string, lineNo: number) => `${key}:consumption:${lineNo}`;

/** Consumption first (components with something to consume), the output last. */
export function assemblyMovements(header: AssemblyPostingFacts, components: readonly AssemblyComponentFacts[]): ItemMovement[] {
  const consumed = components.filter((line) => !line.quantityToConsumeBase.isZero());
  const consumption = consumed.map((line): ItemMovement => ({
    ...common(header, line.lineNo, line.description),
    key: consumptionKey(header.key, line.lineNo),
    genProdPostingGroup: line.genProdPostingGroup, inventoryPostingGroup: line.inventoryPostingGroup,
    itemNo: line.no, locationCode: line.locationCode, entryType: 'assemblyConsumption',
    quantity: line.quantityToConsumeBase.negated(), invoicedQuantity: line.quantityToConsumeBase.negated(),
    unitOfMeasureCode: line.unitOfMeasureCode, quantityPerUnitOfMeasure: line.quantityPerUnitOfMeasure,
  }));
  const output: ItemMovement = {
    ...common(header, 0, header.description),
    key: outputKey(header.key),
    genProdPostingGroup: header.genProdPostingGroup, inventoryPostingGroup: header.inventoryPostingGroup,
    itemNo: header.itemNo, locationCode: header.locationCode, entryType: 'assemblyOutput',
    quantity: header.quantityToAssembleBase, invoicedQuantity: header.quantityToAssembleBase,
    unitOfMeasureCode: header.unitOfMeasureCode, quantityPerUnitOfMeasure: header.quantityPerUnitOfMeasure,
    costOfMovements: consumption.map((movement) => movement.key),
  };
  return [...consumption, output];
}

// Assembly entries name the assembled item as their source and carry no business group or sales amounts.
function common(header: AssemblyPostingFacts, lineNo: number, description: string) {
  return {
    documentType: 'postedAssembly' as const, documentNo: header.documentNo, documentLineNo: lineNo, description,
    sourceType: 'item' as const, sourceNo: header.itemNo, genBusPostingGroup: '',
    salesAmount: ZERO, discountAmount: ZERO, unitCost: null, appliesToEntry: null, appliesFromEntry: null, correction: false,
  };
}
