/**
 * Posting an item journal (positive and negative adjustments; opening inventory is a positive
 * adjustment): checks every line, then per posting date and document no. one register (source
 * code ITEMJNL, one Transaction No.), the item entries planned by core/inventory, and,
 * with Automatic Cost Posting, the balanced G/L entries Inventory / Inventory Adjustment.
 * The caller runs it inside one transaction: a refused line posts nothing.
 */
import { inArray, isNull } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { ItemJournalLineInput, ItemJournalPostInput } from '../../core/inventory/item-journal.schemas.ts';
import { assertLocationWhenMandatory } from '../../core/inventory/location-mandatory.ts';
import { columnLimits, fitsColumn } from '../../core/money/column-limits.ts';
import { ZERO, dec } from '../../core/money/decimal.ts';
import { buildItemJournalPosting } from '../../core/posting/item-journal-posting.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import type { Executor } from '../db/connection.ts';
import { generalPostingSetup, inventoryPostingSetup, item, location } from '../db/schema/index.ts';
import { planItemPosting } from '../../core/inventory/item-posting-planner.ts';
import type { ItemMovement } from '../../core/inventory/item-posting.types.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import { loadItemPostingState } from '../ledger/item-posting-state.ts';
import type { SalesContext } from '../sales/sales-context.ts';

type ItemRow = typeof item.$inferSelect;

export interface PostedItemJournalLine {
  /** Position of the line in the request. */
  index: number;
  itemNo: string;
  locationCode: string;
  itemLedgerEntryNo: number;
  transactionNo: number;
  /** Signed as on the entries: negative for a negative adjustment. */
  quantity: string;
  costAmount: string;
  unitCost: string;
}

export interface ItemJournalPostingResult {
  lines: PostedItemJournalLine[];
}

export async function postItemJournal(tx: Executor, input: ItemJournalPostInput, context: SalesContext): Promise<ItemJournalPostingResult> {
  const items = await checkLines(tx, input.lines, context);
  const accounts = context.inventorySetup.automaticCostPosting ? await loadAdjustmentAccounts(tx) : { generalPostingSetups: [], inventoryPostingSetups: [] };
  const posted: PostedItemJournalLine[] = [];
  for (const group of transactions(input.lines)) {
    const { postingDate, documentNo } = group[0]!.line;
    const movements = group.map(({ line, index }) => movementOf(line, index, items.get(line.itemNo)!));
    const plan = planItemPosting(await loadItemPostingState(tx, movements, []), movements, [], {
      preventNegativeInventory: context.inventorySetup.preventNegativeInventory,
      automaticCostPosting: context.inventorySetup.automaticCostPosting,
      expectedCostPostingToGl: context.inventorySetup.expectedCostPostingToGl,
    });
    const batch = buildItemJournalPosting({
      automaticCostPosting: context.inventorySetup.automaticCostPosting,
      accounts,
      lines: plan.movements.map((value, position) => ({
        inputPath: `lines.${value.key}`, description: movements[position]!.description, genProdPostingGroup: value.genProdPostingGroup,
        locationCode: value.locationCode, inventoryPostingGroup: value.inventoryPostingGroup, costAmountActual: value.costAmountActual,
      })),
    });
    const appended = await appendPosting(tx, {
      facts: { postingDate, sourceCode: 'ITEMJNL', userId: context.username, document: { documentType: '', documentNo, externalDocumentNo: '', description: '' } },
      entries: batch, items: plan, customerApplications: [],
    });
    posted.push(...plan.movements.map((value, position) => ({
      index: Number(value.key), itemNo: movements[position]!.itemNo, locationCode: value.locationCode,
      itemLedgerEntryNo: appended.itemLedgerEntryNo(value.itemLedgerEntryNo),
      transactionNo: appended.transactionNo, quantity: movements[position]!.quantity.toString(),
      costAmount: value.costAmountActual.toFixed(2), unitCost: value.unitCost.toString(),
    })));
  }
  return { lines: posted.sort((a, b) => a.index - b.index) };
}

/**
 * BC gives every posting date and document no. of a journal its own transaction; lines keep their
 * order within it, and transactions follow the first line of each.
 */
function transactions(lines: readonly ItemJournalLineInput[]): { line: ItemJournalLineInput; index: number }[][] {
  const groups = new Map<string, { line: ItemJournalLineInput; index: number }[]>();
  lines.forEach((line, index) => {
    const key = `${line.postingDate}\u0000${line.documentNo}`;
    groups.set(key, [...(groups.get(key) ?? []), { line, index }]);
  });
  return [...groups.values()];
}

function movementOf(line: ItemJournalLineInput, index: number, source: ItemRow): ItemMovement {
  const quantity = line.entryType === 'negativeAdjustment' ? dec(line.quantity).negated() : dec(line.quantity);
  return {
    key: String(index), documentType: '', documentNo: line.documentNo, documentLineNo: (index + 1) * 10000,
    description: line.description || source.description, sourceType: '', sourceNo: '',
    genBusPostingGroup: '', genProdPostingGroup: source.genProdPostingGroup!, inventoryPostingGroup: source.inventoryPostingGroup!,
    salesAmount: ZERO, discountAmount: ZERO,
    itemNo: line.itemNo, locationCode: line.locationCode ?? '', entryType: line.entryType, quantity,
    // A journal line is posted whole: received (or taken out) and invoiced at once, so its cost is actual.
    invoicedQuantity: quantity,
    unitOfMeasureCode: source.baseUnitOfMeasure, quantityPerUnitOfMeasure: dec('1'),
    unitCost: line.unitCost === undefined ? null : dec(line.unitCost),
    appliesToEntry: line.appliesToEntry ?? null, appliesFromEntry: null, correction: false,
  };
}

// ------------------------------------------------------------------------------------------ checks

/** Everything a line needs before anything is written; returns the items, loaded once. */
async function checkLines(tx: Executor, lines: readonly ItemJournalLineInput[], context: SalesContext): Promise<Map<string, ItemRow>> {
  const itemNos = [...new Set(lines.map((line) => line.itemNo))];
  const locationCodes = [...new Set(lines.flatMap((line) => (line.locationCode ? [line.locationCode] : [])))];
  const items = new Map((await tx.select().from(item).where(inArray(item.no, itemNos))).map((row) => [row.no, row]));
  const locations = new Set(locationCodes.length === 0 ? [] : (await tx.select({ code: location.code }).from(location)
    .where(inArray(location.code, locationCodes))).map((row) => row.code));
  lines.forEach((line, index) => {
    const path = `lines.${index}`;
    assertPostingDateAllowed(line.postingDate, context.glSetup, `${path}.postingDate`);
    const source = items.get(line.itemNo);
    if (!source) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item', value: line.itemNo, field: 'itemNo' }, `${path}.itemNo`);
    checkItem(source, line, path);
    if (line.locationCode && !locations.has(line.locationCode)) {
      throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Location', value: line.locationCode, field: 'locationCode' }, `${path}.locationCode`);
    }
    // checkItem admitted inventory items only, and a journal quantity is never 0.
    assertLocationWhenMandatory(context.inventorySetup.locationMandatory,
      { lineNo: index + 1, no: line.itemNo, inventoryItem: true, locationCode: line.locationCode ?? null }, `${path}.locationCode`);
  });
  return items;
}

function checkItem(source: ItemRow, line: ItemJournalLineInput, path: string): void {
  if (source.blocked) throw new DomainError('ITEM_BLOCKED', { itemNo: source.no }, `${path}.itemNo`);
  if (source.type !== 'inventory') {
    throw new DomainError('INVALID_INPUT', { detail: `Item ${source.no} is a ${source.type} item: only inventory items have stock to adjust` }, `${path}.itemNo`);
  }
  for (const [field, caption] of [['genProdPostingGroup', 'Gen. Prod. Posting Group'], ['inventoryPostingGroup', 'Inventory Posting Group']] as const) {
    if (!source[field]) {
      throw new DomainError('FIELD_REQUIRED', { field, fieldCaption: `${caption} of item ${source.no}`, documentTypeCaption: 'item journal line', action: 'posted' }, `${path}.itemNo`);
    }
  }
  // A Standard item is worth its standard cost, whatever the line says (BC refuses another Unit Cost too).
  if (source.costingMethod === 'standard' && line.unitCost !== undefined && !dec(line.unitCost).eq(dec(source.standardCost))) {
    throw new DomainError('INVALID_INPUT', {
      detail: `Item ${source.no} uses standard costing: its unit cost is the standard cost ${dec(source.standardCost).toString()}`,
    }, `${path}.unitCost`);
  }
  // Quantity × Unit Cost becomes the entries' cost amount: one the amount columns cannot hold is refused by field, not by the database.
  const unitCost = dec(line.unitCost ?? (source.costingMethod === 'standard' ? source.standardCost : source.unitCost));
  if (!fitsColumn(dec(line.quantity).times(unitCost), columnLimits.amount)) {
    throw new DomainError('INVALID_INPUT', {
      detail: `Quantity × Unit Cost (${line.quantity} × ${unitCost.toString()}) is larger than an amount can be (${columnLimits.amount.integerDigits} digits before the decimal point)`,
    }, `${path}.quantity`);
  }
}


/** Inventory Adjustment Accounts (blank business group) and Inventory Accounts, '' for blank. */
async function loadAdjustmentAccounts(tx: Executor) {
  const blank = (value: string | null) => value ?? '';
  const general = await tx.select().from(generalPostingSetup).where(isNull(generalPostingSetup.genBusPostingGroup));
  const inventory = await tx.select().from(inventoryPostingSetup);
  return {
    generalPostingSetups: general.map((row) => ({
      genBusPostingGroup: '', genProdPostingGroup: row.genProdPostingGroup, inventoryAdjustmentAccount: blank(row.inventoryAdjustmentAccount),
    })),
    inventoryPostingSetups: inventory.map((row) => ({
      locationCode: blank(row.locationCode), inventoryPostingGroup: row.inventoryPostingGroup,
      inventoryAccount: blank(row.inventoryAccount), inventoryAccountInterim: blank(row.inventoryAccountInterim),
    })),
  };
}
