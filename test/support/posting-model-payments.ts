/**
 * The receivables steps of the seeded model-based test (spec §20.2–20.3): customer payments through
 * the general journal — an invoice paid in full, in part or over its remaining amount, or a payment
 * on account — Post Application of an open payment to open invoices, and Unapply of a payment's
 * latest application. The model (posting-model.ts) predicts every remaining amount and refusal.
 *
 * Payment discount is kept out of the model: the customers' terms (14D) have none, and the invariants
 * check that no entry has a discount or a payment tolerance possible.
 *
 * Foreign currency: each currency has one exchange rate, so a payment is at its invoice's factor,
 * and paying an invoice's whole untouched amount moves exactly its Amount (LCY). A partial payment
 * (or an overpayment, or paying what a credit memo left) would move round(part / factor) LCY against
 * the invoice's share, a cent of rounding BC books as realized gain or loss or a correction of the
 * remaining amount, which the model does not know. So USD and CHF customers only pay an untouched
 * invoice in full (at once, or on account and applied to it later); partial payments and
 * overpayments are made by the LCY customers.
 */
import { and, eq } from 'drizzle-orm';
import { type Decimal, dec } from '../../src/core/money/decimal.ts';
import { customerLedgerEntry } from '../../src/server/db/schema/index.ts';
import { customerFacts, customerNos, type ModelEntry, type PostedInvoice, type PostedPayment, type Random } from './posting-model.ts';
import { type PaymentAccount, paymentAccounts } from './given-model-company.ts';
import { toLcy } from './posting-model-amounts.ts';
import { type Expected, type ModelRun, workDate } from './posting-model-run.ts';

const isLcy = (customerNo: string) => customerFacts(customerNo).factor === null;
/** Nothing applied to it now: its remaining amount is its whole amount. */
const untouched = (invoice: PostedInvoice) => invoice.remaining.equals(invoice.amounts.total);
/** An invoice the model can pay or apply a payment to (foreign currency: untouched only, see above). */
const payable = (invoice: PostedInvoice) => invoice.remaining.gt(0) && (isLcy(invoice.customerNo) || untouched(invoice));
const centsOf = (count: number) => dec(String(count)).div(100);

/** The entry no. of a customer ledger entry the model knows by document. */
async function entryNoOf(run: ModelRun, entry: ModelEntry): Promise<number> {
  const rows = await run.api.db.select({ entryNo: customerLedgerEntry.entryNo }).from(customerLedgerEntry)
    .where(and(eq(customerLedgerEntry.documentType, entry.kind), eq(customerLedgerEntry.documentNo, entry.no)));
  if (rows.length !== 1) throw new Error(`${entry.kind} ${entry.no}: ${rows.length} customer ledger entries`);
  return rows[0]!.entryNo;
}

/** Spec §20.2 item 1: a payment line on the customer balanced by GIRO or the cash account, applied to `appliesTo` or not. */
async function postPayment(run: ModelRun, label: string, customerNo: string, received: Decimal, appliesTo: PostedInvoice | null): Promise<PostedPayment> {
  const account: PaymentAccount = run.rng.pick(['bank', 'cash'] as const);
  const no = `PAY${String(run.model.payments.size + 1).padStart(4, '0')}`;
  const { currencyCode, factor } = customerFacts(customerNo);
  const { balAccountType, balAccountNo } = paymentAccounts[account];
  const application = appliesTo ? { ...(run.rng.chance(0.7) ? { appliesToDocType: 'invoice' } : {}), appliesToDocNo: appliesTo.no } : {};
  const line = {
    postingDate: workDate, documentType: 'payment', documentNo: no, accountType: 'customer', accountNo: customerNo, ...(currencyCode ? { currencyCode } : {}),
    amount: received.negated().toFixed(2), balAccountType, balAccountNo, ...application,
  };
  await run.act(`${label}: ${no} ${received.toFixed(2)} ${currencyCode || 'LCY'} to ${account}`, 'POST', '/api/v1/generalJournal/post', { lines: [line] }, 'ok');
  const payment: PostedPayment = {
    kind: 'payment', no, customerNo, amount: received.negated(), amountLcy: toLcy(received, factor).negated(), account, remaining: received.negated(),
  };
  run.model.payments.set(no, payment);
  if (appliesTo) run.model.applyEntries(payment, [appliesTo]);
  return payment;
}

/** Less than all of an amount, at least a cent; all of it when it is a single cent. */
function partOf(rng: Random, amount: Decimal): Decimal {
  const total = amount.times(100).toNumber();
  return total < 2 ? amount : centsOf(rng.int(1, total - 1));
}

/** §20.3: an open invoice paid and applied at posting by Applies-to Doc. No.: in full, in part (it stays open), or over (the payment stays open with the excess). */
export async function payInvoice(run: ModelRun, which: (invoice: PostedInvoice) => boolean = () => true): Promise<boolean> {
  const invoices = run.model.postedInvoices().filter(payable).filter(which);
  if (invoices.length === 0) return false;
  const invoice = run.rng.pick(invoices);
  const how = isLcy(invoice.customerNo) ? run.rng.pick(['in full', 'in part', 'over'] as const) : 'in full';
  const received = how === 'in full' ? invoice.remaining : how === 'in part' ? partOf(run.rng, invoice.remaining) : invoice.remaining.plus(centsOf(run.rng.int(1, 20_000)));
  await postPayment(run, `pay ${invoice.no} ${how}`, invoice.customerNo, received, invoice);
  return true;
}

/**
 * A payment not applied (spec §20.2 item 1, no applies-to; the customers apply manually): any amount
 * from an LCY customer; in a currency the whole amount of one of the customer's untouched invoices,
 * so Post Application can close it later (with none, it stays open: the model would not apply it).
 */
export async function payOnAccount(run: ModelRun): Promise<boolean> {
  const customerNo = run.rng.pick(customerNos);
  const candidates = run.model.postedInvoices().filter((invoice) => invoice.customerNo === customerNo && invoice.remaining.gt(0) && untouched(invoice));
  const received = isLcy(customerNo) || candidates.length === 0 ? centsOf(run.rng.int(1, 100_000)) : run.rng.pick(candidates).remaining;
  await postPayment(run, `pay on account for ${customerNo}`, customerNo, received, null);
  return true;
}

/** The open invoices an open payment can be applied to: any of its customer's in LCY; in a currency an untouched one of exactly its remaining amount. */
function applicableInvoices(run: ModelRun, payment: PostedPayment): PostedInvoice[] {
  return run.model.postedInvoices().filter((invoice) => invoice.customerNo === payment.customerNo && payable(invoice)
    && (isLcy(payment.customerNo) || (payment.remaining.equals(payment.amount) && invoice.remaining.equals(payment.remaining.negated()))));
}

/** Entries Post Application must refuse for this payment (§20.3): its customer's closed invoices, and open entries of its own sign. */
function refusedTargets(run: ModelRun, payment: PostedPayment): ModelEntry[] {
  const entries: ModelEntry[] = [...run.model.posted.values(), ...run.model.payments.values()];
  return entries.filter((entry) => entry !== payment && entry.customerNo === payment.customerNo
    && (entry.kind === 'invoice' ? entry.remaining.isZero() : entry.remaining.lt(0)));
}

/**
 * Spec §20.2 item 3, Apply Entries → Post Application: an open payment applied to one or two open
 * invoices of its customer, in order; now and then to an entry that must be refused.
 */
export async function applyPayment(run: ModelRun): Promise<boolean> {
  const open = [...run.model.payments.values()].filter((payment) => payment.remaining.lt(0));
  const candidates = open.filter((payment) => applicableInvoices(run, payment).length > 0);
  const refusable = open.filter((payment) => refusedTargets(run, payment).length > 0);
  if (refusable.length > 0 && (candidates.length === 0 || run.rng.chance(0.1))) {
    const payment = run.rng.pick(refusable);
    await refusedApplication(run, payment, run.rng.pick(refusedTargets(run, payment)));
    return true;
  }
  if (candidates.length === 0) return false;
  const payment = run.rng.pick(candidates);
  const invoices = applicableInvoices(run, payment);
  const first = run.rng.pick(invoices);
  const second = invoices.filter((invoice) => invoice !== first);
  // A second invoice only while the payment has something left for it, so every applied entry takes a share.
  const both = payment.remaining.abs().gt(first.remaining) && second.length > 0 && run.rng.chance(0.5);
  await postApplication(run, payment, both ? [first, run.rng.pick(second)] : [first], 'ok');
  return true;
}

async function postApplication(run: ModelRun, payment: PostedPayment, applied: ModelEntry[], expected: Expected, mirror?: { kind: string; expected: Expected }) {
  const appliedEntries = [];
  for (const entry of applied) appliedEntries.push({ entryNo: await entryNoOf(run, entry) });
  const label = `apply ${payment.no} (${payment.remaining.toFixed(2)}) to ${applied.map((entry) => `${entry.kind} ${entry.no} (${entry.remaining.toFixed(2)})`).join(', ')}`;
  const response = await run.act(label, 'POST', `/api/v1/customerLedgerEntries/${await entryNoOf(run, payment)}/apply`, { appliedEntries }, expected, mirror);
  if (response.statusCode < 300 && expected === 'ok') run.model.applyEntries(payment, applied);
  return response;
}

/** Post Application that §20.3 refuses: to a closed invoice, or to an entry of the payment's own sign. */
async function refusedApplication(run: ModelRun, payment: PostedPayment, target: ModelEntry) {
  await postApplication(run, payment, [target], ['APPLICATION_INVALID']);
}

/** Spec §20.3, Unapply: a payment's latest application; refused while a later one touches its entries, or when it has none. */
export async function unapplyPayment(run: ModelRun): Promise<boolean> {
  const payments = [...run.model.payments.values()];
  if (payments.length === 0) return false;
  const applied = payments.filter((payment) => run.model.unapplyOutcome(payment) !== 'NOTHING_TO_UNAPPLY');
  if (applied.length === 0 && !run.rng.chance(0.2)) return false;
  const payment = applied.length > 0 && run.rng.chance(0.9) ? run.rng.pick(applied) : run.rng.pick(payments);
  const outcome = run.model.unapplyOutcome(payment);
  const response = await run.act(`unapply ${payment.no}`, 'POST', `/api/v1/customerLedgerEntries/${await entryNoOf(run, payment)}/unapply`, {},
    typeof outcome === 'string' ? [outcome] : 'ok');
  if (response.statusCode < 300 && typeof outcome !== 'string') run.model.unapply(outcome);
  return true;
}
