/**
 * Receivables from the command line, through the API like every other command:
 * `ledgerline apply <entryNo> --to <entryNo>[:amount] …` (Post Application on posted customer ledger
 * entries), `ledgerline unapply <entryNo> [--preview]`, and `ledgerline report aged-receivables |
 * customer-statement | customer-balance` (JSON, or with --csv the API's CSV download as it is).
 */
import { type Command, Option } from 'commander';
import type { ApiClient, ApiResponse } from './api-client.ts';
import type { CliCommandKit } from './command-kit.ts';

interface ApplyOptions {
  to: string[]; postingDate?: string; server?: string;
  acceptPaymentTolerance?: boolean; declinePaymentTolerance?: boolean;
  acceptPaymentDiscountTolerance?: boolean; declinePaymentDiscountTolerance?: boolean;
}
interface AgedOptions {
  asOf?: string; by: string; periods?: string; periodLength?: string; periodCount?: string; customer?: string; amountsIn: string; csv?: boolean; server?: string;
}
type Problem = { code?: string; detail?: string; errors?: { field: string; message: string }[] } | undefined;

const postingDateOption = (what: string) => new Option('--posting-date <date>', `posting date of the ${what}, YYYY-MM-DD`);
const csvOption = () => new Option('--csv', "print the API's CSV download (a header row, RFC 4180) instead of JSON");

export function registerReceivablesCommands(program: Command, kit: CliCommandKit): void {
  registerApplyCommand(program, kit);
  registerUnapplyCommand(program, kit);
  const report = program.command('report')
    .description('Receivables reports from the customer ledger entries: aged receivables, a customer statement, a customer balance (JSON, or CSV with --csv)');
  registerAgedReceivablesCommand(report, kit);
  registerStatementCommands(report, kit);
}

function registerApplyCommand(program: Command, kit: CliCommandKit): void {
  program.command('apply <entryNo>')
    .description('Post Application: apply an open customer ledger entry (e.g. a payment) to other open entries of its customer, in the order given, '
      + 'e.g. `apply 12 --to 7 --to 9:150.00` (see `list customerLedgerEntries --filter customerNo=C00010 --filter open=true`)')
    .requiredOption('--to <entry...>', 'the entries to apply to, each <entryNo> or <entryNo>:<amount to apply> in its currency and sign (default: as much as the entry covers)')
    .addOption(postingDateOption('application (default: the latest posting date of the entries)'))
    .addOption(new Option('--accept-payment-tolerance', 'answer the payment tolerance warning: post the balance as payment tolerance').conflicts('declinePaymentTolerance'))
    .option('--decline-payment-tolerance', 'answer the payment tolerance warning: leave the balance as remaining amount (the default; with the warning off in the G/L setup, tolerance is posted either way)')
    .addOption(new Option('--accept-payment-discount-tolerance', 'answer the late payment discount warning: grant the discount (payment discount tolerance)')
      .conflicts('declinePaymentDiscountTolerance'))
    .option('--decline-payment-discount-tolerance', 'answer the late payment discount warning: leave the discount as remaining amount (the default; with the warning off, it is granted either way)')
    .addOption(kit.serverOption)
    .action(async (entryNo: string, options: ApplyOptions) => {
      const applying = entryNoOf(entryNo, '<entryNo>');
      const appliedEntries = options.to.map(appliedEntryOf);
      const body = {
        appliedEntries,
        ...(options.postingDate ? { postingDate: options.postingDate } : {}),
        ...toleranceAnswer('acceptPaymentTolerance', options.acceptPaymentTolerance, options.declinePaymentTolerance),
        ...toleranceAnswer('acceptPaymentDiscountTolerance', options.acceptPaymentDiscountTolerance, options.declinePaymentDiscountTolerance),
      };
      await kit.withApi(options.server, async (api) => {
        const response = await api.request('POST', `/api/v1/customerLedgerEntries/${applying}/apply`, body);
        kit.print(expectApplied(kit, response, options.to));
      });
    });
}

/** An answer given either way is sent; none leaves the API's default (with the warning on, the balance stays open). */
function toleranceAnswer(field: string, accept: boolean | undefined, decline: boolean | undefined): Record<string, boolean> {
  if (accept) return { [field]: true };
  return decline ? { [field]: false } : {};
}

function entryNoOf(text: string, what: string): number {
  if (!/^\d{1,9}$/.test(text.trim()) || Number(text) < 1) throw new Error(`${what} must be a customer ledger entry no. (a whole number from 1), not '${text}'.`);
  return Number(text);
}

/** `7` or `7:150.00`; the amount is checked by the API, which names it by its position in --to. */
function appliedEntryOf(text: string): { entryNo: number; amountToApply?: string } {
  const [entryNo, amount, ...rest] = text.split(':');
  if (rest.length > 0 || amount?.trim() === '') throw new Error(`--to takes <entryNo> or <entryNo>:<amount>, e.g. 7:150.00, not '${text}'.`);
  return { entryNo: entryNoOf(entryNo!, `--to ${text}:`), ...(amount === undefined ? {} : { amountToApply: amount.trim() }) };
}

/** A refusal that names an applied entry (`appliedEntries.1.amountToApply`) says which --to it was. */
function expectApplied(kit: CliCommandKit, response: ApiResponse, targets: readonly string[]): unknown {
  return expectOkAs(kit, response, (field) => {
    const match = /^appliedEntries\.(\d+)\.?(.*)$/.exec(field);
    const target = match ? targets[Number(match[1])] : undefined;
    return target === undefined ? undefined : `--to ${target}${match![2] ? ` (${match![2]})` : ''}`;
  });
}

/** The report's query parameters by the options that set them. */
const reportOptions: Readonly<Record<string, string>> = {
  asOf: '--as-of', agingBy: '--by', buckets: '--periods', periodLength: '--period-length', periods: '--period-count',
  customerNo: '--customer', amountsIn: '--amounts-in', from: '--from', to: '--to',
};
const reportOptionOf = (field: string) => reportOptions[field.replace(/^querystring\./, '')];

/**
 * The answer, or the API's refusal as every command reports it (code, detail, fields), with the
 * fields it names by request path (`querystring.to`) named as the option the user typed instead.
 */
function expectOkAs(kit: CliCommandKit, response: ApiResponse, optionOf: (field: string) => string | undefined): unknown {
  const problem = response.body as Problem;
  if (response.status < 400 || !problem?.errors?.some((entry) => optionOf(entry.field) !== undefined)) return kit.expectOk(response);
  let detail = problem.detail ?? 'the request was refused';
  const fields = problem.errors.map((entry) => {
    const option = optionOf(entry.field) ?? entry.field;
    detail = detail.replaceAll(entry.field, option);
    return `\n  ${option}: ${entry.message}`;
  });
  throw new Error(`${problem.code ?? `HTTP ${response.status}`}: ${detail}${fields.join('')}`);
}

function registerUnapplyCommand(program: Command, kit: CliCommandKit): void {
  program.command('unapply <entryNo>')
    .description('Unapply the latest application of a customer ledger entry: opposite detailed entries, the G/L reversed, the entries reopen, '
      + 'e.g. `unapply 12`; an application undone must be the latest of its entries (APPLICATION_NOT_LATEST)')
    .addOption(postingDateOption("unapply (default: the application's posting date)"))
    .option('--preview', 'show the entries the unapply would write (G/L, VAT, detailed entries) and the entries as it would leave them; nothing is kept')
    .addOption(kit.serverOption)
    .action(async (entryNo: string, options: { postingDate?: string; preview?: boolean; server?: string }) => {
      const path = `/api/v1/customerLedgerEntries/${entryNoOf(entryNo, '<entryNo>')}/unapply${options.preview ? '/preview' : ''}`;
      const body = options.postingDate ? { postingDate: options.postingDate } : {};
      await kit.withApi(options.server, async (api) => kit.print(kit.expectOk(await api.request('POST', path, body))));
    });
}

function registerAgedReceivablesCommand(report: Command, kit: CliCommandKit): void {
  report.command('aged-receivables')
    .description('Aged receivables as of a date: what each customer has open, by due date (or posting or document date), in Current, '
      + 'the past periods and Older; the total balance equals the receivables at that date. E.g. `report aged-receivables --as-of 2026-12-31 --periods 30D,60D,90D --csv`')
    .option('--as-of <date>', 'aged as of this date, YYYY-MM-DD (default: the work date); later postings are not counted')
    .addOption(new Option('--by <date>', 'the date an entry is aged by').choices(['dueDate', 'postingDate', 'documentDate']).default('dueDate'))
    .option('--periods <days>', 'the upper ends of the past periods in days overdue, e.g. 30D,60D,90D or 30,60,90 (default: 3 periods of 30 days)')
    .option('--period-length <length>', 'instead of --periods: the length of each past period, e.g. 1M or 2W')
    .option('--period-count <n>', 'with --period-length: how many past periods before Older (default 3)')
    .option('--customer <no>', 'only this customer')
    .addOption(new Option('--amounts-in <unit>', 'CSV: one row per customer in LCY, or per customer and currency').choices(['lcy', 'currency']).default('lcy'))
    .addOption(csvOption())
    .addOption(kit.serverOption)
    .action(async (options: AgedOptions) => {
      const query = new URLSearchParams({ agingBy: options.by, amountsIn: options.amountsIn, ...agingPeriods(options) });
      if (options.asOf) query.set('asOf', options.asOf);
      if (options.customer) query.set('customerNo', options.customer);
      await kit.withApi(options.server, (api) => printReport(kit, api, '/api/v1/receivables/agedReceivables', query, options.csv));
    });
}

/** --periods as day edges (30D,60D,90D → buckets=30,60,90), or a period length and count. */
function agingPeriods(options: AgedOptions): Record<string, string> {
  if (options.periods !== undefined && (options.periodLength !== undefined || options.periodCount !== undefined)) {
    throw new Error('--periods cannot be combined with --period-length or --period-count.');
  }
  if (options.periods !== undefined) {
    const parts = options.periods.split(',').map((part) => part.trim());
    if (!parts.every((part) => /^\d{1,5}D?$/i.test(part))) {
      throw new Error(`--periods takes whole numbers of days, ascending, e.g. 30D,60D,90D or 30,60,90, not '${options.periods}'.`);
    }
    return { buckets: parts.map((part) => part.replace(/d$/i, '')).join(',') };
  }
  return {
    ...(options.periodLength === undefined ? {} : { periodLength: options.periodLength }),
    ...(options.periodCount === undefined ? {} : { periods: options.periodCount }),
  };
}

function registerStatementCommands(report: Command, kit: CliCommandKit): void {
  report.command('customer-statement <customerNo>')
    .description('A customer statement for a period: opening balance, the documents, payments and adjustments posted in it with a running balance, '
      + 'closing balance (LCY), e.g. `report customer-statement C00010 --from 2026-11-01 --to 2026-11-30`')
    .requiredOption('--from <date>', 'first posting date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last posting date, YYYY-MM-DD')
    .addOption(csvOption())
    .addOption(kit.serverOption)
    .action(async (customerNo: string, options: { from: string; to: string; csv?: boolean; server?: string }) =>
      kit.withApi(options.server, (api) =>
        printReport(kit, api, customerPath(customerNo, 'statement'), new URLSearchParams({ from: options.from, to: options.to }), options.csv)));

  report.command('customer-balance <customerNo>')
    .description('Balance (LCY) and Balance Due (LCY) of a customer as of a date, e.g. `report customer-balance C00010 --as-of 2026-12-31`')
    .option('--as-of <date>', 'as of this date, YYYY-MM-DD (default: the work date)')
    .addOption(csvOption())
    .addOption(kit.serverOption)
    .action(async (customerNo: string, options: { asOf?: string; csv?: boolean; server?: string }) =>
      kit.withApi(options.server, (api) =>
        printReport(kit, api, customerPath(customerNo, 'balance'), new URLSearchParams(options.asOf ? { asOf: options.asOf } : {}), options.csv)));
}

const customerPath = (customerNo: string, report: string) => `/api/v1/customers/${encodeURIComponent(customerNo.trim())}/${report}`;

/** JSON as every command prints it; with --csv the download's text unchanged (CRLF line ends, as the API writes it). */
async function printReport(kit: CliCommandKit, api: ApiClient, path: string, query: URLSearchParams, csv: boolean | undefined): Promise<void> {
  if (csv) query.set('format', 'csv');
  const body = expectOkAs(kit, await api.request('GET', `${path}?${query}`), reportOptionOf);
  if (csv) kit.io.stdout.write(String(body));
  else kit.print(body);
}
