/**
 * Get Recurring Sales Lines (spec §9.2) and the insert modes of new documents (§9.3): a customer's
 * standard sales codes become sales lines through the same path as typed lines (addLines →
 * deriveLine), so prices, discounts and VAT are found as for any line.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec, ZERO } from '../../core/money/decimal.ts';
import type { RecurringLinesInsertMode } from '../../core/master-data/standard-sales.schemas.ts';
import {
  checkCodeForDocument, codesForDocument, insertModeOn, recurringLineInput, recurringLinesOnNewDocument,
  type CustomerSalesCode, type RecurringCodeOffer, type RecurringLineInput, type StandardSalesLine,
} from '../../core/sales/recurring-sales-lines.ts';
import { assertEditable } from '../../core/sales/status.ts';
import type { SalesLineType, VatCalculationType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { glAccount, standardCustomerSalesCode, standardSalesCode, standardSalesLine } from '../db/schema/index.ts';
import { LineSources, lineVat } from '../documents/line-sources.ts';
import { addLines, createDocument, type NewSalesDocument } from './sales-document.commands.ts';
import { loadDocument } from './sales-document.queries.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import type { EditableDocumentType, SalesDocument, SalesHeaderRow } from './sales-document.types.ts';

type CustomerCodeRow = typeof standardCustomerSalesCode.$inferSelect;

export function asCustomerSalesCode(row: CustomerCodeRow): CustomerSalesCode & CustomerCodeRow {
  return {
    ...row,
    insertRecurringLinesOnQuotes: row.insertRecurringLinesOnQuotes as RecurringLinesInsertMode,
    insertRecurringLinesOnOrders: row.insertRecurringLinesOnOrders as RecurringLinesInsertMode,
    insertRecurringLinesOnInvoices: row.insertRecurringLinesOnInvoices as RecurringLinesInsertMode,
    insertRecurringLinesOnCreditMemos: row.insertRecurringLinesOnCreditMemos as RecurringLinesInsertMode,
  };
}

/** A customer's codes (some of them, if `codes` is given), in code order. */
export async function customerSalesCodes(tx: Executor, customerNo: string, codes?: readonly string[]) {
  const rows = await tx.select().from(standardCustomerSalesCode)
    .where(and(eq(standardCustomerSalesCode.customerNo, customerNo), codes ? inArray(standardCustomerSalesCode.code, [...codes]) : undefined))
    .orderBy(asc(standardCustomerSalesCode.code));
  return rows.map(asCustomerSalesCode);
}

/** One code a document may take lines from, as GET …/recurringSalesCodes lists it. */
export interface RecurringSalesCodeView extends RecurringCodeOffer {
  currencyCode: string | null;
  validFromDate: string | null;
  validToDate: string | null;
  paymentMethodCode: string | null;
}

/** The sell-to customer's codes in the document's currency, not blocked (spec §9.2 step 1), with their insert mode for its type. */
export async function recurringSalesCodesOf(tx: Executor, documentType: EditableDocumentType, no: string): Promise<RecurringSalesCodeView[]> {
  const { header } = await loadDocument(tx, documentType, no);
  const offered = codesForDocument(await customerSalesCodes(tx, header.sellToCustomerNo), header.currencyCode);
  return offered.map((code) => ({
    code: code.code, description: code.description, mode: insertModeOn(code, documentType), currencyCode: code.currencyCode,
    validFromDate: code.validFromDate, validToDate: code.validToDate, paymentMethodCode: code.paymentMethodCode,
  }));
}

/** Get Recurring Sales Lines: the chosen codes' lines added to an open document, each code's in its line order. */
export async function getRecurringSalesLines(
  tx: Executor, documentType: EditableDocumentType, no: string, codes: readonly string[], context: SalesContext,
): Promise<SalesDocument> {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  if (document.header.status !== 'open') assertEditable(document.header.status as never, ['lines'], [], 'line');
  return addLines(tx, documentType, no, await recurringLineInputs(tx, document.header, codes, context), context);
}

/** The lines of `codes` as inputs for `header`'s document, after checking each code may be used on it. */
async function recurringLineInputs(tx: Executor, header: SalesHeaderRow, codes: readonly string[], context: SalesContext): Promise<RecurringLineInput[]> {
  const known = new Set((await tx.select({ code: standardSalesCode.code }).from(standardSalesCode).where(inArray(standardSalesCode.code, [...codes]))).map((row) => row.code));
  const assigned = await customerSalesCodes(tx, header.sellToCustomerNo, codes);
  for (const [index, code] of codes.entries()) {
    if (!known.has(code)) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Standard Sales Code', value: code, field: 'codes' }, `codes.${index}`);
    checkCodeForDocument(code, assigned.find((candidate) => candidate.code === code), { customerNo: header.sellToCustomerNo, currencyCode: header.currencyCode }, `codes.${index}`);
  }
  const rows = await tx.select().from(standardSalesLine).where(inArray(standardSalesLine.standardSalesCode, [...codes])).orderBy(asc(standardSalesLine.lineNo));
  const lines = codes.flatMap((code) => rows.filter((row) => row.standardSalesCode === code));
  const pricing = await glLinePricing(tx, header, lines.filter((line) => line.type === 'glAccount').map((line) => line.no), context);
  return lines.map((line) => recurringLineInput(asStandardLine(line), line.type === 'glAccount' ? pricing(line.no) : undefined));
}

function asStandardLine(row: typeof standardSalesLine.$inferSelect): StandardSalesLine {
  return {
    type: row.type as SalesLineType, no: row.no, description: row.description, unitOfMeasureCode: row.unitOfMeasureCode,
    quantity: dec(row.quantity), amountExcludingVat: dec(row.amountExcludingVat),
  };
}

/**
 * What a G/L line's unit price needs: the VAT of its account on this document (only read when the
 * document's prices include VAT) and the currency's unit-amount precision. An account that does not
 * exist gets no VAT here; the line derivation refuses it with the usual error.
 */
async function glLinePricing(tx: Executor, header: SalesHeaderRow, accountNos: string[], context: SalesContext) {
  const unitAmountRoundingPrecision = (await currencyPrecisions(tx, context, header.currencyCode)).unitAmount;
  const vat = new Map<string, { vatPercent: string; vatCalculationType: string }>();
  if (header.pricesIncludingVat && accountNos.length > 0) {
    const accounts = await tx.select({ no: glAccount.no, vatProdPostingGroup: glAccount.vatProdPostingGroup }).from(glAccount).where(inArray(glAccount.no, [...new Set(accountNos)]));
    const sources = new LineSources(tx);
    for (const account of accounts) vat.set(account.no, await lineVat(sources, header.vatBusPostingGroup, account.vatProdPostingGroup));
  }
  return (accountNo: string) => {
    const setup = vat.get(accountNo);
    return {
      pricesIncludingVat: header.pricesIncludingVat, unitAmountRoundingPrecision,
      vatPercent: setup ? dec(setup.vatPercent) : ZERO, vatCalculationType: (setup?.vatCalculationType ?? 'normal') as VatCalculationType,
    };
  };
}

/** Adds the lines of `codes` to a document the caller holds (new documents: the insert modes, the recurring invoices batch). */
export async function insertRecurringLines(tx: Executor, document: SalesDocument, codes: readonly string[], context: SalesContext): Promise<SalesDocument> {
  const inputs = await recurringLineInputs(tx, document.header, codes, context);
  return addLines(tx, document.header.documentType as EditableDocumentType, document.header.no, inputs, context);
}

/**
 * A new document (POST to the document resource) and what its customer's recurring codes do to it
 * (spec §9.3): the one Automatic code's lines go in, or the codes to choose from come back with it.
 * As in BC, only a document created empty takes them (not one sent with lines).
 */
export async function createDocumentWithRecurringLines(
  tx: Executor, documentType: EditableDocumentType, input: NewSalesDocument, context: SalesContext,
): Promise<{ document: SalesDocument; recurringSalesCodes?: RecurringCodeOffer[] }> {
  const document = await createDocument(tx, documentType, input, context);
  if (input.lines !== undefined && input.lines.length > 0) return { document };
  const offered = codesForDocument(await customerSalesCodes(tx, document.header.sellToCustomerNo), document.header.currencyCode);
  const decision = recurringLinesOnNewDocument(offered, documentType);
  if (decision.action === 'insert') return { document: await insertRecurringLines(tx, document, [decision.code], context) };
  if (decision.action === 'ask') return { document, recurringSalesCodes: decision.codes };
  return { document };
}
