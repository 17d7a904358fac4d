/**
 * Posting a stand-alone assembly order (spec §15.3, issue 20 item 1): in one transaction the
 * components' consumption and the assembled item's output at actual cost (their G/L side on
 * Inventory / Inventory Adjmt.), a posted assembly order numbered from its series, and the order
 * advanced or, once fully assembled, deleted. An order assembled to order is posted only by
 * shipping its sales line.
 */
import { DomainError } from '../../core/errors.ts';
import { planItemPosting } from '../../core/inventory/item-posting-planner.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { buildCostPosting } from '../../core/posting/cost-posting.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import type { Executor } from '../db/connection.ts';
import { postedAssemblyHeader, postedAssemblyLine } from '../db/schema/index.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import { loadItemPostingState } from '../ledger/item-posting-state.ts';
import { drawNumber } from '../number-series/no-series.commands.ts';
import { loadPostingAccounts } from '../sales/posting-accounts.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { loadAssemblyDocument } from './assembly-documents.ts';
import { advanceAssembly, planAssembly, postedAssemblyRows } from './assembly-posting.rows.ts';
import { linkParams } from './assemble-to-order.sync.ts';
import { assemblyCostLines } from './assembly-cost-lines.ts';
import { moveAssemblyReservationsToInventory } from '../availability/reservation-posting.ts';

export interface AssemblyPostingResult { no: string; postedAssemblyNo: string; transactionNo: number; quantity: string; costAmount: string; documentDeleted: boolean }

export async function postAssemblyOrder(tx: Executor, no: string, context: SalesContext, expectedVersion?: number): Promise<AssemblyPostingResult> {
  const document = await loadAssemblyDocument(tx, 'order', no, true);
  const { header } = document;
  if (expectedVersion !== undefined && expectedVersion !== header.version) {
    throw new DomainError('VERSION_CONFLICT', { entity: 'Assembly Order', key: no, currentVersion: header.version, sentVersion: expectedVersion });
  }
  if (header.assembleToOrder) throw new DomainError('ASSEMBLY_ORDER_LINKED', { ...linkParams(document), reason: 'it is posted by shipping that sales line, not on its own' });
  const quantity = checkQuantityToPost(no, dec(header.quantityToAssemble), dec(header.remainingQuantity));
  const postingDate = header.postingDate ?? context.workDate;
  assertPostingDateAllowed(postingDate, context.glSetup);
  const series = context.inventorySetup.postedAssemblyOrderNos;
  if (!series) throw new DomainError('NO_SERIES_NOT_SET_UP', { what: 'posted assembly orders', setup: 'Inventory Setup (Posted Assembly Order Nos.)' });
  const postedNo = (await drawNumber(tx, series, postingDate)).number;
  const planned = await planAssembly(tx, document, quantity, 'assembly', postedNo);
  const { inventorySetup } = context;
  const plan = planItemPosting(await loadItemPostingState(tx, planned.movements, []), planned.movements, [], {
    preventNegativeInventory: inventorySetup.preventNegativeInventory, automaticCostPosting: inventorySetup.automaticCostPosting,
    expectedCostPostingToGl: inventorySetup.expectedCostPostingToGl,
  });
  const description = `Assembly Order ${no}`;
  const entries = buildCostPosting({
    automaticCostPosting: inventorySetup.automaticCostPosting, expectedCostPostingToGl: inventorySetup.expectedCostPostingToGl,
    description, customerNo: '', lines: assemblyCostLines(plan.movements, 0), accounts: await loadPostingAccounts(tx, null),
  });
  const appended = await appendPosting(tx, {
    facts: { postingDate, sourceCode: 'ASSEMBLY', userId: context.username, document: { documentType: '', documentNo: postedNo, externalDocumentNo: '', description } },
    entries, items: plan, customerApplications: [],
  });
  const rows = postedAssemblyRows(planned, plan, (id) => appended.itemLedgerEntryNo(id), { postingDate, userId: context.username, noSeries: series });
  await tx.insert(postedAssemblyHeader).values(rows.header);
  if (rows.lines.length > 0) await tx.insert(postedAssemblyLine).values(rows.lines);
  // What was reserved on the output is now reserved on the stock it became (before a fully assembled order is deleted).
  await moveAssemblyReservationsToInventory(tx, no, dec(rows.header.quantityBase));
  await advanceAssembly(tx, planned, (remaining) => remaining);
  return {
    no, postedAssemblyNo: postedNo, transactionNo: appended.transactionNo, quantity: quantity.toString(), costAmount: rows.header.costAmount ?? '0.00',
    documentDeleted: dec(header.remainingQuantity).eq(quantity),
  };
}

function checkQuantityToPost(no: string, quantity: Decimal, remaining: Decimal): Decimal {
  if (quantity.lte(ZERO)) throw new DomainError('ASSEMBLY_POSTING_NOT_READY', { no, reason: 'Quantity to Assemble is 0' }, 'quantityToAssemble');
  if (quantity.gt(remaining)) {
    throw new DomainError('QTY_TO_ASSEMBLE_OUT_OF_RANGE', { value: quantity.toString(), minimum: '0', maximum: remaining.toString() }, 'quantityToAssemble');
  }
  return quantity;
}
