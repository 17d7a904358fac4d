/**
 * Create Recurring Sales Invoices (spec §9.4, BC report 172): one sales invoice per selected
 * standard customer sales code that is not blocked and valid on the order date, with the code's
 * lines, payment method, payment terms and direct-debit mandate. It runs as a job, each invoice in
 * a transaction of its own; the recurring_sales_invoice row written with it makes a re-run for the
 * same order date skip that code, so no code gets two invoices for one date. A code whose invoice
 * fails (a blocked customer, a currency other than the customer's) is reported and the batch goes on.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { code, isoDate } from '../../core/master-data/fields.ts';
import { codesForRecurringInvoices, type CustomerSalesCode } from '../../core/sales/recurring-sales-lines.ts';
import type { Executor } from '../db/connection.ts';
import { recurringSalesInvoice, standardCustomerSalesCode } from '../db/schema/index.ts';
import { incompleteJob, jobError, registerJobHandler, type JobContext, type JobError } from '../jobs/job-queue.ts';
import { asCustomerSalesCode, insertRecurringLines } from './recurring-sales-lines.ts';
import { createDocument } from './sales-document.commands.ts';
import { loadSalesContext } from './sales-context.ts';

export const createRecurringSalesInvoicesInput = z.strictObject({
  orderDate: isoDate().describe('Order Date and Document Date of the invoices; the codes valid on it are taken'),
  postingDate: isoDate().describe('Posting Date of the invoices'),
  customerNo: code().optional().describe('Only this customer\'s codes'),
  code: code(10).optional().describe('Only this standard sales code'),
});
export type CreateRecurringSalesInvoicesInput = z.infer<typeof createRecurringSalesInvoicesInput>;

export interface RecurringSalesInvoicesResult {
  invoicesCreated: number;
  invoiceNos: string[];
  /** Codes that had their invoice for this order date already (an earlier run): none is made again. */
  alreadyCreated: Array<{ customerNo: string; code: string; invoiceNo: string }>;
  /** Codes that got no invoice, each with the reason; nothing of theirs was kept. */
  skipped: Array<{ customerNo: string; code: string; errorCode: string; message: string }>;
}

type SelectedCode = CustomerSalesCode & typeof standardCustomerSalesCode.$inferSelect;

/** The customer codes the request selects, valid on the order date and not blocked, by customer and code. */
async function selectedCodes(db: Executor, input: CreateRecurringSalesInvoicesInput): Promise<SelectedCode[]> {
  const rows = await db.select().from(standardCustomerSalesCode)
    .where(and(
      input.customerNo ? eq(standardCustomerSalesCode.customerNo, input.customerNo) : undefined,
      input.code ? eq(standardCustomerSalesCode.code, input.code) : undefined,
    ))
    .orderBy(standardCustomerSalesCode.customerNo, standardCustomerSalesCode.code);
  const codes = rows.map(asCustomerSalesCode);
  return codesForRecurringInvoices(codes, input.orderDate);
}

/** Thrown inside an invoice's transaction when another run recorded that code and date first: the invoice is rolled back. */
class AlreadyCreated extends Error {}

type CodeOutcome = { kind: 'created'; invoiceNo: string } | { kind: 'alreadyCreated' } | { kind: 'skipped'; error: JobError };

/** One code's invoice, made and recorded in one transaction (BC Standard Customer Sales Code.CreateSalesInvoice). */
async function invoiceCode(db: Executor, selected: SelectedCode, input: CreateRecurringSalesInvoicesInput, job: { id: string; username: string; workDate: string }): Promise<CodeOutcome> {
  try {
    const invoiceNo = await db.transaction(async (tx) => {
      const sales = await loadSalesContext(tx as Executor, job.workDate, job.username);
      const invoice = await createDocument(tx as Executor, 'invoice', {
        sellToCustomerNo: selected.customerNo, orderDate: input.orderDate, postingDate: input.postingDate, documentDate: input.orderDate,
        ...(selected.paymentMethodCode ? { paymentMethodCode: selected.paymentMethodCode } : {}),
        ...(selected.paymentTermsCode ? { paymentTermsCode: selected.paymentTermsCode } : {}),
        ...(selected.directDebitMandateId ? { directDebitMandateId: selected.directDebitMandateId } : {}),
      }, sales);
      await insertRecurringLines(tx as Executor, invoice, [selected.code], sales);
      const recorded = await tx.insert(recurringSalesInvoice).values({
        customerNo: selected.customerNo, code: selected.code, orderDate: input.orderDate, postingDate: input.postingDate,
        invoiceNo: invoice.header.no, jobId: job.id, createdBy: job.username,
      }).onConflictDoNothing().returning({ id: recurringSalesInvoice.id });
      if (recorded.length === 0) throw new AlreadyCreated();
      return invoice.header.no;
    });
    return { kind: 'created', invoiceNo };
  } catch (error) {
    if (error instanceof AlreadyCreated) return { kind: 'alreadyCreated' };
    return { kind: 'skipped', error: jobError(error) };
  }
}

/** The invoices already made for this order date, by customer and code. */
async function createdBefore(db: Executor, orderDate: string): Promise<Map<string, string>> {
  const rows = await db.select().from(recurringSalesInvoice).where(eq(recurringSalesInvoice.orderDate, orderDate));
  return new Map(rows.map((row) => [`${row.customerNo}\u0000${row.code}`, row.invoiceNo]));
}

export async function createRecurringSalesInvoices(context: JobContext, username: string, workDate: string): Promise<unknown> {
  const { requestedBy: _requestedBy, workDate: _workDate, ...parameters } = context.job.parameters as Record<string, unknown>;
  const input = createRecurringSalesInvoicesInput.parse(parameters);
  const before = await createdBefore(context.db, input.orderDate);
  const result: RecurringSalesInvoicesResult = { invoicesCreated: 0, invoiceNos: [], alreadyCreated: [], skipped: [] };
  const toCreate: SelectedCode[] = [];
  for (const selected of await selectedCodes(context.db, input)) {
    const invoiceNo = before.get(`${selected.customerNo}\u0000${selected.code}`);
    if (invoiceNo === undefined) toCreate.push(selected);
    else result.alreadyCreated.push({ customerNo: selected.customerNo, code: selected.code, invoiceNo });
  }
  await context.progress(0, toCreate.length, toCreate.length === 0 ? 'No recurring sales invoices to create' : `${toCreate.length} invoice(s) to create`);
  for (const [index, selected] of toCreate.entries()) {
    const outcome = await invoiceCode(context.db, selected, input, { id: context.job.id, username, workDate });
    if (outcome.kind === 'created') {
      result.invoicesCreated += 1;
      result.invoiceNos.push(outcome.invoiceNo);
    } else if (outcome.kind === 'alreadyCreated') {
      result.alreadyCreated.push({ customerNo: selected.customerNo, code: selected.code, invoiceNo: (await createdBefore(context.db, input.orderDate)).get(`${selected.customerNo}\u0000${selected.code}`) ?? '' });
    } else {
      result.skipped.push({ customerNo: selected.customerNo, code: selected.code, errorCode: outcome.error.code, message: outcome.error.message });
    }
    await context.progress(index + 1, toCreate.length, `${result.invoicesCreated} invoice(s) were created`);
  }
  if (result.skipped.length === 0) return result;
  const incomplete = new DomainError('RECURRING_SALES_INVOICES_INCOMPLETE', { skipped: result.skipped.length });
  return incompleteJob(result, { code: incomplete.code, params: incomplete.params, message: incomplete.message });
}

/** The job type; parameters are CreateRecurringSalesInvoicesInput plus who asked and their work date. */
export const CREATE_RECURRING_SALES_INVOICES_JOB = 'createRecurringSalesInvoices';

registerJobHandler(CREATE_RECURRING_SALES_INVOICES_JOB, (context) => {
  const { requestedBy, workDate } = context.job.parameters as { requestedBy: string; workDate: string };
  return createRecurringSalesInvoices(context, requestedBy, workDate);
});
