/**
 * What applying vendor lines of a journal reads (spec §20.3 read for vendors; BC's ApplyVendLedgEntry):
 * the open vendor entries the lines may apply to, in the shape the application engine reads
 * (customerNo = the vendor no., customerPostingGroup = its vendor posting group), and the vendor
 * posting groups' accounts. One statement each, whatever the number of lines.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { JournalVendor, OpenCustomerEntry } from '../../core/journal/journal-accounts.ts';
import type { JournalLine } from '../../core/journal/journal-line.ts';
import { dec } from '../../core/money/decimal.ts';
import type { CustomerPostingGroupApplicationAccounts } from '../../core/receivables/application-types.ts';
import type { Executor } from '../db/connection.ts';
import { vendorLedgerEntry, vendorPostingGroup } from '../db/schema/index.ts';

/** The vendor the line applies for: its vendor side, account or balancing. */
function applyingVendor(line: JournalLine): string | null {
  if (line.accountType === 'vendor') return line.accountNo;
  return line.balAccountType === 'vendor' ? line.balAccountNo : null;
}

/**
 * The open entries of the lines' vendors with a document no. an Applies-to Doc. No. names, and all
 * of a vendor who applies to oldest when one of its lines names none. Vendor entries have no
 * Apply Entries marks (yet): an Applies-to ID finds nothing and is refused by the journal.
 */
export async function loadOpenVendorEntries(
  tx: Executor, lines: readonly JournalLine[], vendors: ReadonlyMap<string, JournalVendor>, options: { lock: boolean },
): Promise<OpenCustomerEntry[]> {
  const wanted = lines.flatMap((line) => {
    const vendorNo = applyingVendor(line);
    return vendorNo ? [{ vendorNo, line }] : [];
  });
  const documentNos = [...new Set(wanted.flatMap(({ line }) => (line.appliesToDocNo ? [line.appliesToDocNo] : [])))];
  const oldest = [...new Set(wanted.filter(({ vendorNo, line }) => !line.appliesToDocNo && !line.appliesToId
    && vendors.get(vendorNo)?.applicationMethod === 'applyToOldest').map(({ vendorNo }) => vendorNo))];
  const conditions = [
    ...(documentNos.length > 0 ? [inArray(vendorLedgerEntry.documentNo, documentNos)] : []),
    ...(oldest.length > 0 ? [inArray(vendorLedgerEntry.vendorNo, oldest)] : []),
  ];
  if (conditions.length === 0) return [];
  const query = tx.select().from(vendorLedgerEntry)
    .where(and(inArray(vendorLedgerEntry.vendorNo, [...new Set(wanted.map((entry) => entry.vendorNo))]), eq(vendorLedgerEntry.open, true), or(...conditions)))
    .orderBy(asc(vendorLedgerEntry.entryNo));
  const rows = options.lock ? await query.for('update') : await query;
  return rows.map(openVendorEntry);
}

export function openVendorEntry(row: typeof vendorLedgerEntry.$inferSelect): OpenCustomerEntry {
  return {
    entryNo: row.entryNo, newEntryIndex: null, customerNo: row.vendorNo, currencyCode: row.currencyCode,
    documentType: row.documentType as OpenCustomerEntry['documentType'], documentNo: row.documentNo,
    amount: dec(row.amount), amountLcy: dec(row.amountLcy), remainingAmount: dec(row.remainingAmount), remainingAmountLcy: dec(row.remainingAmountLcy),
    open: row.open, postingDate: row.postingDate, dueDate: row.dueDate, currencyFactor: dec(row.currencyFactor),
    paymentDiscountDate: row.paymentDiscountDate, paymentDiscountToleranceDate: row.paymentDiscountToleranceDate,
    originalPaymentDiscountPossible: dec(row.originalPaymentDiscountPossible), remainingPaymentDiscountPossible: dec(row.remainingPaymentDiscountPossible),
    maxPaymentTolerance: dec(row.maxPaymentTolerance), pmtDiscGivenLcy: dec(row.pmtDiscReceivedLcy),
    acceptedPaymentTolerance: dec(row.acceptedPaymentTolerance), acceptedPmtDiscTolerance: row.acceptedPmtDiscTolerance,
    customerPostingGroup: row.vendorPostingGroup, vatBuckets: [],
    appliesToId: null, amountToApply: dec('0'),
  };
}

/** The accounts of the vendor posting groups of the vendors and entries, Payables Account as the engine's receivables account. */
export async function loadVendorPostingGroupAccounts(
  tx: Executor, codes: readonly string[],
): Promise<Map<string, CustomerPostingGroupApplicationAccounts>> {
  const wanted = [...new Set(codes)].filter((code) => code !== '');
  const groups = wanted.length === 0 ? [] : await tx.select().from(vendorPostingGroup).where(inArray(vendorPostingGroup.code, wanted));
  return new Map(groups.map((group) => [group.code, {
    code: group.code, receivablesAccount: group.payablesAccount ?? '',
    paymentDiscountDebitAccount: group.paymentDiscountDebitAccount ?? '', paymentDiscountCreditAccount: group.paymentDiscountCreditAccount ?? '',
    paymentToleranceDebitAccount: group.paymentToleranceDebitAccount ?? '', paymentToleranceCreditAccount: group.paymentToleranceCreditAccount ?? '',
    debitCurrencyApplicationRoundingAccount: group.debitCurrencyApplicationRoundingAccount ?? '',
    creditCurrencyApplicationRoundingAccount: group.creditCurrencyApplicationRoundingAccount ?? '',
    debitRoundingAccount: group.debitRoundingAccount ?? '', creditRoundingAccount: group.creditRoundingAccount ?? '',
  }]));
}
