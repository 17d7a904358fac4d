// Receivables figures (issue 12): journal payments applied by Applies-to Doc. No., and Apply Entries over
// one customer with many open entries — Applies-to ID marks, a payment by that ID, Post Application and
// Unapply of it. Invoices come from the general journal (a customer invoice line against revenue), so the
// setup stays fast; only the requests named in a figure are timed. N from BENCH_RECEIVABLES_PAYMENTS
// (1,000) and BENCH_RECEIVABLES_OPEN_ENTRIES (10,000), printed with each figure.
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../src/server/db/connection.ts';
import { customerLedgerEntry } from '../src/server/db/schema/index.ts';
import { todayIsoDate } from '../src/server/shared/clock.ts';
import { printLine, timed } from './measure.ts';

const payments = Number(process.env.BENCH_RECEIVABLES_PAYMENTS ?? 1000);
const openEntries = Number(process.env.BENCH_RECEIVABLES_OPEN_ENTRIES ?? 10_000);
/** Lines per journal request when making invoices: the API takes up to 10,000. */
const invoiceBatch = 1000;
const invoiceAmount = '100.00';

type Line = Record<string, string>;

async function send(app: FastifyInstance, method: 'POST' | 'PUT', url: string, payload: object) {
  const response = await app.inject({ method, url, payload });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: HTTP ${response.statusCode} ${response.body.slice(0, 500)}`);
  return response.json();
}

const postJournal = (app: FastifyInstance, lines: readonly Line[]) => send(app, 'POST', '/api/v1/generalJournal/post', { lines });

/** A customer of its own, in LCY, on 14 days without payment discount, applying by hand. */
async function benchCustomer(app: FastifyInstance, no: string): Promise<string> {
  await send(app, 'POST', '/api/v1/customers', {
    no, name: `Receivables bench ${no}`, customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC', paymentTermsCode: '14D',
  });
  return no;
}

/** `count` open invoices of `invoiceAmount` each, numbered prefix-1 …, posted through the journal in batches. */
async function journalInvoices(app: FastifyInstance, customerNo: string, prefix: string, count: number): Promise<string[]> {
  const numbers = Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
  const { milliseconds } = await timed(async () => {
    for (let from = 0; from < count; from += invoiceBatch) {
      await postJournal(app, numbers.slice(from, from + invoiceBatch).map((documentNo) => ({
        postingDate: todayIsoDate(), documentType: 'invoice', documentNo, accountType: 'customer', accountNo: customerNo, amount: invoiceAmount,
        balAccountType: 'glAccount', balAccountNo: '8040',
      })));
    }
  });
  printLine(`  setup: ${count.toLocaleString('en')} journal invoices`, `${(count / (milliseconds / 1000)).toFixed(0).padStart(6)} invoices/s  (${Math.min(count, invoiceBatch)} lines a request, no application)`);
  return numbers;
}

const paymentLine = (customerNo: string, documentNo: string, amount: string, application: Line): Line => ({
  postingDate: todayIsoDate(), documentType: 'payment', documentNo, accountType: 'customer', accountNo: customerNo, amount,
  balAccountType: 'bankAccount', balAccountNo: 'CHECKING', ...application,
});

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;

/** (1) N payments, each applied to its invoice by Applies-to Doc. No.: one request of N lines, then N/10 requests of 10. */
async function journalPaymentFigures(app: FastifyInstance): Promise<void> {
  const customerNo = await benchCustomer(app, 'RBPAY');
  for (const [label, perRequest] of [['1 request', payments], [`${payments / 10} requests × 10`, 10]] as const) {
    const prefix = `RBI${perRequest}-`;
    const invoices = await journalInvoices(app, customerNo, prefix, payments);
    const lines = invoices.map((invoiceNo, index) => paymentLine(customerNo, `RBP${perRequest}-${index + 1}`, `-${invoiceAmount}`, { appliesToDocType: 'invoice', appliesToDocNo: invoiceNo }));
    const { milliseconds } = await timed(async () => {
      for (let from = 0; from < lines.length; from += perRequest) await postJournal(app, lines.slice(from, from + perRequest));
    });
    printLine(`post ${payments.toLocaleString('en')} applied payments, ${label}`, `${(payments / (milliseconds / 1000)).toFixed(0).padStart(6)} payments/s  (${seconds(milliseconds)}, Applies-to Doc. No.)`);
  }
}

/**
 * (2) One customer with N open invoices: Post Application of a payment over all of them, its Unapply,
 * then Apply Entries by marks — one PUT marking all N with an Applies-to ID — and a payment by that ID.
 */
async function applyEntriesFigures(handle: DatabaseHandle, app: FastifyInstance): Promise<void> {
  const customerNo = await benchCustomer(app, 'RBAPPLY');
  await journalInvoices(app, customerNo, 'RBO-', openEntries);
  const entries = (await handle.db.select({ entryNo: customerLedgerEntry.entryNo }).from(customerLedgerEntry)
    .where(and(eq(customerLedgerEntry.customerNo, customerNo), eq(customerLedgerEntry.open, true))).orderBy(asc(customerLedgerEntry.entryNo)))
    .map((row) => ({ entryNo: row.entryNo }));
  const total = `-${(openEntries * 100).toFixed(2)}`;
  const n = openEntries.toLocaleString('en');

  await postJournal(app, [paymentLine(customerNo, 'RBA-1', total, {})]);
  const [payment] = await handle.db.select({ entryNo: customerLedgerEntry.entryNo }).from(customerLedgerEntry)
    .where(and(eq(customerLedgerEntry.documentType, 'payment'), eq(customerLedgerEntry.documentNo, 'RBA-1')));
  const applied = await timed(() => send(app, 'POST', `/api/v1/customerLedgerEntries/${payment!.entryNo}/apply`, { appliedEntries: entries }));
  printLine(`Post Application: a payment to ${n} entries`, seconds(applied.milliseconds));
  await expectOpen(handle, customerNo, 0);
  const unapplied = await timed(() => send(app, 'POST', `/api/v1/customerLedgerEntries/${payment!.entryNo}/unapply`, {}));
  printLine(`Unapply it (${n} entries reopen)`, seconds(unapplied.milliseconds));
  await expectOpen(handle, customerNo, openEntries + 1);

  const marked = await timed(() => send(app, 'PUT', '/api/v1/customerEntryApplyMarks/RBA-2', { entries }));
  printLine(`Apply Entries: mark ${n} entries`, `${seconds(marked.milliseconds)}  (one PUT of an Applies-to ID)`);
  const paid = await timed(() => postJournal(app, [paymentLine(customerNo, 'RBA-2', total, { appliesToId: 'RBA-2' })]));
  printLine(`post a payment by that Applies-to ID`, `${seconds(paid.milliseconds)}  (applies to the ${n} marked entries)`);
  await expectOpen(handle, customerNo, 1);
}

/** A figure only counts if the work was done: the customer's open entries as the step must leave them. */
async function expectOpen(handle: DatabaseHandle, customerNo: string, expected: number): Promise<void> {
  const rows = await handle.db.select({ entryNo: customerLedgerEntry.entryNo }).from(customerLedgerEntry)
    .where(and(eq(customerLedgerEntry.customerNo, customerNo), eq(customerLedgerEntry.open, true)));
  if (rows.length !== expected) throw new Error(`receivables bench: customer ${customerNo} has ${rows.length} open entries, expected ${expected}`);
}

export async function receivablesFigures(handle: DatabaseHandle, app: FastifyInstance): Promise<void> {
  await journalPaymentFigures(app);
  await applyEntriesFigures(handle, app);
}
