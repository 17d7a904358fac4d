// Available to Promise at scale (issue 20): one item at one location with 100,000 and then 1,000,000
// item ledger entries over three years, 100,000 open sales order lines over the next six months and
// 10,000 open purchase order lines over the next three, filled with generate_series straight into the
// tables so the projection's triggers keep item_availability as posting does (100 other items share the
// table). Then 1,000 promisings of one line each, as POST /salesOrders/:no/orderPromising does them, split
// into reading and computing, the entries summed for scale, and EXPLAIN ANALYZE of the picture's reads.
// Figures only. Alone: node --import tsx bench/available-to-promise.ts (BENCH_DATABASE_URL for the
// server too); BENCH_ATP_ENTRIES=100000 measures that one size, BENCH_ATP_ENTRIES=0 skips it in npm run bench.
import { sql, type SQL } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase, type DatabaseHandle, type Executor } from '../src/server/db/connection.ts';
import { availabilityPicture, type PromisedLine } from '../src/server/availability/item-availability.queries.ts';
import { promisingSettings, type PromisingSettings } from '../src/server/availability/order-promising.ts';
import { earliestShipmentDate, unavailableQuantity } from '../src/core/promising/available-to-promise.ts';
import { dec } from '../src/core/money/decimal.ts';
import { addDays, type IsoDate } from '../src/core/dates/calendar-date.ts';
import { measure, printLine, type Figures } from './measure.ts';
import { freshServerDatabase } from './server-database.ts';

const itemNo = 'ATP-BENCH';
const locationCode = 'ATP';
const workDate: IsoDate = '2026-01-05';
const entrySteps = process.env.BENCH_ATP_ENTRIES ? [Number(process.env.BENCH_ATP_ENTRIES)] : [100_000, 1_000_000];
const orderLineCount = 100_000;
const linesPerOrder = 10;
const purchaseLineCount = 10_000;
const linesPerPurchase = 10;
const calls = 1000;
/** Entries go in this many at a time: each statement's trigger hands its rows to the projection as one JSON array. */
const entriesPerStatement = 100_000;
/** Days of history before the work date; dates spread by a multiplier prime to it, so any range of k covers them all. */
const historyDays = 1095;
const historyStart = addDays(workDate, -historyDays);
const openingStock = 5000;
const otherItems = 100;
const otherItemEntries = 30_000;

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/** The one item, location, customer and vendor, and a G/L register per day of history for the entries' transaction numbers. */
async function fillMasterData(tx: Executor) {
  await tx.execute(sql`insert into unit_of_measure (code) values ('PCS') on conflict do nothing`);
  await tx.execute(sql`insert into item (no, description, base_unit_of_measure) values (${itemNo}, 'Available to Promise bench item', 'PCS')`);
  await tx.execute(sql`insert into location (code) values (${locationCode})`);
  await tx.execute(sql`insert into customer (no, name) values ('ATP-C', 'ATP bench customer')`);
  await tx.execute(sql`insert into vendor (no, name) values ('ATP-V', 'ATP bench vendor')`);
  await tx.execute(sql`insert into gl_register (no, source_code, posting_date) overriding system value
    select 900000 + day, 'BENCH', ${historyStart}::date + day from generate_series(0, ${historyDays - 1}) day`);
}

/**
 * Entries k = first…last of `item` (an expression of k): odd ones receive 12, even ones ship those 12,
 * and entry 1 also brings an opening stock of 5,000, so inventory is the same at every size. Entry k
 * is posted on day k · 7919 mod 1095 of the history.
 */
async function addEntries(tx: Executor, first: number, last: number, item: SQL, entryNoBase: number) {
  const day = sql.raw(`(k::bigint * 7919 % ${historyDays})::int`);
  await tx.execute(sql`insert into item_ledger_entry (entry_no, item_no, transaction_no, posting_date, entry_type, document_type, document_no, location_code,
      source_type, source_no, quantity, remaining_quantity, invoiced_quantity, positive, open, completely_invoiced, unit_of_measure_code)
    overriding system value
    select ${entryNoBase}::int + k, ${item}, 900000 + ${day}, ${historyStart}::date + ${day}, q.entry_type, q.document_type, 'ATP' || k, ${locationCode},
      q.source_type, q.source_no, q.quantity, q.remaining, q.quantity, q.quantity > 0, q.remaining <> 0, true, 'PCS'
    from generate_series(${first}::int, ${last}::int) k
    cross join lateral (select case when k % 2 = 1 then 'purchase' else 'sale' end as entry_type,
      case when k % 2 = 1 then 'purchaseReceipt' else 'salesShipment' end as document_type,
      case when k % 2 = 1 then 'vendor' else 'customer' end as source_type, case when k % 2 = 1 then 'ATP-V' else 'ATP-C' end as source_no,
      (case when k = 1 then ${openingStock + 12} when k % 2 = 1 then 12 else -12 end)::numeric as quantity,
      (case when k = 1 then ${openingStock} else 0 end)::numeric as remaining) q
    order by k`);
}

/**
 * The company's other items, so the projection read has to pick its item's rows out of many: 30,000
 * entries of 100 items at the same location, about 260 days each.
 */
async function addOtherItems(tx: Executor) {
  await tx.execute(sql`insert into item (no, description, base_unit_of_measure)
    select 'ATP-OTHER-' || lpad(i::text, 3, '0'), 'Another item', 'PCS' from generate_series(0, ${otherItems - 1}) i`);
  await addEntries(tx, 1, otherItemEntries, sql.raw(`'ATP-OTHER-' || lpad((k % ${otherItems})::text, 3, '0')`), 700_000_000);
}

/**
 * 100,000 open order lines (1–10 each, ~3,000 a day) over the next 182 days; 10,000 open purchase lines
 * (10–59 each, ~26,500 a week) arriving weekly over the next 13 weeks. Stock dips before each receipt
 * and runs out some weeks after the last: lines get their own date, a receipt's, or none.
 */
async function addOpenLines(tx: Executor) {
  const orders = orderLineCount / linesPerOrder;
  const purchases = purchaseLineCount / linesPerPurchase;
  await tx.execute(sql`insert into sales_header (document_type, no, sell_to_customer_no, bill_to_customer_no)
    select 'order', 'ATP-SO' || o, 'ATP-C', 'ATP-C' from generate_series(1, ${orders}) o`);
  await tx.execute(sql`insert into sales_line (document_type, document_no, line_no, type, no, location_code, unit_of_measure_code, quantity, quantity_base, shipment_date)
    select 'order', 'ATP-SO' || (1 + (k - 1) / ${linesPerOrder}), 10000 * (1 + (k - 1) % ${linesPerOrder}), 'item', ${itemNo}, ${locationCode}, 'PCS',
      1 + k % 10, 1 + k % 10, ${workDate}::date + (k::bigint * 7919 % 182)::int
    from generate_series(1, ${orderLineCount}) k`);
  await tx.execute(sql`insert into purchase_header (document_type, no, buy_from_vendor_no, pay_to_vendor_no)
    select 'order', 'ATP-PO' || o, 'ATP-V', 'ATP-V' from generate_series(1, ${purchases}) o`);
  await tx.execute(sql`insert into purchase_line (document_type, document_no, line_no, type, no, location_code, unit_of_measure_code, quantity, quantity_base, expected_receipt_date)
    select 'order', 'ATP-PO' || (1 + (k - 1) / ${linesPerPurchase}), 10000 * (1 + (k - 1) % ${linesPerPurchase}), 'item', ${itemNo}, ${locationCode}, 'PCS',
      10 + k % 50, 10 + k % 50, ${workDate}::date + 7 * (1 + k % 13)
    from generate_series(1, ${purchaseLineCount}) k`);
}

/** 1,000 of the open order lines, spread evenly over them: each call promises a different one. */
async function sampleLines(db: Executor): Promise<PromisedLine[]> {
  const rows = rowsOf<{ document_no: string; line_no: number; shipment_date: string; outstanding: string }>(await db.execute(sql`
    select document_no, line_no, shipment_date::text, (quantity_base - quantity_shipped * quantity_per_unit_of_measure)::text as outstanding
    from sales_line where document_type = 'order' and no = ${itemNo} order by document_no, line_no`));
  const step = Math.max(1, Math.floor(rows.length / calls));
  return Array.from({ length: calls }, (_, index) => rows[(index * step) % rows.length]!)
    .map((row) => ({ documentNo: row.document_no, lineNo: row.line_no, date: row.shipment_date, outstanding: dec(row.outstanding) }));
}

/**
 * What order promising does for one line by Available to Promise: read the picture without the line's
 * own demand, the earliest shipment date from the requested shipment date (taken as the line's shipment
 * date, as if asked for with no shipping or handling time), and the part unavailable on that date.
 */
async function promiseOne(db: Executor, line: PromisedLine, settings: PromisingSettings) {
  const started = performance.now();
  const { picture, lineReserved } = await availabilityPicture(db, itemNo, locationCode, line);
  const read = performance.now();
  const required = line.outstanding.minus(lineReserved);
  const shipmentDate = line.date!;
  const result = earliestShipmentDate(picture, { quantity: required, neededDate: shipmentDate, lookAhead: settings.lookAhead, requestedShipmentDate: shipmentDate });
  const unavailable = unavailableQuantity(picture, required, shipmentDate, settings.lookAhead);
  return { date: result.date, onItsDate: result.date === shipmentDate, unavailable, readMs: read - started, computeMs: performance.now() - read };
}

/** The 1,000 calls, one after the other, and how their answers came out (a check that ATP had something to decide). */
async function measureCalls(label: string, db: Executor, settings: PromisingSettings): Promise<Figures> {
  const lines = await sampleLines(db);
  for (const line of lines.slice(0, 20)) await promiseOne(db, line, settings);
  const outcomes = { onItsDate: 0, later: 0, none: 0, partlyUnavailable: 0, readMs: 0, computeMs: 0 };
  const figures = await measure(label, lines.length, async (index) => {
    const { date, onItsDate, unavailable, readMs, computeMs } = await promiseOne(db, lines[index]!, settings);
    outcomes.readMs += readMs;
    outcomes.computeMs += computeMs;
    if (date === null) outcomes.none++;
    else if (onItsDate) outcomes.onItsDate++;
    else outcomes.later++;
    if (unavailable.gt(0)) outcomes.partlyUnavailable++;
    return { statusCode: 200 };
  }, { unit: 'calls' });
  printLine('  of a call, on average', `${(outcomes.readMs / lines.length).toFixed(2)} ms reading the picture (projection and reservations), ${(outcomes.computeMs / lines.length).toFixed(2)} ms computing`);
  printLine('  earliest shipment date', `on the requested date ${outcomes.onItsDate}, later ${outcomes.later}, none in the window ${outcomes.none}; ${outcomes.partlyUnavailable} partly unavailable on their date`);
  return figures;
}

/**
 * The plans of the very statements availabilityPicture sends through execute: an executor that explains
 * each instead of running it (anything else it might call goes to the database as usual).
 */
async function explainPictureReads(db: Executor, options: string): Promise<string[][]> {
  const plans: string[][] = [];
  const execute = async (query: SQL) => {
    const result = rowsOf<Record<string, string>>(await db.execute(sql`explain (${sql.raw(options)}) ${query}`));
    plans.push(result.map((row) => Object.values(row)[0]!));
    return { rows: [] };
  };
  const explaining = new Proxy(db, { get: (target, property) => (property === 'execute' ? execute : Reflect.get(target, property)) });
  await availabilityPicture(explaining, itemNo, locationCode);
  return plans;
}

/** For scale: summing the entries themselves, as a projection-less ATP would have to on every call. */
async function entrySumMilliseconds(db: Executor): Promise<number> {
  const started = performance.now();
  await db.execute(sql`select sum(quantity) from item_ledger_entry where item_no = ${itemNo} and location_code = ${locationCode}`);
  return performance.now() - started;
}

async function projectionCounts(db: Executor) {
  const [row] = rowsOf<Record<string, string>>(await db.execute(sql`
    select count(*)::text as rows, count(*) filter (where inventory <> 0)::text as inventory_days,
      count(*) filter (where gross_requirements <> 0)::text as requirement_days, count(*) filter (where scheduled_receipts <> 0)::text as receipt_days,
      sum(inventory)::numeric(18, 0)::text as inventory, (select count(*) from item_availability)::text as all_rows
    from item_availability where item_no = ${itemNo} and location_code = ${locationCode}`));
  return row!;
}

/** Runs work in one transaction, with the time it took. */
async function loadStep(handle: DatabaseHandle, work: (tx: Executor) => Promise<void>): Promise<number> {
  const started = performance.now();
  await handle.db.transaction((tx) => work(tx as Executor));
  return (performance.now() - started) / 1000;
}

async function entriesUpTo(handle: DatabaseHandle, from: number, to: number): Promise<number> {
  return loadStep(handle, async (tx) => {
    for (let first = from; first <= to; first += entriesPerStatement) await addEntries(tx, first, Math.min(to, first + entriesPerStatement - 1), sql`${itemNo}`, 800_000_000);
  });
}

/** One size: the projection's shape, the 1,000 calls, the entries summed for scale, and the read's plan. */
async function sizeFigures(label: string, db: Executor, entries: number, loadSeconds: number, settings: PromisingSettings): Promise<Figures> {
  await db.execute(sql`analyze item_ledger_entry, item_availability, sales_line, purchase_line`);
  const counts = await projectionCounts(db);
  const size = `${entries.toLocaleString('en')} entries`;
  printLine(`  ${size} (${label})`, `added in ${loadSeconds.toFixed(1)} s; its projection: ${counts.rows} rows (${counts.inventory_days} inventory days, ${counts.requirement_days} requirement days, ${counts.receipt_days} receipt days), inventory ${counts.inventory}; all items: ${counts.all_rows} rows`);
  const figures = await measureCalls(`ATP one line, ${size} (${label})`, db, settings);
  const sums: string[] = [];
  for (let run = 0; run < 3; run++) sums.push((await entrySumMilliseconds(db)).toFixed(1));
  printLine('  for scale: summing its entries instead', `${sums.join(' / ')} ms (3 runs; ATP does not do this)`);
  const plans = await explainPictureReads(db, 'analyze, buffers, costs off, timing off');
  plans.forEach((plan, index) => {
    console.log(`  EXPLAIN (ANALYZE, BUFFERS) of availabilityPicture's statement ${index + 1} of ${plans.length}${index === 0 ? ' (the projection)' : ''}:`);
    for (const line of plan) console.log(`    ${line}`);
  });
  return figures;
}

async function atpFigures(label: string, handle: DatabaseHandle) {
  try {
    await handle.migrate();
    const linesSeconds = await loadStep(handle, async (tx) => { await fillMasterData(tx); await addOtherItems(tx); await addOpenLines(tx); });
    printLine(`ATP bench data (${label})`, `${orderLineCount.toLocaleString('en')} order lines, ${purchaseLineCount.toLocaleString('en')} purchase lines, ${otherItemEntries.toLocaleString('en')} entries of ${otherItems} other items: ${linesSeconds.toFixed(1)} s`);
    const settings = await promisingSettings(handle.db);
    const rates: string[] = [];
    let loaded = 0;
    for (const entries of entrySteps) {
      const seconds = await entriesUpTo(handle, loaded + 1, entries);
      loaded = entries;
      rates.push(`${entries.toLocaleString('en')}: ${(await sizeFigures(label, handle.db, entries, seconds, settings)).perSecond.toFixed(0)}/s`);
    }
    if (rates.length > 1) printLine(`ATP calls a second by entries (${label})`, rates.join(', '));
  } finally {
    await handle.close();
  }
}

/** On a fresh embedded PGlite, and on a fresh database of the PostgreSQL server when there is one. */
export async function availableToPromiseFigures(serverUrl: string | undefined) {
  console.log('\nAvailable to Promise for one line (availabilityPicture + earliestShipmentDate + unavailableQuantity), fresh database of its own');
  if (entrySteps.every((entries) => entries <= 0)) return printLine('ATP one line', 'skipped (BENCH_ATP_ENTRIES=0)');
  // Other work on the machine shows in these latencies: say how busy it was.
  printLine('load average (1 / 5 / 15 min)', loadavg().map((load) => load.toFixed(2)).join(' / '));
  await atpFigures('PGlite', await openDatabase({}));
  if (!serverUrl) printLine('ATP one line (server)', 'skipped: no PostgreSQL server (set BENCH_DATABASE_URL)');
  else await atpFigures('server', await freshServerDatabase(serverUrl));
}

if (import.meta.url === `file://${process.argv[1]}`) await availableToPromiseFigures(process.env.BENCH_DATABASE_URL);
