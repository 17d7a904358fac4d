/**
 * Combine Shipments (spec §13.2): one invoice per customer and currency (and salesperson, payment
 * terms and method) for the shipped-not-invoiced lines of orders marked Combine Shipments, made
 * with Get Shipment Lines and, if asked, posted. It runs as a job: each invoice is made (and
 * posted) in one transaction, so a crash leaves no half-done invoice and a re-run takes the
 * shipments still not invoiced; one that fails is reported and the batch goes on.
 */
import { and, asc, eq, gte, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { isoDate, codeReference } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { customer, postedSalesHeader, postedSalesLine, salesHeader } from '../db/schema/index.ts';
import { incompleteJob, jobError, registerJobHandler, type JobContext, type JobError } from '../jobs/job-queue.ts';
import { calculateInvoiceDiscountOn, createDocument, deleteDocument } from './sales-document.commands.ts';
import { loadSalesContext, type SalesContext } from './sales-context.ts';
import { getShipmentLines } from './posted-lines.commands.ts';
import { postSalesDocument } from './sales-post.ts';

export const combineShipmentsInput = z.strictObject({
  postingDate: isoDate(),
  documentDate: isoDate(),
  sellToCustomerNo: codeReference().optional(),
  billToCustomerNo: codeReference().optional(),
  shipmentPostingDateFrom: isoDate().optional(),
  shipmentPostingDateTo: isoDate().optional(),
  calcInvoiceDiscount: z.boolean().default(false),
  postInvoices: z.boolean().default(false),
  copyTextLines: z.boolean().default(false),
  dryRun: z.boolean().default(false)
    .describe('Only say what would be invoiced (200, CombineShipmentsPreview): the invoices per customer with their shipments and amounts; nothing is queued or written'),
});
export type CombineShipmentsInput = z.infer<typeof combineShipmentsInput>;

export interface CombineShipmentsResult {
  invoicesCreated: number;
  invoicesPosted: number;
  invoiceNos: string[];
  postedInvoiceNos: string[];
  skippedBlocked: number;
  /** Shipments the job was asked to invoice and did not, each with the reason. */
  skipped: Array<{ shipmentNo: string; customerNo: string; code: string; message: string }>;
  /** Invoices created but not posted, each with the reason; they wait, open, for the user. */
  errors: Array<{ invoiceNo: string; code: string; message: string }>;
}

/** A shipment line to invoice; lineAmount is what is left to invoice of it, excl. VAT, before invoice discount. */
interface ShipmentLineRef { documentNo: string; lineNo: number; type: string; lineAmount: string }
interface InvoiceGroup { key: string; sellTo: string; billTo: string; billToName: string; currency: string; lines: ShipmentLineRef[] }

/**
 * The shipment lines to invoice, grouped as BC starts a new invoice (spec §13.2 step 2): by
 * sell-to, bill-to, currency, salesperson, payment terms and method.
 */
async function groupsToInvoice(db: Executor, input: CombineShipmentsInput): Promise<{ groups: InvoiceGroup[]; blocked: Array<{ shipmentNo: string; customerNo: string; blocked: string }> }> {
  const rows = await db.select({
    documentNo: postedSalesLine.documentNo, lineNo: postedSalesLine.lineNo, type: postedSalesLine.type,
    sellTo: postedSalesHeader.sellToCustomerNo, billTo: postedSalesHeader.billToCustomerNo,
    currency: sql<string>`coalesce(${postedSalesHeader.currencyCode}, '')`,
    salesperson: sql<string>`coalesce(${salesHeader.salespersonCode}, '')`,
    terms: sql<string>`coalesce(${salesHeader.paymentTermsCode}, '')`,
    method: sql<string>`coalesce(${salesHeader.paymentMethodCode}, '')`,
    blocked: customer.blocked,
    billToName: customer.name,
    lineAmount: sql<string>`round(${postedSalesLine.quantityNotInvoiced} * ${postedSalesLine.unitPrice} * (1 - ${postedSalesLine.lineDiscountPercent} / 100), 2)::text`,
  }).from(postedSalesLine)
    .innerJoin(postedSalesHeader, and(eq(postedSalesHeader.documentType, postedSalesLine.documentType), eq(postedSalesHeader.no, postedSalesLine.documentNo)))
    .innerJoin(salesHeader, and(eq(salesHeader.documentType, 'order'), eq(salesHeader.no, postedSalesHeader.sourceDocumentNo)))
    .innerJoin(customer, eq(customer.no, postedSalesHeader.billToCustomerNo))
    .where(and(
      eq(postedSalesLine.documentType, 'shipment'),
      eq(salesHeader.combineShipments, true),
      input.copyTextLines ? undefined : ne(postedSalesLine.type, 'comment'),
      sql`(${postedSalesLine.type} = 'comment' or ${postedSalesLine.quantityNotInvoiced} <> 0)`,
      eq(postedSalesLine.correction, false),
      input.sellToCustomerNo ? eq(postedSalesHeader.sellToCustomerNo, input.sellToCustomerNo) : undefined,
      input.billToCustomerNo ? eq(postedSalesHeader.billToCustomerNo, input.billToCustomerNo) : undefined,
      input.shipmentPostingDateFrom ? gte(postedSalesHeader.postingDate, input.shipmentPostingDateFrom) : undefined,
      input.shipmentPostingDateTo ? lte(postedSalesHeader.postingDate, input.shipmentPostingDateTo) : undefined,
      sql`not exists (select 1 from sales_line l where l.shipment_no = ${postedSalesLine.documentNo} and l.shipment_line_no = ${postedSalesLine.lineNo})`,
    ))
    .orderBy(asc(postedSalesHeader.sellToCustomerNo), asc(postedSalesHeader.billToCustomerNo), asc(sql`3`), asc(postedSalesLine.documentNo), asc(postedSalesLine.lineNo));
  const groups = new Map<string, InvoiceGroup>();
  const blocked = new Map<string, { shipmentNo: string; customerNo: string; blocked: string }>();
  const withItems = new Set(rows.filter((row) => row.type !== 'comment').map((row) => row.documentNo));
  for (const row of rows) {
    if (!withItems.has(row.documentNo)) continue;
    if (row.blocked === 'invoice' || row.blocked === 'all') {
      blocked.set(row.documentNo, { shipmentNo: row.documentNo, customerNo: row.billTo, blocked: row.blocked });
      continue;
    }
    const key = [row.sellTo, row.billTo, row.currency, row.salesperson, row.terms, row.method].join('\u0000');
    const group = groups.get(key) ?? { key, sellTo: row.sellTo, billTo: row.billTo, billToName: row.billToName, currency: row.currency, lines: [] };
    group.lines.push({ documentNo: row.documentNo, lineNo: row.lineNo, type: row.type, lineAmount: row.lineAmount });
    groups.set(key, group);
  }
  return { groups: [...groups.values()], blocked: [...blocked.values()] };
}

export const combineShipmentsPreviewView = z.object({
  invoices: z.array(z.object({
    sellToCustomerNo: z.string(), billToCustomerNo: z.string(), billToName: z.string(), currencyCode: z.string().describe("'' for the local currency"),
    shipmentNos: z.array(z.string()), lineCount: z.number().int(),
    lineAmount: z.string().describe("Σ what is left to invoice of the lines, excl. VAT, before invoice discount, in the invoice's currency"),
  })),
  blocked: z.array(z.object({ shipmentNo: z.string(), customerNo: z.string(), blocked: z.string() })).describe('Shipments left out: their bill-to customer is blocked'),
});
export type CombineShipmentsPreview = z.infer<typeof combineShipmentsPreviewView>;

/**
 * Combine Shipments as a dry run: the invoices the job would make, with the shipments and amount
 * each would take, from the same selection and grouping; nothing is written. (An invoice whose
 * lines all come to zero would be dropped by the job; the preview still lists it.)
 */
export async function previewCombineShipments(db: Executor, input: CombineShipmentsInput): Promise<CombineShipmentsPreview> {
  const { groups, blocked } = await groupsToInvoice(db, input);
  return {
    invoices: groups.map((group) => {
      const goods = group.lines.filter((line) => line.type !== 'comment');
      return {
        sellToCustomerNo: group.sellTo, billToCustomerNo: group.billTo, billToName: group.billToName, currencyCode: group.currency,
        shipmentNos: [...new Set(group.lines.map((line) => line.documentNo))], lineCount: goods.length,
        lineAmount: goods.reduce((total, line) => total.plus(dec(line.lineAmount)), dec('0')).toFixed(2),
      };
    }),
    blocked,
  };
}

/** One combined invoice made with Get Shipment Lines in `tx`; null when it got no amount (spec §13.2 step 3: deleted again). */
async function createCombinedInvoice(tx: Executor, group: InvoiceGroup, input: CombineShipmentsInput, sales: SalesContext): Promise<string | null> {
  const invoice = await createDocument(tx, 'invoice', {
    sellToCustomerNo: group.sellTo, billToCustomerNo: group.billTo, postingDate: input.postingDate, documentDate: input.documentDate,
    currencyCode: group.currency || null,
  }, sales);
  const document = await getShipmentLines(tx, invoice.header.no, group.lines.filter((line) => line.type !== 'comment'), sales);
  if (document.lines.every((line) => dec(line.amountIncludingVat).isZero())) {
    await deleteDocument(tx, 'invoice', invoice.header.no, undefined, sales);
    return null;
  }
  if (input.calcInvoiceDiscount) await calculateInvoiceDiscountOn(tx, 'invoice', invoice.header.no, undefined, sales);
  return invoice.header.no;
}

type GroupOutcome =
  | { kind: 'empty' }
  | { kind: 'created'; invoiceNo: string; postedNo?: string | undefined; postingError?: JobError }
  | { kind: 'skipped'; error: JobError };

/**
 * One group, as one unit that a crash cannot cut in half: creating and posting its invoice is one
 * transaction. When posting is refused, the invoice is created alone, as BC leaves it, for the
 * user to correct and post; when even that fails, the group's shipments are reported skipped.
 */
async function invoiceGroup(db: Executor, group: InvoiceGroup, input: CombineShipmentsInput, username: string, workDate: string): Promise<GroupOutcome> {
  const create = (tx: Executor, sales: SalesContext) => createCombinedInvoice(tx, group, input, sales);
  let postingError: JobError | undefined;
  if (input.postInvoices) {
    try {
      return await db.transaction(async (tx): Promise<GroupOutcome> => {
        const sales = await loadSalesContext(tx as Executor, workDate, username);
        const invoiceNo = await create(tx as Executor, sales);
        if (invoiceNo === null) return { kind: 'empty' };
        const posted = await postSalesDocument(tx as Executor, 'invoice', invoiceNo, { invoice: true }, sales);
        return { kind: 'created', invoiceNo, postedNo: posted.invoiceNo ?? undefined };
      });
    } catch (error) {
      postingError = jobError(error);
    }
  }
  try {
    const invoiceNo = await db.transaction(async (tx) => create(tx as Executor, await loadSalesContext(tx as Executor, workDate, username)));
    if (invoiceNo === null) return { kind: 'empty' };
    return { kind: 'created', invoiceNo, ...(postingError ? { postingError } : {}) };
  } catch (error) {
    return { kind: 'skipped', error: jobError(error) };
  }
}

export async function combineShipments(context: JobContext, username: string, workDate: string): Promise<unknown> {
  const { requestedBy: _requestedBy, workDate: _workDate, ...parameters } = context.job.parameters as Record<string, unknown>;
  const input = combineShipmentsInput.parse(parameters);
  const { groups, blocked } = await groupsToInvoice(context.db, input);
  const result: CombineShipmentsResult = {
    invoicesCreated: 0, invoicesPosted: 0, invoiceNos: [], postedInvoiceNos: [], skippedBlocked: new Set(blocked.map((entry) => entry.customerNo)).size,
    skipped: blocked.map((entry) => {
      const error = new DomainError('CUSTOMER_BLOCKED', { actionText: 'invoice', documentTypeText: 'shipments', customerNo: entry.customerNo, blockedText: entry.blocked === 'all' ? 'all transactions' : 'invoicing' });
      return { shipmentNo: entry.shipmentNo, customerNo: entry.customerNo, code: error.code, message: error.message };
    }),
    errors: [],
  };
  await context.progress(0, groups.length, groups.length === 0 ? 'Nothing to combine' : `${groups.length} invoice(s) to create`);
  for (const [index, group] of groups.entries()) {
    const outcome = await invoiceGroup(context.db, group, input, username, workDate);
    if (outcome.kind === 'skipped') {
      for (const shipmentNo of new Set(group.lines.map((line) => line.documentNo))) {
        result.skipped.push({ shipmentNo, customerNo: group.billTo, code: outcome.error.code, message: outcome.error.message });
      }
    } else if (outcome.kind === 'created') {
      result.invoicesCreated += 1;
      result.invoiceNos.push(outcome.invoiceNo);
      if (outcome.postedNo) {
        result.invoicesPosted += 1;
        result.postedInvoiceNos.push(outcome.postedNo);
      }
      if (outcome.postingError) result.errors.push({ invoiceNo: outcome.invoiceNo, code: outcome.postingError.code, message: outcome.postingError.message });
    }
    const done = outcome.kind === 'created' ? (outcome.postedNo ? `Invoice ${outcome.invoiceNo} posted as ${outcome.postedNo}` : `Invoice ${outcome.invoiceNo} created`) : undefined;
    await context.progress(index + 1, groups.length, done);
  }
  if (result.skipped.length === 0 && result.errors.length === 0) return result;
  // Never "succeeded" while shipments it was asked to invoice are left out (issue: a user must see it).
  const incomplete = new DomainError('COMBINE_SHIPMENTS_INCOMPLETE', { skipped: result.skipped.length, notPosted: result.errors.length });
  return incompleteJob(result, { code: incomplete.code, params: incomplete.params, message: incomplete.message });
}

/** The job type; parameters are CombineShipmentsInput plus who asked and their work date. */
export const COMBINE_SHIPMENTS_JOB = 'combineShipments';

registerJobHandler(COMBINE_SHIPMENTS_JOB, (context) => {
  const { requestedBy, workDate } = context.job.parameters as { requestedBy: string; workDate: string };
  return combineShipments(context, requestedBy, workDate);
});
