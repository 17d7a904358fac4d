import { eq, sql } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { Decimal, dec, sum, ZERO } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { creditChecks, creditWarnings, type CreditWarningsSetting, stockoutWarning } from '../../core/sales/customer-checks.ts';
import { assembledPartOutstanding } from '../../core/assembly/assembly-order.ts';
import type { SalesDocumentType, Warning } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { customer } from '../db/schema/index.ts';
import { customerBalances, salesDocumentExposure, type SalesDocumentExposure } from '../customers/customer-statistics.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesDocument, SalesLineRow } from './sales-document.types.ts';

/**
 * The part of a line still to be invoiced, in LCY including VAT: what the credit check counts as
 * outstanding. A line billing a posted shipment adds nothing: the order counts it as shipped not invoiced.
 */
function outstandingLcy(line: SalesLineRow, currencyFactor: Decimal): Decimal {
  const quantity = dec(line.quantity);
  if (quantity.isZero() || line.shipmentNo) return ZERO;
  const open = quantity.minus(dec(line.quantityInvoiced));
  return roundAmount(dec(line.amountIncludingVat).times(open).div(quantity).div(currencyFactor));
}

/**
 * Non-blocking warnings returned with a document (spec §12.4–12.5). Balances come from the customer
 * ledger (customers/customer-statistics.ts) and inventory from the item ledger.
 */
export async function documentWarnings(tx: Executor, document: SalesDocument, context: SalesContext): Promise<Warning[]> {
  // Credit and stock are at stake only where goods go out to the customer.
  if (salesDescriptor(document.header.documentType as SalesDocumentType).direction !== 'outbound') return [];
  return [...(await creditLimitWarnings(tx, document, context)), ...(await stockoutWarnings(tx, document, context)), ...(await componentShortageWarnings(tx, document))];
}

const noExposure: SalesDocumentExposure = {
  outstandingOrdersLcy: ZERO, shippedNotInvoicedLcy: ZERO, outstandingInvoicesLcy: ZERO, outstandingReturnOrdersLcy: ZERO,
  returnReceivedNotInvoicedLcy: ZERO, outstandingCreditMemosLcy: ZERO, invoicedPrepaymentsLcy: ZERO,
};

/**
 * The credit limit and overdue balance check (spec §12.4) as the Credit Warnings setup asks; also
 * the "check customer credit limit" of the credit-limit approval workflows (§19.8).
 */
export async function creditLimitWarnings(tx: Executor, document: SalesDocument, context: SalesContext): Promise<Warning[]> {
  const { header } = document;
  const setting = context.salesSetup.creditWarnings as CreditWarningsSetting;
  const [billTo] = await tx.select({ creditLimitLcy: customer.creditLimitLcy }).from(customer).where(eq(customer.no, header.billToCustomerNo));
  const creditLimitLcy = dec(billTo!.creditLimitLcy);
  const checks = creditChecks(setting, creditLimitLcy);
  if (!checks.limit && !checks.overdue) return [];
  // Balances up to the work date (spec §12.4); the other documents without this one, which counts itself.
  const balances = await customerBalances(tx, header.billToCustomerNo, { workDate: context.workDate, upTo: context.workDate });
  // The open documents count only against a credit limit (issue 21: not summed when there is none to check).
  const exposure = checks.limit ? await salesDocumentExposure(tx, header.billToCustomerNo, { exclude: { documentType: header.documentType, no: header.no } }) : noExposure;
  const factor = dec(header.currencyFactor);
  return creditWarnings(setting, {
    creditLimitLcy,
    balanceLcy: balances.balanceLcy,
    shippedNotInvoicedLcy: exposure.shippedNotInvoicedLcy,
    returnReceivedNotInvoicedLcy: exposure.returnReceivedNotInvoicedLcy,
    // Spec §26.9.3: invoiced prepayments are in the balance already.
    outstandingOrdersLcy: exposure.outstandingOrdersLcy.minus(exposure.invoicedPrepaymentsLcy),
    outstandingInvoicesLcy: exposure.outstandingInvoicesLcy,
    outstandingReturnOrdersLcy: exposure.outstandingReturnOrdersLcy,
    currentDocumentChangeLcy: sum(document.lines.map((line) => outstandingLcy(line, factor).minus(dec(line.prepmtAmountInvLcy)).minus(dec(line.prepmtVatAmountInvLcy)))),
    balanceDueLcy: balances.balanceDueLcy,
  });
}

/**
 * Stockout (spec §12.5): what a line still has to ship, against the inventory at its location (the
 * item ledger) less what other open orders still have to ship from there. One query for all lines.
 */
async function stockoutWarnings(tx: Executor, document: SalesDocument, context: SalesContext): Promise<Warning[]> {
  if (document.header.documentType === 'quote') return [];
  const itemLines = document.lines.filter((line) => line.type === 'item' && dec(line.quantityBase).gt(0));
  if (itemLines.length === 0) return [];
  const available = await availableQuantities(tx, document, itemLines.map((line) => ({ itemNo: line.no, locationCode: line.locationCode ?? '' })));
  const warnings: Warning[] = [];
  for (const line of itemLines) {
    const source = available.get(`${line.no}\u0000${line.locationCode ?? ''}`);
    if (source?.type !== 'inventory') continue;
    const locationCode = line.locationCode ?? '';
    // A blanket order's quantities are no demand (spec §14.1): only what the next Make Order takes is checked (§14.2 step 3).
    const perUnit = dec(line.quantityPerUnitOfMeasure);
    // What is assembled to order ships first and does not come from stock (spec §15.3): its components are checked instead.
    const toAssemble = assembledPartOutstanding(line).times(perUnit);
    const outstanding = document.header.documentType === 'blanketOrder'
      ? Decimal.max(dec(line.quantityToShip).times(perUnit).minus(toAssemble), ZERO)
      : dec(line.quantityBase).minus(dec(line.quantityShipped).times(perUnit)).minus(toAssemble);
    const warning = stockoutWarning(context.salesSetup.stockoutWarning, source.stockoutWarning as never, {
      itemNo: line.no, availableQuantity: source.available, requestedQuantity: outstanding,
      locationCode, shipmentDate: line.shipmentDate ?? '',
    });
    if (warning) warnings.push(warning);
  }
  return warnings;
}

/**
 * Inventory less the outstanding base quantity of the other orders, per item and location ('' = none),
 * with the item's type and Stockout Warning: one statement for all lines.
 */
async function availableQuantities(
  tx: Executor, document: SalesDocument, keys: { itemNo: string; locationCode: string }[],
): Promise<Map<string, { available: Decimal; type: string; stockoutWarning: string }>> {
  if (keys.length === 0) return new Map();
  const values = sql.join(keys.map((key) => sql`(${key.itemNo}::text, ${key.locationCode}::text)`), sql`, `);
  // Both drivers (PGlite, node-postgres) answer raw SQL with { rows }.
  const { rows } = await tx.execute(sql`
    select k.item_no, k.location_code, i.type, i.stockout_warning,
      coalesce((select t.quantity from item_inventory_total t where t.item_no = k.item_no and t.location_code = k.location_code), 0)
      - coalesce((select sum(l.quantity_base - l.quantity_shipped * l.quantity_per_unit_of_measure) from sales_line l
          where l.document_type = 'order' and l.type = 'item' and l.no = k.item_no and coalesce(l.location_code, '') = k.location_code
            and l.document_no <> ${document.header.documentType === 'order' ? document.header.no : ''}), 0) as available
    from (select distinct * from (values ${values}) as v(item_no, location_code)) as k
    join item i on i.no = k.item_no`) as unknown as { rows: { item_no: string; location_code: string; type: string; stockout_warning: string; available: string }[] };
  return new Map(rows.map((row) => [`${row.item_no}\u0000${row.location_code}`, { available: dec(String(row.available)), type: row.type, stockoutWarning: row.stockout_warning }]));
}

/**
 * Spec §15.3: the components an assemble-to-order line's assembly document still needs, against the
 * inventory at their location. A warning (BC's Assembly Availability page), never a refusal.
 */
async function componentShortageWarnings(tx: Executor, document: SalesDocument): Promise<Warning[]> {
  if (!document.lines.some((line) => line.type === 'item' && !dec(line.qtyToAssembleToOrder).isZero())) return [];
  const { rows } = await tx.execute(sql`
    select h.no as assembly_no, h.sales_line_no, l.no as item_no, coalesce(l.location_code, '') as location_code,
      (l.remaining_quantity * l.quantity_per_unit_of_measure)::numeric(18, 5)::text as needed,
      coalesce((select t.quantity from item_inventory_total t where t.item_no = l.no and t.location_code = coalesce(l.location_code, '')), 0)::numeric(18, 5)::text as available
    from assembly_header h join assembly_line l on l.document_type = h.document_type and l.document_no = h.no
    where h.sales_document_type = ${document.header.documentType} and h.sales_document_no = ${document.header.no} and l.remaining_quantity > 0
    order by h.sales_line_no, l.line_no`) as unknown as { rows: { assembly_no: string; sales_line_no: number; item_no: string; location_code: string; needed: string; available: string }[] };
  return rows.filter((row) => dec(row.available).lessThan(dec(row.needed))).map((row) => ({
    code: 'ASSEMBLY_COMPONENT_SHORTAGE',
    message: `Line ${row.sales_line_no}: assembly ${row.assembly_no} needs ${dec(row.needed).toString()} of component ${row.item_no}`
      + `${row.location_code ? ` at location ${row.location_code}` : ''}, but only ${dec(row.available).toString()} are in inventory.`,
    details: {
      lineNo: String(row.sales_line_no), assemblyOrderNo: row.assembly_no, itemNo: row.item_no, locationCode: row.location_code,
      requestedQuantity: dec(row.needed).toString(), availableQuantity: dec(row.available).toString(), shortageQuantity: dec(row.needed).minus(dec(row.available)).toString(),
    },
  }));
}
