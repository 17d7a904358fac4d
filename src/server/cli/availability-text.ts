/**
 * How `ledgerline order-promising` and `item-availability` print the API's answers for a person:
 * aligned tables, and each promising line's explanation steps (spec §16.3–16.5) in words, so the
 * clerk sees why a date was chosen without reading the JSON.
 */
import { dec } from '../../core/money/decimal.ts';

type Step = Record<string, unknown>;

export interface PromisingLineView {
  lineNo: number;
  itemNo: string;
  description: string;
  quantity: string;
  unavailableQuantity: string;
  originalShipmentDate: string | null;
  earliestShipmentDate: string | null;
  plannedDeliveryDate: string | null;
  supply: { quantity: string; dueDate: string; endingDate: string; startingDate: string } | null;
  explanation: Step[];
}

/** "10.00000" → "10": the API keeps five places, a person reads the number. */
export function quantityText(value: unknown): string {
  return typeof value === 'string' && value !== '' ? dec(value).toFixed() : '-';
}

const dateText = (value: unknown) => (typeof value === 'string' && value !== '' ? value : '-');

/** Columns padded to their widest cell; the columns named in `rightAligned` (numbers) align right. */
export function table(headings: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells
    .map((cell, column) => (rightAligned.includes(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
    .join('  ').trimEnd();
  return [line(headings), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n';
}

function supplyText(supply: PromisingLineView['supply']): string {
  return supply ? `${quantityText(supply.quantity)} due ${supply.dueDate} (start ${supply.startingDate})` : '-';
}

export function promisingTable(lines: readonly PromisingLineView[]): string {
  const headings = ['Line', 'Item', 'Qty', 'Unavailable', 'Original shipment', 'Earliest shipment', 'Planned delivery', 'CTP supply'];
  const rows = lines.map((line) => [
    String(line.lineNo), line.itemNo, quantityText(line.quantity), quantityText(line.unavailableQuantity), dateText(line.originalShipmentDate),
    line.earliestShipmentDate ?? 'none in window', dateText(line.plannedDeliveryDate), supplyText(line.supply),
  ]);
  return table(headings, rows, [2, 3]);
}

/** Each line's steps, one sentence each, under a heading naming the line. */
export function explanationText(lines: readonly PromisingLineView[]): string {
  return lines.map((line) => {
    const heading = `Line ${line.lineNo} (${line.itemNo}${line.description ? ` ${line.description}` : ''}):`;
    return [heading, ...line.explanation.map((step) => `  - ${stepText(step)}`)].join('\n');
  }).join('\n') + '\n';
}

/** One explanation step in words; an unknown kind (a newer server) is shown as its data rather than dropped. */
export function stepText(step: Step): string {
  switch (step.kind) {
    case 'inventory': return `${quantityText(step.quantity)} in inventory now (net of reservations).`;
    case 'receipt': return receiptText(step);
    case 'shortfall':
      return `The last shortfall: on ${step.date} only ${quantityText(step.available)} of the ${quantityText(step.quantity)} are available, so the line cannot ship on or before that date.`;
    case 'dateChosen': return dateChosenText(step);
    case 'noDateInWindow': return noDateText(step);
    case 'specialOrder':
      return `Special order: the line ships when purchase order ${step.purchaseOrderNo} arrives, `
        + (step.expectedReceiptDate ? `expected on ${step.expectedReceiptDate}.` : 'which has no expected receipt date yet.');
    case 'window': return `Promising window: ${step.start} to ${step.end}.`;
    case 'unavailable':
      return dec(String(step.quantity)).isZero()
        ? 'Inventory and scheduled supply cover the line: no replenishment is needed.'
        : `${quantityText(step.quantity)} cannot be had from inventory and scheduled supply and must be replenished.`;
    case 'attempt': return attemptText(step);
    default: return `${String(step.kind)}: ${JSON.stringify(step)}`;
  }
}

const documentKinds: Record<string, string> = {
  purchaseOrder: 'purchase order', salesReturnOrder: 'sales return order', assemblyOrder: 'assembly order', requisition: 'requisition worksheet line',
};

function receiptText(step: Step): string {
  const documents = (step.documents as Array<{ kind: string; documentNo: string; lineNo: number; quantity: string }> | undefined) ?? [];
  const from = documents.length === 0 ? ''
    : ` from ${documents.map((document) => `${documentKinds[document.kind] ?? document.kind} ${document.documentNo} line ${document.lineNo} (${quantityText(document.quantity)})`).join(', ')}`;
  const demand = dec(String(step.demandBefore)).isZero() ? '' : `, after ${quantityText(step.demandBefore)} of other demand due before it`;
  return `${step.date}: receipt of ${quantityText(step.quantity)}${from}${demand}; ${quantityText(step.availableAfter)} available then.`;
}

function dateChosenText(step: Step): string {
  // The capable-to-promise step carries only the date.
  if (step.rule === undefined) return `Earliest shipment date: ${step.date}.`;
  const available = `(${quantityText(step.available)} available)`;
  if (step.rule === 'availableOnNeededDate') return `Earliest shipment date: ${step.date}, the needed date itself ${available}.`;
  if (step.rule === 'requestedShipmentDate') return `Earliest shipment date: ${step.date}, the requested shipment date: the customer wants it no earlier ${available}.`;
  return `Earliest shipment date: ${step.date}, the date of the receipt that covers the line ${available}.`;
}

function noDateText(step: Step): string {
  const until = step.windowEnd ? `until the end of the promising window (${step.windowEnd})` : 'in the promising window';
  if (step.shortfallDate === undefined) return `No date: no replenishment started in the window makes the line ${until}.`;
  return `No date: ${until} nothing covers the ${quantityText(step.quantity)} needed (on ${step.shortfallDate} only ${quantityText(step.available)} available).`;
}

const outcomes: Record<string, string> = {
  covered: 'covered without new supply',
  feasible: 'a replenishment started in the window makes it',
  startsBeforeWindow: 'the replenishment would have to start before the window',
  componentsUnavailable: 'its components cannot be had in time',
};

function attemptText(step: Step): string {
  const supply = step.supply as PromisingLineView['supply'];
  const replenishment = supply ? ` (replenish ${quantityText(supply.quantity)}: start ${supply.startingDate}, end ${supply.endingDate})` : '';
  return `Tried due date ${step.dueDate}: ${quantityText(step.availableToPromise)} available to promise; ${outcomes[String(step.outcome)] ?? String(step.outcome)}${replenishment}.`;
}

export interface AvailabilityFigures { inventory: string; grossRequirement: string; scheduledReceipt: string; projectedAvailableBalance: string }

/** Item Availability by Periods, or by Location (`leading` names the first columns of a row). */
export function availabilityTable(leadingHeadings: readonly string[], rows: ReadonlyArray<{ leading: readonly string[]; figures: AvailabilityFigures }>): string {
  const figureHeadings = ['Inventory', 'Gross requirement', 'Scheduled receipt', 'Projected available'];
  const cells = rows.map((row) => [...row.leading, ...[row.figures.inventory, row.figures.grossRequirement, row.figures.scheduledReceipt, row.figures.projectedAvailableBalance].map(quantityText)]);
  const numeric = figureHeadings.map((_, index) => leadingHeadings.length + index);
  return table([...leadingHeadings, ...figureHeadings], cells, numeric);
}
