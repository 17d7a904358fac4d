/**
 * Combine Shipments (spec §13.2): one invoice per customer and currency (and salesperson, payment
 * terms and method) for the shipped-not-invoiced lines of orders marked Combine Shipments, made
 * with Get Shipment Lines and, if asked, posted. It runs as a job: each invoice is its own
 * transaction, so one that fails is counted and the batch goes on.
 */
import { and, asc, eq, gte, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { isoDate, codeReference } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { customer, postedSalesHeader, postedSalesLine, salesHeader } from '../db/schema/index.ts';
import { registerJobHandler, type JobContext } from '../jobs/job-queue.ts';
import { whilePosting } from './posting-guard.ts';
import { calculateInvoiceDiscountOn, createDocument, deleteDocument } from './sales-document.commands.ts';
import { loadSalesContext } from './sales-context.ts';
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
});
export type CombineShipmentsInput = z.infer<typeof combineShipmentsInput>;

export interface CombineShipmentsResult {
  invoicesCreated: number;
  invoicesPosted: number;
  invoiceNos: string[];
  postedInvoiceNos: string[];
  skippedBlocked: number;
  errors: Array<{ invoiceNo: string; code: string; message: string }>;
}

interface ShipmentLineRef { documentNo: string; lineNo: number; type: string }
interface InvoiceGroup { key: string; sellTo: string; billTo: string; currency: string; lines: ShipmentLineRef[] }

/**
 * The shipment lines to invoice, grouped as BC starts a new invoice (spec §13.2 step 2): by
 * sell-to, bill-to, currency, salesperson, payment terms and method.
 */
async function groupsToInvoice(db: Executor, input: CombineShipmentsInput): Promise<{ groups: InvoiceGroup[]; skippedBlocked: number }> {
  const rows = await db.select({
    documentNo: postedSalesLine.documentNo, lineNo: postedSalesLine.lineNo, type: postedSalesLine.type,
    sellTo: postedSalesHeader.sellToCustomerNo, billTo: postedSalesHeader.billToCustomerNo,
    currency: sql<string>`coalesce(${postedSalesHeader.currencyCode}, '')`,
    salesperson: sql<string>`coalesce(${salesHeader.salespersonCode}, '')`,
    terms: sql<string>`coalesce(${salesHeader.paymentTermsCode}, '')`,
    method: sql<string>`coalesce(${salesHeader.paymentMethodCode}, '')`,
    blocked: customer.blocked,
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
  let skippedBlocked = 0;
  const withItems = new Set(rows.filter((row) => row.type !== 'comment').map((row) => row.documentNo));
  for (const row of rows) {
    if (!withItems.has(row.documentNo)) continue;
    if (row.blocked === 'invoice' || row.blocked === 'all') { skippedBlocked += 1; continue; }
    const key = [row.sellTo, row.billTo, row.currency, row.salesperson, row.terms, row.method].join('\u0000');
    const group = groups.get(key) ?? { key, sellTo: row.sellTo, billTo: row.billTo, currency: row.currency, lines: [] };
    group.lines.push({ documentNo: row.documentNo, lineNo: row.lineNo, type: row.type });
    groups.set(key, group);
  }
  return { groups: [...groups.values()], skippedBlocked };
}

export async function combineShipments(context: JobContext, username: string, workDate: string): Promise<CombineShipmentsResult> {
  const { requestedBy: _requestedBy, workDate: _workDate, ...parameters } = context.job.parameters as Record<string, unknown>;
  const input = combineShipmentsInput.parse(parameters);
  const { groups, skippedBlocked } = await groupsToInvoice(context.db, input);
  const result: CombineShipmentsResult = { invoicesCreated: 0, invoicesPosted: 0, invoiceNos: [], postedInvoiceNos: [], skippedBlocked, errors: [] };
  const steps = groups.length * (input.postInvoices ? 2 : 1);
  let done = 0;
  await context.progress(0, steps, groups.length === 0 ? 'Nothing to combine' : `${groups.length} invoice(s) to create`);
  for (const group of groups) {
    const invoiceNo = await context.db.transaction(async (tx) => {
      const sales = await loadSalesContext(tx as Executor, workDate, username);
      const invoice = await createDocument(tx as Executor, 'invoice', {
        sellToCustomerNo: group.sellTo, billToCustomerNo: group.billTo, postingDate: input.postingDate, documentDate: input.documentDate,
        currencyCode: group.currency || null,
      }, sales);
      let document = await getShipmentLines(tx as Executor, invoice.header.no, group.lines.filter((line) => line.type !== 'comment'), sales);
      // Spec §13.2 step 3: an invoice that got no amount is deleted again.
      if (document.lines.every((line) => dec(line.amountIncludingVat).isZero())) {
        await deleteDocument(tx as Executor, 'invoice', invoice.header.no, undefined, sales);
        return null;
      }
      if (input.calcInvoiceDiscount) document = await calculateInvoiceDiscountOn(tx as Executor, 'invoice', invoice.header.no, undefined, sales);
      return document.header.no;
    });
    done += 1;
    if (invoiceNo === null) continue;
    result.invoicesCreated += 1;
    result.invoiceNos.push(invoiceNo);
    await context.progress(done, steps, `Invoice ${invoiceNo} created`);
    if (!input.postInvoices) continue;
    try {
      const posted = await whilePosting('Sales Invoice', 'invoice', invoiceNo, () => context.db.transaction(async (tx) =>
        postSalesDocument(tx as Executor, 'invoice', invoiceNo, { invoice: true }, await loadSalesContext(tx as Executor, workDate, username))));
      result.invoicesPosted += 1;
      result.postedInvoiceNos.push(posted.invoiceNo!);
    } catch (error) {
      result.errors.push({ invoiceNo, code: error instanceof DomainError ? error.key : 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) });
    }
    done += 1;
    await context.progress(done, steps, `Invoice ${invoiceNo} posted`);
  }
  return result;
}

/** The job type; parameters are CombineShipmentsInput plus who asked and their work date. */
export const COMBINE_SHIPMENTS_JOB = 'combineShipments';

registerJobHandler(COMBINE_SHIPMENTS_JOB, (context) => {
  const { requestedBy, workDate } = context.job.parameters as { requestedBy: string; workDate: string };
  return combineShipments(context, requestedBy, workDate);
});
