/**
 * The money of a sales posting (spec §7.6, §17.3, §23.2): the invoice (credit memo) entries built by
 * core/posting from the invoiced lines — revenue, VAT, and the customer journal line.
 */
import { eq } from 'drizzle-orm';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import type { PostingBatch } from '../../core/posting/entries.ts';
import { buildSalesInvoicePosting, type SalesPostingLine } from '../../core/posting/sales-invoice-posting.ts';
import { withMaxPaymentTolerance } from '../../core/receivables/payment-tolerance.ts';
import { paymentToleranceSetup } from '../receivables/apply-entries.queries.ts';
import type { Executor } from '../db/connection.ts';
import { glAccount } from '../db/schema/index.ts';
import type { SalesContext } from './sales-context.ts';
import type { LinePosting } from './sales-post.amounts.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';

export async function invoiceEntries(
  tx: Executor, loaded: LoadedSalesPosting, invoiceNo: string, invoiced: readonly LinePosting[], costByLine: ReadonlyMap<string, Decimal>,
  description: string, context: SalesContext, deductionLines: readonly SalesPostingLine[] = [],
): Promise<PostingBatch> {
  const { header, descriptor } = loaded;
  const batch = buildSalesInvoicePosting({
    documentType: descriptor.invoicing.partyLedgerDocumentType,
    header: {
      billToCustomerNo: header.billToCustomerNo,
      genBusPostingGroup: header.genBusPostingGroup ?? '',
      vatBusPostingGroup: header.vatBusPostingGroup ?? '',
      postingDescription: description,
      postingDate: header.postingDate,
      dueDate: header.dueDate ?? header.postingDate,
      paymentDiscountPercent: dec(header.paymentDiscountPercent),
      paymentDiscountDate: header.paymentDiscountDate,
      currencyCode: header.currencyCode ?? '',
      currencyFactor: dec(header.currencyFactor),
      pricesIncludingVat: header.pricesIncludingVat,
      sellToCustomerNo: header.sellToCustomerNo,
      documentNo: invoiceNo,
      externalDocumentNo: header.externalDocumentNo,
      documentDate: header.documentDate,
      salespersonCode: header.salespersonCode ?? '',
      paymentMethodCode: header.paymentMethodCode ?? '',
    },
    lines: invoiced.map((entry): SalesPostingLine => ({
      lineNo: entry.line.lineNo,
      type: entry.line.type as never,
      no: entry.line.no,
      genProdPostingGroup: entry.line.genProdPostingGroup ?? '',
      vatProdPostingGroup: entry.line.vatProdPostingGroup ?? '',
      amount: entry.amounts!.amount,
      amountIncludingVat: entry.amounts!.amountIncludingVat,
      vatBaseAmount: entry.amounts!.vatBaseAmount,
      lineDiscountAmount: entry.amounts!.lineDiscountAmount,
      invoiceDiscountAmount: entry.amounts!.invoiceDiscountAmount,
      costAmountLcy: costByLine.get(String(entry.line.lineNo))?.abs() ?? ZERO,
    })).concat(deductionLines),
    setup: await invoicePostingSetup(tx, loaded, context),
    accounts: loaded.accounts,
  });
  // Spec §20.5: the new entry's Max. Payment Tolerance, from the document currency's own tolerance
  // setup (the G/L setup's in LCY), as BC's CalcMaxPmtTolerance.
  return withMaxPaymentTolerance(batch, {
    ...await paymentToleranceSetup(tx, context.glSetup, header.currencyCode), amountPrecision: loaded.precision, blockPaymentTolerance: loaded.billTo.blockPaymentTolerance,
  });
}

/** The invoice posting's setup; precision is the document currency's Amount Rounding Precision. */
export async function invoicePostingSetup(tx: Executor, loaded: Pick<LoadedSalesPosting, 'accounts' | 'precision'>, context: SalesContext) {
  const { glSetup, salesSetup } = context;
  let invoiceRounding = null;
  if (salesSetup.invoiceRounding) {
    const accountNo = loaded.accounts.customerPostingGroup.invoiceRoundingAccount;
    const [account] = accountNo ? await tx.select().from(glAccount).where(eq(glAccount.no, accountNo)) : [];
    invoiceRounding = {
      precision: glSetup.invoiceRoundingPrecisionLcy,
      direction: glSetup.invoiceRoundingType as never,
      genProdPostingGroup: account?.genProdPostingGroup ?? '',
      vatProdPostingGroup: account?.vatProdPostingGroup ?? '',
    };
  }
  return {
    discountPosting: salesSetup.discountPosting as never,
    paymentDiscountExcludingVat: glSetup.paymentDiscountExcludingVat,
    paymentDiscountGracePeriod: glSetup.paymentDiscountGracePeriod,
    amountRoundingPrecision: loaded.precision,
    lcyAmountRoundingPrecision: glSetup.amountRoundingPrecision,
    invoiceRounding,
  };
}
