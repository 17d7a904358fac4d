/**
 * Spec §20.8: the immediate payment of a sales invoice (refund of a credit memo) whose payment method
 * has a balancing account, planned by core/receivables into the same posting. Loads the payment
 * method, the balancing bank account, the application setup and, with Adjust for Payment Discount,
 * the setups of the invoice's VAT; writes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { EntryDocument, PostingBatch } from '../../core/posting/entries.ts';
import {
  type BalancingAccount, documentVatBuckets, type ImmediatePayment, planImmediatePayment,
} from '../../core/receivables/immediate-payment.ts';
import type { Executor } from '../db/connection.ts';
import { reusableSelect } from '../db/reusable-select.ts';
import { cachedSetup } from '../db/setup-cache.ts';
import { bankAccount, bankAccountPostingGroup, customer, paymentMethod } from '../db/schema/index.ts';
import { loadApplicationSetup, vatBucketSetups } from '../journal/general-journal.queries.ts';
import type { SalesContext } from './sales-context.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';

const selectPaymentMethod = reusableSelect((db) => db.select().from(paymentMethod).where(eq(paymentMethod.code, sql.placeholder('code'))));

export async function immediatePayment(
  tx: Executor, loaded: Pick<LoadedSalesPosting, 'header' | 'accounts' | 'precision'>, invoiceBatch: PostingBatch, document: EntryDocument, context: SalesContext,
): Promise<ImmediatePayment | null> {
  const { header } = loaded;
  const invoice = invoiceBatch.customerLedgerEntries[0];
  if (!header.paymentMethodCode || !invoice || invoice.amount.isZero()) return null;
  const code = header.paymentMethodCode;
  const method = await cachedSetup(tx, `payment_method:${code}`, async (db) => (await selectPaymentMethod(db, { code }))[0]);
  if (!method?.balancingAccountNo) return null;
  if (header.appliesToDocumentNo) {
    throw new DomainError('APPLICATION_INVALID', {
      reason: `payment method ${method.code} pays the document at posting, so it cannot also be applied to ${header.appliesToDocumentNo}; clear one of them`,
    }, 'appliesToDocumentNo');
  }
  const [billTo] = await tx.select({ blockPaymentTolerance: customer.blockPaymentTolerance }).from(customer).where(eq(customer.no, header.billToCustomerNo));
  const application = await loadApplicationSetup(tx, context.glSetup, [], [{ customerPostingGroup: invoice.customerPostingGroup ?? '' }]);
  const { adjustForPaymentDiscount, paymentDiscountExcludingVat } = application.setup;
  return planImmediatePayment({
    vatBuckets: adjustForPaymentDiscount && !paymentDiscountExcludingVat && !invoice.originalPaymentDiscountPossible.isZero()
      ? await invoiceVatBuckets(tx, invoiceBatch, invoice.customerNo) : [],
    invoice, invoiceEntryIndex: 0, document, postingDate: header.postingDate,
    receivablesAccount: loaded.accounts.customerPostingGroup.receivablesAccount,
    balancing: await balancingAccount(tx, method.balancingAccountType, method.balancingAccountNo),
    lcyPrecision: dec(context.glSetup.amountRoundingPrecision),
    setup: { ...application.setup, amountPrecision: loaded.precision },
    blockPaymentTolerance: billTo?.blockPaymentTolerance ?? false,
  });
}

/** Adjust for Payment Discount: the discount granted at posting is split over the invoice's own VAT, as a journal payment's would be. */
async function invoiceVatBuckets(tx: Executor, invoiceBatch: PostingBatch, customerNo: string) {
  const revenue = invoiceBatch.glEntries.filter((entry) => entry.genPostingType === 'sale' && entry.sourceType === 'customer');
  return documentVatBuckets(invoiceBatch.glEntries, customerNo, await vatBucketSetups(tx, revenue));
}

async function balancingAccount(tx: Executor, type: string, no: string): Promise<BalancingAccount> {
  if (type !== 'bankAccount') return { type: 'glAccount', accountNo: no };
  const [bank] = await tx.select({ currencyCode: bankAccount.currencyCode, glAccountNo: bankAccountPostingGroup.glAccountNo }).from(bankAccount)
    .leftJoin(bankAccountPostingGroup, eq(bankAccountPostingGroup.code, bankAccount.bankAccPostingGroup)).where(eq(bankAccount.no, no));
  if (!bank?.glAccountNo) {
    throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Bank Account (with a posting group and G/L account)', value: no, field: 'paymentMethodCode' }, 'paymentMethodCode');
  }
  return { type: 'bankAccount', bankAccountNo: no, currencyCode: bank.currencyCode ?? '', glAccountNo: bank.glAccountNo };
}
