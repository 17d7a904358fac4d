/**
 * `ledgerline assembly-order create | show | list | post | line` and `ledgerline posted-assembly-order`
 * (spec §15.3, issue 20): stand-alone assembly orders from the command line, and a look at the ones
 * assembled to order for a sales line (those are changed through the sales line and posted by
 * shipping it: the API refuses the rest with ASSEMBLY_ORDER_LINKED, printed as every refusal is).
 * All print a header and aligned component lines for a person; --json prints the API's answer.
 */
import type { Command } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';
import { quantityText, table } from './availability-text.ts';

interface AssemblyLineView {
  lineNo: number; type: string; no: string; description: string; locationCode: string | null; quantityPer: string; quantity: string;
  remainingQuantity: string; dueDate: string | null;
}
interface AssemblyHeaderView {
  no: string; description: string; itemNo: string; locationCode: string | null; quantity: string; quantityToAssemble: string; assembledQuantity: string;
  remainingQuantity: string; dueDate: string | null; status: string; assembleToOrder: boolean; salesDocumentType: string | null; salesDocumentNo: string | null;
  salesLineNo: number | null;
}
type AssemblyDocumentView = AssemblyHeaderView & { lines: AssemblyLineView[] };
interface PostedAssemblyView {
  no: string; orderNo: string; description: string; itemNo: string; locationCode: string | null; quantity: string; costAmount: string; postingDate: string;
  assembleToOrder: boolean; salesDocumentNo: string | null; salesLineNo: number | null; salesShipmentNo: string | null; reversed: boolean;
  lines: Array<{ lineNo: number; no: string; description: string; quantityPer: string; quantity: string; costAmount: string }>;
}
interface JsonOptions { json?: boolean; server?: string }

const ordersPath = (no = '') => apiPath(`assemblyOrders${no ? `/${no}` : ''}`);
const dash = (value: string | null | undefined) => (value ? value : '-');
const salesDocumentNames: Record<string, string> = { order: 'sales order', quote: 'sales quote', blanketOrder: 'blanket sales order' };

export function registerAssemblyCommands(program: Command, kit: CliCommandKit): void {
  const assembly = program.command('assembly-order')
    .description('Assembly orders (spec §15.3): create, show, list, post a stand-alone order and change its components, e.g. `assembly-order create 1300 2`');
  registerCreateAndShow(assembly, kit);
  registerListAndPost(assembly, kit);
  registerLineCommand(assembly, kit);
  program.command('posted-assembly-order <no>')
    .description('A posted assembly order: what was assembled, at what cost, and the components it consumed, e.g. `posted-assembly-order PAO000001`')
    .option('--json', 'print the API\'s answer as JSON')
    .addOption(kit.serverOption)
    .action(async (no: string, options: JsonOptions) =>
      kit.withApi(options.server, async (api) => {
        const posted = kit.expectOk(await api.request('GET', apiPath(`postedAssemblyOrders/${no}`))) as PostedAssemblyView;
        if (options.json) return kit.print(posted);
        kit.io.stdout.write(postedText(posted));
      }));
}

interface CreateOptions extends JsonOptions { dueDate?: string; location?: string }

function registerCreateAndShow(assembly: Command, kit: CliCommandKit): void {
  assembly.command('create <itemNo> <quantity>')
    .description('A stand-alone assembly order: its components are the item\'s Assembly BOM × the quantity, e.g. `assembly-order create KIT 3 --due-date 2026-01-12`')
    .option('--due-date <date>', 'when the assembled item is due, YYYY-MM-DD (default: the work date)')
    .option('--location <code>', 'where it is assembled and the components are taken from')
    .option('--json', 'print the API\'s answer as JSON')
    .addOption(kit.serverOption)
    .action(async (itemNo: string, quantity: string, options: CreateOptions) =>
      kit.withApi(options.server, async (api) => {
        const body = { itemNo, quantity, ...(options.dueDate ? { dueDate: options.dueDate } : {}), ...(options.location !== undefined ? { locationCode: options.location } : {}) };
        const document = kit.expectOk(await api.request('POST', ordersPath(), body)) as AssemblyDocumentView;
        if (options.json) return kit.print(document);
        kit.io.stdout.write(`Created assembly order ${document.no}.\n${documentText(document)}`);
      }));
  assembly.command('show <no>')
    .description('An assembly order with its component lines; one assembled to order says which sales line it belongs to')
    .option('--json', 'print the API\'s answer as JSON')
    .addOption(kit.serverOption)
    .action(async (no: string, options: JsonOptions) =>
      kit.withApi(options.server, async (api) => {
        const document = kit.expectOk(await api.request('GET', ordersPath(no))) as AssemblyDocumentView;
        if (options.json) return kit.print(document);
        kit.io.stdout.write(documentText(document));
      }));
}

interface ListOptions extends JsonOptions { item?: string; salesOrder?: string }
interface PostAnswer { no: string; postedAssemblyNo: string; transactionNo: number; quantity: string; costAmount: string; documentDeleted: boolean }

function registerListAndPost(assembly: Command, kit: CliCommandKit): void {
  assembly.command('list')
    .description('Assembly orders, due date first, e.g. `assembly-order list --sales-order SO000001` (the ones assembled to order for it)')
    .option('--item <itemNo>', 'only the orders assembling this item')
    .option('--sales-order <no>', 'only the orders assembled to order for this sales order')
    .option('--json', 'print the API\'s answer as JSON')
    .addOption(kit.serverOption)
    .action(async (options: ListOptions) =>
      kit.withApi(options.server, async (api) => {
        const query = new URLSearchParams({ ...(options.item ? { itemNo: options.item } : {}), ...(options.salesOrder ? { salesDocumentNo: options.salesOrder } : {}) });
        const answer = kit.expectOk(await api.request('GET', `${ordersPath()}${query.size > 0 ? `?${query}` : ''}`)) as { items: AssemblyHeaderView[] };
        if (options.json) return kit.print(answer);
        kit.io.stdout.write(listText(answer.items));
      }));
  assembly.command('post <no>')
    .description('Post a stand-alone assembly order: consume the components and output its Quantity to Assemble at actual cost, in one transaction')
    .option('--json', 'print the API\'s answer as JSON')
    .addOption(kit.serverOption)
    .action(async (no: string, options: JsonOptions) =>
      kit.withApi(options.server, async (api) => {
        const posted = kit.expectOk(await api.request('POST', `${ordersPath(no)}/post`)) as PostAnswer;
        if (options.json) return kit.print(posted);
        const after = posted.documentDeleted ? 'it is fully assembled and deleted' : 'the rest stays on the order';
        kit.io.stdout.write(`Posted assembly order ${posted.no} as ${posted.postedAssemblyNo}: quantity ${quantityText(posted.quantity)}, `
          + `cost ${posted.costAmount} (transaction ${posted.transactionNo}); ${after}.\n`);
      }));
}

interface LineOptions extends JsonOptions { remove?: string }

function registerLineCommand(assembly: Command, kit: CliCommandKit): void {
  assembly.command('line <no> [itemNo] [quantityPer]')
    .description('Add a component to an assembly order, or remove one with --remove, e.g. `assembly-order line AO000001 PART-C 2`, `assembly-order line AO000001 --remove 30000`')
    .option('--remove <lineNo>', 'remove this component line instead')
    .option('--json', 'print the API\'s answer as JSON (the new line; after --remove, the order)')
    .addOption(kit.serverOption)
    .action(async (no: string, itemNo: string | undefined, quantityPer: string | undefined, options: LineOptions) =>
      kit.withApi(options.server, async (api) => {
        if (options.remove !== undefined) {
          if (itemNo !== undefined) throw new Error('--remove takes the line number only: no item or quantity per.');
          if (!/^[1-9]\d*$/.test(options.remove)) throw new Error(`The line number must be a whole number such as 10000 (got '${options.remove}').`);
          kit.expectOk(await api.request('DELETE', `${ordersPath(no)}/lines/${options.remove}`));
        } else {
          if (itemNo === undefined || quantityPer === undefined) throw new Error('Give the component\'s item number and quantity per, e.g. `assembly-order line AO000001 PART-C 2`.');
          const line = kit.expectOk(await api.request('POST', `${ordersPath(no)}/lines`, { no: itemNo, quantityPer })) as AssemblyLineView;
          if (options.json) return kit.print(line);
          kit.io.stdout.write(`Added line ${line.lineNo}: ${line.no} × ${quantityText(line.quantityPer)} per (quantity ${quantityText(line.quantity)}).\n`);
        }
        const document = kit.expectOk(await api.request('GET', ordersPath(no))) as AssemblyDocumentView;
        if (options.json) return kit.print(document);
        if (options.remove !== undefined) kit.io.stdout.write(`Removed line ${options.remove} from assembly order ${document.no}.\n`);
        kit.io.stdout.write(documentText(document));
      }));
}

/** "sales order SO000001 line 10000", or undefined for a stand-alone order. */
function salesLineText(header: { salesDocumentType?: string | null; salesDocumentNo: string | null; salesLineNo: number | null }): string | undefined {
  if (!header.salesDocumentNo) return undefined;
  const kind = salesDocumentNames[header.salesDocumentType ?? 'order'] ?? `sales ${header.salesDocumentType}`;
  return `${kind} ${header.salesDocumentNo} line ${header.salesLineNo}`;
}

function documentText(document: AssemblyDocumentView): string {
  const linked = salesLineText(document);
  const header = [
    `Assembly order ${document.no}: ${quantityText(document.quantity)} ${document.itemNo}${document.description ? ` ${document.description}` : ''}`,
    `Status ${document.status}, due ${dash(document.dueDate)}, location ${dash(document.locationCode)}; to assemble ${quantityText(document.quantityToAssemble)}, `
      + `assembled ${quantityText(document.assembledQuantity)}, remaining ${quantityText(document.remainingQuantity)}`,
    linked ? `Assembled to order for ${linked}: it is changed through that line and posted by shipping it.` : 'Stand-alone (assembled to stock).',
  ];
  if (document.lines.length === 0) return `${header.join('\n')}\nNo component lines.\n`;
  const rows = document.lines.map((line) => [
    String(line.lineNo), line.type, line.no, line.description, quantityText(line.quantityPer), quantityText(line.quantity), quantityText(line.remainingQuantity),
    dash(line.locationCode), dash(line.dueDate),
  ]);
  return `${header.join('\n')}\n${table(['Line', 'Type', 'No.', 'Description', 'Quantity per', 'Quantity', 'Remaining', 'Location', 'Due date'], rows, [4, 5, 6])}`;
}

function listText(headers: readonly AssemblyHeaderView[]): string {
  if (headers.length === 0) return 'No assembly orders.\n';
  const rows = headers.map((header) => [
    header.no, header.itemNo, header.description, quantityText(header.quantity), quantityText(header.quantityToAssemble), quantityText(header.remainingQuantity),
    dash(header.dueDate), header.status, salesLineText(header) ?? '-',
  ]);
  return table(['No.', 'Item', 'Description', 'Quantity', 'To assemble', 'Remaining', 'Due date', 'Status', 'Assembled to order for'], rows, [3, 4, 5]);
}

function postedText(posted: PostedAssemblyView): string {
  const linked = salesLineText({ salesDocumentType: 'order', salesDocumentNo: posted.salesDocumentNo, salesLineNo: posted.salesLineNo });
  const header = [
    `Posted assembly order ${posted.no} (from assembly order ${posted.orderNo}): ${quantityText(posted.quantity)} ${posted.itemNo}${posted.description ? ` ${posted.description}` : ''}`,
    `Posted ${posted.postingDate}, location ${dash(posted.locationCode)}, cost ${posted.costAmount}${posted.reversed ? ', reversed' : ''}`,
  ];
  if (linked) header.push(`Assembled to order for ${linked}${posted.salesShipmentNo ? `, shipped on ${posted.salesShipmentNo}` : ''}.`);
  const rows = posted.lines.map((line) => [String(line.lineNo), line.no, line.description, quantityText(line.quantityPer), quantityText(line.quantity), line.costAmount]);
  return `${header.join('\n')}\n${table(['Line', 'No.', 'Description', 'Quantity per', 'Quantity', 'Cost amount'], rows, [3, 4, 5])}`;
}
