/**
 * `ledgerline order-promising <orderNo>` (spec §16.3–16.5): the earliest shipment date of each line of
 * a sales order and why, by Available to Promise or Capable to Promise, and with --accept the dates
 * written to the lines (CTP: the replenishment on the order promising worksheet).
 * `ledgerline item-availability <itemNo>`: Item Availability by Periods or by Location.
 * `ledgerline reserve <orderNo> <lineNo>` (spec §16, reservations): reserve a sales order line from
 * inventory or a purchase order line, or cancel its reservations, and show what the line holds after.
 * All print tables for a person; --json prints the API's answer.
 */
import { type Command, Option } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';
import { availabilityTable, explanationText, promisingTable, quantityText, table, type AvailabilityFigures, type PromisingLineView } from './availability-text.ts';

const methods = { atp: 'availableToPromise', ctp: 'capableToPromise' } as const;

interface PromisingOptions { method: keyof typeof methods; accept?: boolean; lines?: string; json?: boolean; server?: string }
interface AcceptedView { lines: PromisingLineView[]; orderPromisingId: string | null; worksheetName: string }

export function registerAvailabilityCommands(program: Command, kit: CliCommandKit): void {
  program.command('order-promising <orderNo>')
    .description('The earliest shipment date of each line of a sales order and why (nothing changes without --accept), e.g. `order-promising SO000001 --method ctp`')
    .addOption(new Option('--method <method>', 'atp: from inventory and scheduled supply; ctp: with a new replenishment started now').choices(Object.keys(methods)).default('atp'))
    .option('--accept', 'write the earliest shipment dates to the lines (ctp: and put the replenishment on the order promising worksheet)')
    .option('--lines <lineNos>', 'only these lines, comma-separated, e.g. 10000,20000')
    .option('--json', 'print the API\'s answer as JSON')
    .addOption(kit.serverOption)
    .action(async (orderNo: string, options: PromisingOptions) =>
      kit.withApi(options.server, async (api) => {
        const lineNos = options.lines === undefined ? undefined : parseLineNos(options.lines);
        const method = methods[options.method];
        const path = apiPath(`salesOrders/${orderNo}/orderPromising${options.accept ? '/accept' : ''}`);
        const body = options.accept ? { method, ...(lineNos ? { lineNos } : {}) } : { method };
        const answer = kit.expectOk(await api.request('POST', path, body)) as AcceptedView;
        // The plain run answers every line; --lines narrows what is shown (accept was narrowed by the API).
        const shown = { ...answer, lines: answer.lines.filter((line) => !lineNos || lineNos.includes(line.lineNo)) };
        if (options.json) return kit.print(shown);
        kit.io.stdout.write(promisingReport(orderNo, shown, Boolean(options.accept)));
      }));

  registerItemAvailabilityCommand(program, kit);
  registerReserveCommand(program, kit);
}

function parseLineNos(text: string): number[] {
  const lineNos = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (lineNos.length === 0 || lineNos.some((part) => !/^[1-9]\d*$/.test(part))) {
    throw new Error(`--lines takes line numbers separated by commas, e.g. 10000,20000 (got '${text}').`);
  }
  return lineNos.map((part) => Number.parseInt(part, 10));
}

function promisingReport(orderNo: string, answer: AcceptedView, accepted: boolean): string {
  if (answer.lines.length === 0) return `Sales order ${orderNo.toUpperCase()} has no item lines left to ship: nothing to promise.\n`;
  // After Accept the reasons were shown already by the look before it; what was written matters now.
  return accepted ? `${promisingTable(answer.lines)}\n${acceptedText(answer)}` : `${promisingTable(answer.lines)}\n${explanationText(answer.lines)}`;
}

/** What Accept wrote: each line's new shipment date, and where Capable to Promise put its supply. */
function acceptedText(accepted: AcceptedView): string {
  const written = accepted.lines.map((line) => {
    const was = line.originalShipmentDate && line.originalShipmentDate !== line.earliestShipmentDate ? ` (was ${line.originalShipmentDate})` : '';
    const delivery = line.plannedDeliveryDate ? `, planned delivery ${line.plannedDeliveryDate}` : '';
    return `Accepted: line ${line.lineNo} ships on ${line.earliestShipmentDate}${was}${delivery}.`;
  });
  const supplied = accepted.lines.filter((line) => line.supply !== null);
  if (supplied.length > 0) {
    const id = accepted.orderPromisingId ? ` (order promising ID ${accepted.orderPromisingId})` : '';
    written.push(...supplied.map((line) => `Replenishment of ${quantityText(line.supply!.quantity)} ${line.itemNo} due ${line.supply!.dueDate} `
      + `put on requisition worksheet ${accepted.worksheetName}${id}.`));
    written.push(`Make the purchase orders with \`ledgerline action requisitionWorksheets/${accepted.worksheetName}/carryOutActionMessage\`.`);
  }
  return `${written.join('\n')}\n`;
}

interface AvailabilityOptions { by: 'period' | 'location'; periodType: string; periods: string; location?: string; date?: string; json?: boolean; server?: string }

function registerItemAvailabilityCommand(program: Command, kit: CliCommandKit): void {
  program.command('item-availability <itemNo>')
    .description('Gross requirement, scheduled receipt, inventory and projected available balance of an item per period or per location, '
      + 'e.g. `item-availability 1000 --period-type month --periods 6`')
    .addOption(new Option('--by <view>', 'per period or per location').choices(['period', 'location']).default('period'))
    .addOption(new Option('--period-type <type>', 'the length of a period').choices(['day', 'week', 'month', 'quarter', 'year']).default('week'))
    .option('--periods <n>', 'how many periods', '12')
    .option('--location <code>', 'by period: one location ("" the blank location; default: all locations)')
    .option('--date <date>', 'by period: the first period holds it; by location: the figures up to it (default: the work date)')
    .option('--json', 'print the API\'s answer as JSON')
    .addOption(kit.serverOption)
    .action(async (itemNo: string, options: AvailabilityOptions) =>
      kit.withApi(options.server, async (api) => {
        if (options.by === 'location' && options.location !== undefined) throw new Error('--location narrows the view by period; --by location shows every location.');
        const answer = kit.expectOk(await api.request('GET', availabilityPath(itemNo, options))) as AvailabilityAnswer;
        if (options.json) return kit.print(answer);
        kit.io.stdout.write(availabilityReport(answer, options));
      }));
}

interface AvailabilityAnswer {
  itemNo: string;
  date?: string;
  items: Array<AvailabilityFigures & { periodStart?: string; periodEnd?: string; locationCode?: string }>;
}

function availabilityPath(itemNo: string, options: AvailabilityOptions): string {
  if (options.by === 'location') {
    return `${apiPath(`items/${itemNo}/availabilityByLocation`)}${options.date ? `?${new URLSearchParams({ date: options.date })}` : ''}`;
  }
  const query = new URLSearchParams({ periodType: options.periodType, periods: options.periods });
  if (options.date) query.set('from', options.date);
  if (options.location !== undefined) query.set('locationCode', options.location);
  return `${apiPath(`items/${itemNo}/availabilityByPeriod`)}?${query}`;
}

function availabilityReport(answer: AvailabilityAnswer, options: AvailabilityOptions): string {
  if (options.by === 'location') {
    const rows = answer.items.map((row) => ({ leading: [row.locationCode || '(blank)'], figures: row }));
    return `Item ${answer.itemNo} by location, up to ${answer.date}:\n${availabilityTable(['Location'], rows)}`;
  }
  const where = options.location === undefined ? 'all locations' : `location ${options.location || '(blank)'}`;
  const rows = answer.items.map((row) => ({ leading: [row.periodStart!, row.periodEnd!], figures: row }));
  return `Item ${answer.itemNo} by ${options.periodType}, ${where}:\n${availabilityTable(['Period start', 'Period end'], rows)}`;
}

interface ReserveOptions { quantity?: string; fromPurchase?: string; cancel?: boolean; json?: boolean; server?: string }

interface ReservationView { itemNo: string; locationCode: string; quantityBase: string; supplyType: string; purchaseDocumentNo: string | null; purchaseLineNo: number | null }
interface ReservationsAnswer { reservedQuantity: string; items: ReservationView[] }

function registerReserveCommand(program: Command, kit: CliCommandKit): void {
  program.command('reserve <orderNo> <lineNo>')
    .description('Reserve a sales order line (default: all not yet reserved, from inventory first, then purchase orders due by its shipment date) '
      + 'or cancel its reservations; prints what the line holds after, e.g. `reserve SO000001 10000 --from-purchase PO000001:10000`')
    .option('--quantity <quantity>', 'how much to reserve, in the base unit of measure (default: all not yet reserved)')
    .option('--from-purchase <po:line>', 'reserve from this purchase order line, e.g. PO000001:10000 (default: inventory, then purchase orders)')
    .option('--cancel', 'cancel the line\'s reservations instead')
    .option('--json', 'print the API\'s answer as JSON')
    .addOption(kit.serverOption)
    .action(async (orderNo: string, lineNo: string, options: ReserveOptions) =>
      kit.withApi(options.server, async (api) => {
        if (!/^[1-9]\d*$/.test(lineNo)) throw new Error(`The line number must be a whole number such as 10000 (got '${lineNo}').`);
        if (options.cancel && (options.quantity !== undefined || options.fromPurchase !== undefined)) {
          throw new Error('--cancel cancels all of the line\'s reservations: it takes no --quantity or --from-purchase.');
        }
        const base = apiPath(`salesOrders/${orderNo}/lines/${lineNo}`);
        const where = `line ${lineNo} of sales order ${orderNo.toUpperCase()}`;
        if (options.cancel) {
          const { cancelledQuantity } = kit.expectOk(await api.request('DELETE', `${base}/reservations`)) as { cancelledQuantity: string };
          const after = kit.expectOk(await api.request('GET', `${base}/reservations`)) as ReservationsAnswer;
          if (options.json) return kit.print({ cancelledQuantity, ...after });
          kit.io.stdout.write(`Cancelled ${quantityText(cancelledQuantity)} reserved on ${where}.\n${reservationsText(where, after)}`);
          return;
        }
        const body = { ...(options.quantity !== undefined ? { quantity: options.quantity } : {}), ...(options.fromPurchase ? { supply: purchaseSupply(options.fromPurchase) } : {}) };
        const answer = kit.expectOk(await api.request('POST', `${base}/reserve`, body)) as ReservationsAnswer & { reservedNow: string };
        if (options.json) return kit.print(answer);
        kit.io.stdout.write(`Reserved ${quantityText(answer.reservedNow)} now on ${where}.\n${reservationsText(where, answer)}`);
      }));
}

/** "PO000001:10000" → the purchase order line to reserve from. */
function purchaseSupply(text: string): { type: 'purchaseOrder'; documentNo: string; lineNo: number } {
  const match = /^([^:\s]+):([1-9]\d*)$/.exec(text.trim());
  if (!match) throw new Error(`--from-purchase takes a purchase order and line number, e.g. PO000001:10000 (got '${text}').`);
  return { type: 'purchaseOrder', documentNo: match[1]!, lineNo: Number.parseInt(match[2]!, 10) };
}

/** What the line holds after the command: its total and each reservation's supply. */
function reservationsText(where: string, answer: ReservationsAnswer): string {
  if (answer.items.length === 0) return `Nothing is reserved on ${where}.\n`;
  const rows = answer.items.map((row) => [
    row.supplyType === 'purchaseOrder' ? 'Purchase order' : 'Inventory', row.itemNo, row.locationCode || '(blank)', quantityText(row.quantityBase),
    row.purchaseDocumentNo ? `${row.purchaseDocumentNo} line ${row.purchaseLineNo}` : '-',
  ]);
  return `${quantityText(answer.reservedQuantity)} reserved on ${where} (base unit of measure):\n${table(['Supply', 'Item', 'Location', 'Quantity', 'Purchase order'], rows, [3])}`;
}
