// Bank statement import and Apply Automatically (issue 13), each on a fresh database of its own with the
// demo company: N open customer invoices of 300 customers filled by SQL, then a camt.053 file of N / 10
// transactions — 7 in 10 naming an open invoice's document no. (and the payer's name), 2 in 10 only
// its exact amount, 1 in 10 nothing (a card payment out) — imported into CHECKING, then matched.
// importStatementFile and applyAutomatically are timed apart, each in its own transaction, at 1,000
// and at 10,000 lines so the growth shows, on PGlite in a data directory as `npm start` runs it.
// BENCH_STATEMENT_LINES=1000 runs the small size alone.
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseStatementFile } from '../src/core/bank/statement/parse-statement-file.ts';
import { dec } from '../src/core/money/decimal.ts';
import { applyAutomatically } from '../src/server/bank/apply-automatically.ts';
import { importStatementFile } from '../src/server/bank/statement-import.ts';
import { openDatabase, type DatabaseHandle, type Executor } from '../src/server/db/connection.ts';
import { loadDemoCompany } from '../src/server/demo/demo-company.ts';
import { camt053, type CamtEntry } from '../test/support/camt053.ts';
import { printLine } from './measure.ts';
import { freshServerDatabase } from './server-database.ts';

const customers = 300;
/** Open entries per statement line: 1,000 lines against 10,000 entries, 10,000 against 100,000. */
const entriesPerLine = 10;
const workDate = '2026-03-31';
const bankAccountNo = 'CHECKING';
const iban = 'NL85INGB0006541237';

const customerNo = (k: string) => sql.raw(`'BS' || lpad((1 + ${k} % ${customers})::text, 4, '0')`);
/** Entry k's amount: 100.00 + k cents, so an amount names one entry and the amount-only lines have a single match. */
const cents = (value: number) => dec(String(value)).div(100).toFixed(2);
const entryAmount = (k: number) => cents(10_000 + k);
const customerName = (k: number) => `Bench customer ${1 + (k % customers)}`;

/** Customers, one G/L register, the invoices (entry k is document BI{k}) and their initial detailed entries, set-based. */
async function fillOpenEntries(tx: Executor, entries: number): Promise<void> {
  await tx.execute(sql`insert into customer (no, name) select 'BS' || lpad(c::text, 4, '0'), 'Bench customer ' || c from generate_series(1, ${customers}) c`);
  const register = (await tx.execute(sql`insert into gl_register (source_code, posting_date, document_no) values ('BENCH', ${workDate}, 'BENCH') returning no`)) as unknown as { rows: { no: number }[] };
  const transactionNo = register.rows[0]!.no;
  await tx.execute(sql`insert into customer_ledger_entry (transaction_no, posting_date, document_type, document_no, customer_no, document_date,
      amount, amount_lcy, remaining_amount, remaining_amount_lcy, due_date, open, positive)
    select ${transactionNo}, ${workDate}::date - (k % 60), 'invoice', 'BI' || k, ${customerNo('k')}, ${workDate}::date - (k % 60),
      a, a, a, a, ${workDate}::date - (k % 60) + 30, true, true
    from generate_series(1, ${entries}) k cross join lateral (select (100 + k / 100.0)::numeric(18, 2) as a) amount order by k`);
  await tx.execute(sql`insert into detailed_customer_ledger_entry (customer_ledger_entry_no, entry_type, transaction_no, posting_date, document_type, document_no,
      customer_no, amount, amount_lcy)
    select entry_no, 'initialEntry', transaction_no, posting_date, document_type, document_no, customer_no, amount, amount_lcy
    from customer_ledger_entry where transaction_no = ${transactionNo} order by entry_no`);
}

/** Line i pays entry k = 10·i + 1 (+5 for the amount-only ones), so no two lines aim at the same entry. */
function statementEntries(lines: number): CamtEntry[] {
  return Array.from({ length: lines }, (_, i): CamtEntry => {
    const k = entriesPerLine * i + 1;
    const kind = i % 10;
    if (kind < 7) return { amount: entryAmount(k), date: workDate, text: `Invoice BI${k}`, name: customerName(k) };
    if (kind < 9) return { amount: entryAmount(k + 5), date: workDate, text: 'Thank you for your delivery' };
    return { amount: cents(-100 - i), date: workDate, text: `Card payment ${String(i).padStart(6, '0')} Parking` };
  });
}

interface SizeFigures { importMs: number; applyMs: number; importCpuMs: number; applyCpuMs: number }

async function statementFigures(handle: DatabaseHandle, lines: number, label: string): Promise<SizeFigures> {
  const entries = lines * entriesPerLine;
  const fillStarted = performance.now();
  await handle.migrate();
  await handle.db.transaction(async (tx) => {
    await loadDemoCompany(tx as Executor, { workDate });
    await fillOpenEntries(tx as Executor, entries);
  });
  await handle.db.execute(sql`analyze customer_ledger_entry, detailed_customer_ledger_entry`);
  const content = camt053({ iban, date: workDate, id: `BENCH-${lines}`, entries: statementEntries(lines) });
  const fillSeconds = (performance.now() - fillStarted) / 1000;

  const parseStarted = performance.now();
  parseStatementFile('bench.xml', content, { account: iban, currency: 'EUR', checkBalances: false });
  const parseMs = performance.now() - parseStarted;
  const imported = await timedTransaction(handle, (tx) => importStatementFile(tx, bankAccountNo, { fileName: `bench-${lines}.xml`, content }, {
    applyAutomatically: false, lcyCode: 'EUR', workDate,
  }));
  if (imported.result.imported !== lines) throw new Error(`statement bench: ${imported.result.imported} of ${lines} transactions imported`);
  const n = lines.toLocaleString('en');
  printLine(`import camt.053, ${n} transactions (${label})`,
    `${seconds(imported.milliseconds)}  (${cpuNote(handle, imported)}${(content.length / 1024 / 1024).toFixed(1)} MB, parsing it alone ${seconds(parseMs)}; filled in ${fillSeconds.toFixed(0)} s)`);

  const key = { bankAccountNo, statementNo: imported.result.statementNo };
  const applied = await timedTransaction(handle, (tx) => applyAutomatically(tx, key));
  const confidence = Object.entries(applied.result.byConfidence).map(([name, count]) => `${name} ${count}`).join(', ');
  printLine(`Apply Automatically, ${n} × ${entries.toLocaleString('en')} entries (${label})`,
    `${seconds(applied.milliseconds)}  (${cpuNote(handle, applied)}${applied.result.matched} matched: ${confidence})`);
  return { importMs: imported.milliseconds, applyMs: applied.milliseconds, importCpuMs: imported.cpuMilliseconds, applyCpuMs: applied.cpuMilliseconds };
}

/** Wall time, and this process's CPU time: PGlite runs in it, so on a busy machine the CPU time is the work's own. */
async function timedTransaction<T>(handle: DatabaseHandle, work: (tx: Executor) => Promise<T>): Promise<{ result: T; milliseconds: number; cpuMilliseconds: number }> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await handle.db.transaction((tx) => work(tx as Executor));
  const cpu = process.cpuUsage(cpuBefore);
  return { result, milliseconds: performance.now() - started, cpuMilliseconds: (cpu.user + cpu.system) / 1000 };
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
const cpuNote = (handle: DatabaseHandle, timed: { cpuMilliseconds: number }) => (handle.kind === 'pglite' ? `Node CPU ${seconds(timed.cpuMilliseconds)}; ` : '');

async function sizesOn(label: string, open: () => Promise<DatabaseHandle>): Promise<void> {
  const sizes = process.env.BENCH_STATEMENT_LINES ? [Number(process.env.BENCH_STATEMENT_LINES)] : [1000, 10_000];
  const figures: SizeFigures[] = [];
  for (const lines of sizes) {
    const handle = await open();
    try {
      figures.push(await statementFigures(handle, lines, label));
    } finally {
      await handle.close();
    }
  }
  if (figures.length === 2) {
    const growth = (pick: (size: SizeFigures) => number) => `×${(pick(figures[1]!) / pick(figures[0]!)).toFixed(1)}`;
    const cpu = label === 'PGlite' ? [` (CPU ${growth((size) => size.importCpuMs)})`, ` (CPU ${growth((size) => size.applyCpuMs)})`] : ['', ''];
    printLine(`growth 1,000 → 10,000 lines (${label})`, `import ${growth((size) => size.importMs)}${cpu[0]}, Apply Automatically ${growth((size) => size.applyMs)}${cpu[1]}; linear is ×10`);
  }
}

/**
 * PGlite in a data directory of its own, removed at close: what `npm start` runs. In memory, PGlite's
 * file system copies a growing table file whole each time it outgrows its buffer (expandFileStorage
 * took 3.3 s of a 10,000-line run's CPU profile), which a user's database on disk never pays.
 */
async function openPgliteInTempDir(): Promise<DatabaseHandle> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerline-bench-'));
  const handle = await openDatabase({ dataDir });
  return { ...handle, close: async () => {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  } };
}

/** On fresh embedded PGlite databases, and on fresh databases of the PostgreSQL server when there is one. */
export async function bankStatementFigures(serverUrl: string | undefined): Promise<void> {
  console.log('\nBank statement import and Apply Automatically (importStatementFile, applyAutomatically), fresh database per size, demo company');
  await sizesOn('PGlite', openPgliteInTempDir);
  if (!serverUrl) printLine('statement import and Apply Automatically (server)', 'skipped: no PostgreSQL server (set BENCH_DATABASE_URL)');
  else await sizesOn('server', () => freshServerDatabase(serverUrl));
}

if (import.meta.url === `file://${process.argv[1]}`) await bankStatementFigures(process.env.BENCH_DATABASE_URL);
