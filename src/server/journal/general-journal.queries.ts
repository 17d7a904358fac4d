/**
 * What a general journal posting reads (core/journal's JournalAccounts): the G/L accounts, customers,
 * vendors and bank accounts its lines name on either side, with their posting groups' accounts, the
 * open customer entries the lines may apply to (named by Applies-to Doc. No., marked with their
 * Applies-to ID, or every open entry of a customer who applies to oldest), and the application
 * setup (G/L setup, posting group and currency accounts, the applied documents' VAT). One statement
 * per kind, whatever the number of lines. Posting locks the open entries it may apply (FOR UPDATE),
 * then reads them; a preview only reads.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type {
  CustomerBlocked, JournalAccounts, JournalApplicationSetup, JournalBankAccount, JournalCustomer, JournalGlAccount, JournalVendor, OpenCustomerEntry,
  VendorBlocked,
} from '../../core/journal/journal-accounts.ts';
import type { JournalAccountType, JournalLine } from '../../core/journal/journal-line.ts';
import { type Decimal, dec } from '../../core/money/decimal.ts';
import type { VatBucket } from '../../core/receivables/application-types.ts';
import { vatBucketKey, type VatBucketSetup } from '../../core/receivables/immediate-payment.ts';
import type { Executor } from '../db/connection.ts';
import { loadApplicationCurrencies } from '../receivables/apply-entries.queries.ts';
import { loadOpenVendorEntries, loadVendorPostingGroupAccounts } from './journal-vendor-entries.ts';
import {
  bankAccount, bankAccountPostingGroup, customer, customerEntryApplyMark, customerLedgerEntry, customerPostingGroup, generalLedgerSetup,
  generalPostingSetup, glAccount, glEntry, vatPostingSetup, vendor, vendorLedgerEntry, vendorPostingGroup,
} from '../db/schema/index.ts';

type Side = { accountType: JournalAccountType; accountNo: string };

function sidesOf(lines: readonly JournalLine[]): Side[] {
  return lines.flatMap((line) => [
    { accountType: line.accountType, accountNo: line.accountNo },
    ...(line.balAccountType === null ? [] : [{ accountType: line.balAccountType, accountNo: line.balAccountNo }]),
  ]);
}

const nosOf = (sides: readonly Side[], accountType: JournalAccountType) =>
  [...new Set(sides.filter((side) => side.accountType === accountType).map((side) => side.accountNo))];

type GlSetup = typeof generalLedgerSetup.$inferSelect;

export async function loadJournalAccounts(tx: Executor, lines: readonly JournalLine[], options: { lock: boolean; glSetup: GlSetup }): Promise<JournalAccounts> {
  const sides = sidesOf(lines);
  const customers = await loadCustomers(tx, nosOf(sides, 'customer'));
  const vendors = await loadVendors(tx, nosOf(sides, 'vendor'));
  const bankAccounts = await loadBankAccounts(tx, nosOf(sides, 'bankAccount'));
  const postingGroupAccounts = [
    ...[...customers.values()].map((row) => row.receivablesAccount), ...[...vendors.values()].map((row) => row.payablesAccount),
    ...[...bankAccounts.values()].map((row) => row.glAccountNo),
  ].filter((no) => no !== '');
  const glAccounts = await loadGlAccounts(tx, [...new Set([...nosOf(sides, 'glAccount'), ...postingGroupAccounts])]);
  const openCustomerEntries = await loadOpenCustomerEntries(tx, lines, customers, options);
  const openVendorEntries = await loadOpenVendorEntries(tx, lines, vendors, options);
  const application = await loadApplicationSetup(tx, options.glSetup, [...customers.values()], openCustomerEntries);
  if (application.setup.adjustForPaymentDiscount && !application.setup.paymentDiscountExcludingVat) await addVatBuckets(tx, openCustomerEntries);
  const vendorGroups = [...[...vendors.values()].map((row) => row.postingGroup), ...openVendorEntries.map((row) => row.customerPostingGroup ?? '')];
  application.vendorPostingGroups = await loadVendorPostingGroupAccounts(tx, vendorGroups);
  if (application.setup.adjustForPaymentDiscount && !application.setup.paymentDiscountExcludingVat) await addVatBuckets(tx, openVendorEntries, 'vendor');
  return { glAccounts, customers, vendors, bankAccounts, openCustomerEntries, openVendorEntries, application };
}

async function loadGlAccounts(tx: Executor, nos: string[]): Promise<Map<string, JournalGlAccount>> {
  if (nos.length === 0) return new Map();
  const rows = await tx.select({ no: glAccount.no, accountType: glAccount.accountType, blocked: glAccount.blocked, directPosting: glAccount.directPosting })
    .from(glAccount).where(inArray(glAccount.no, nos));
  return new Map(rows.map((row) => [row.no, row]));
}

async function loadCustomers(tx: Executor, nos: string[]): Promise<Map<string, JournalCustomer>> {
  if (nos.length === 0) return new Map();
  const rows = await tx.select({
    no: customer.no, blocked: customer.blocked, postingGroup: customer.customerPostingGroup, receivablesAccount: customerPostingGroup.receivablesAccount,
    salespersonCode: customer.salespersonCode, applicationMethod: customer.applicationMethod, blockPaymentTolerance: customer.blockPaymentTolerance,
  }).from(customer).leftJoin(customerPostingGroup, eq(customerPostingGroup.code, customer.customerPostingGroup)).where(inArray(customer.no, nos));
  return new Map(rows.map((row) => [row.no, {
    no: row.no, blocked: row.blocked as CustomerBlocked, postingGroup: row.postingGroup ?? '', receivablesAccount: row.receivablesAccount ?? '',
    salespersonCode: row.salespersonCode ?? '', applicationMethod: row.applicationMethod === 'applyToOldest' ? 'applyToOldest' : 'manual',
    blockPaymentTolerance: row.blockPaymentTolerance,
  }]));
}

async function loadVendors(tx: Executor, nos: string[]): Promise<Map<string, JournalVendor>> {
  if (nos.length === 0) return new Map();
  const rows = await tx.select({
    no: vendor.no, blocked: vendor.blocked, postingGroup: vendor.vendorPostingGroup, payablesAccount: vendorPostingGroup.payablesAccount,
    applicationMethod: vendor.applicationMethod, blockPaymentTolerance: vendor.blockPaymentTolerance,
  }).from(vendor).leftJoin(vendorPostingGroup, eq(vendorPostingGroup.code, vendor.vendorPostingGroup)).where(inArray(vendor.no, nos));
  return new Map(rows.map((row) => [row.no, {
    no: row.no, blocked: row.blocked as VendorBlocked, postingGroup: row.postingGroup ?? '', payablesAccount: row.payablesAccount ?? '', purchaserCode: '',
    applicationMethod: row.applicationMethod === 'applyToOldest' ? 'applyToOldest' : 'manual', blockPaymentTolerance: row.blockPaymentTolerance,
  }]));
}

async function loadBankAccounts(tx: Executor, nos: string[]): Promise<Map<string, JournalBankAccount>> {
  if (nos.length === 0) return new Map();
  const rows = await tx.select({
    no: bankAccount.no, blocked: bankAccount.blocked, currencyCode: bankAccount.currencyCode, postingGroup: bankAccount.bankAccPostingGroup,
    glAccountNo: bankAccountPostingGroup.glAccountNo,
  }).from(bankAccount).leftJoin(bankAccountPostingGroup, eq(bankAccountPostingGroup.code, bankAccount.bankAccPostingGroup)).where(inArray(bankAccount.no, nos));
  return new Map(rows.map((row) => [row.no, {
    no: row.no, blocked: row.blocked, currencyCode: row.currencyCode ?? '', postingGroup: row.postingGroup ?? '', glAccountNo: row.glAccountNo ?? '',
  }]));
}

/** The customer the line's Applies-to Doc. No. applies for: its customer side, account or balancing. */
function applyingCustomer(line: JournalLine): string | null {
  if (line.accountType === 'customer') return line.accountNo;
  return line.balAccountType === 'customer' ? line.balAccountNo : null;
}

type EntryRow = typeof customerLedgerEntry.$inferSelect;

/**
 * The open entries the lines may apply to, in one statement (two when posting: locked, then read): of
 * the lines' customers, those with a document no. an Applies-to Doc. No. names, those marked with an
 * Applies-to ID of a line, and all of a customer who applies to oldest when one of its lines names neither.
 */
async function loadOpenCustomerEntries(
  tx: Executor, lines: readonly JournalLine[], customers: ReadonlyMap<string, JournalCustomer>, options: { lock: boolean },
): Promise<OpenCustomerEntry[]> {
  const wanted = lines.flatMap((line) => {
    const customerNo = applyingCustomer(line);
    return customerNo ? [{ customerNo, line }] : [];
  });
  const documentNos = [...new Set(wanted.flatMap(({ line }) => (line.appliesToDocNo ? [line.appliesToDocNo] : [])))];
  const ids = [...new Set(wanted.flatMap(({ line }) => (line.appliesToId ? [line.appliesToId] : [])))];
  const oldest = [...new Set(wanted.filter(({ customerNo, line }) => !line.appliesToDocNo && !line.appliesToId
    && customers.get(customerNo)?.applicationMethod === 'applyToOldest').map(({ customerNo }) => customerNo))];
  const conditions = [
    ...(documentNos.length > 0 ? [inArray(customerLedgerEntry.documentNo, documentNos)] : []),
    ...(ids.length > 0 ? [inArray(customerEntryApplyMark.appliesToId, ids)] : []),
    ...(oldest.length > 0 ? [inArray(customerLedgerEntry.customerNo, oldest)] : []),
  ];
  if (conditions.length === 0) return [];
  const marked = eq(customerEntryApplyMark.customerLedgerEntryNo, customerLedgerEntry.entryNo);
  let where = and(inArray(customerLedgerEntry.customerNo, [...new Set(wanted.map((entry) => entry.customerNo))]), eq(customerLedgerEntry.open, true), or(...conditions));
  if (options.lock) {
    // Locked first, read after: a statement that waits for another posting's lock sees the entries as that posting
    // left them, but the marks as they were when the statement began (READ COMMITTED), marks it used up included.
    const locked = await tx.select({ entryNo: customerLedgerEntry.entryNo }).from(customerLedgerEntry).leftJoin(customerEntryApplyMark, marked)
      .where(where).orderBy(asc(customerLedgerEntry.entryNo)).for('update', { of: customerLedgerEntry });
    if (locked.length === 0) return [];
    where = and(where, inArray(customerLedgerEntry.entryNo, locked.map((row) => row.entryNo)));
  }
  const rows = await tx.select({ entry: customerLedgerEntry, appliesToId: customerEntryApplyMark.appliesToId, amountToApply: customerEntryApplyMark.amountToApply })
    .from(customerLedgerEntry).leftJoin(customerEntryApplyMark, marked).where(where).orderBy(asc(customerLedgerEntry.entryNo));
  return rows.map((row) => openEntry(row.entry, row.appliesToId, row.amountToApply));
}

export function openEntry(row: EntryRow, appliesToId: string | null, amountToApply: string | null): OpenCustomerEntry {
  return {
    entryNo: row.entryNo, newEntryIndex: null, customerNo: row.customerNo, currencyCode: row.currencyCode,
    documentType: row.documentType as OpenCustomerEntry['documentType'], documentNo: row.documentNo,
    amount: dec(row.amount), amountLcy: dec(row.amountLcy), remainingAmount: dec(row.remainingAmount), remainingAmountLcy: dec(row.remainingAmountLcy),
    open: row.open, postingDate: row.postingDate, dueDate: row.dueDate, currencyFactor: dec(row.currencyFactor),
    paymentDiscountDate: row.paymentDiscountDate, paymentDiscountToleranceDate: row.paymentDiscountToleranceDate,
    originalPaymentDiscountPossible: dec(row.originalPaymentDiscountPossible), remainingPaymentDiscountPossible: dec(row.remainingPaymentDiscountPossible),
    maxPaymentTolerance: dec(row.maxPaymentTolerance), pmtDiscGivenLcy: dec(row.pmtDiscGivenLcy),
    acceptedPaymentTolerance: dec(row.acceptedPaymentTolerance), acceptedPmtDiscTolerance: row.acceptedPmtDiscTolerance,
    customerPostingGroup: row.customerPostingGroup, vatBuckets: [],
    appliesToId, amountToApply: dec(amountToApply ?? '0'),
  };
}

/** G/L setup, the accounts of the customer posting groups involved, the currencies' precisions and realized gains and losses accounts. */
export async function loadApplicationSetup(
  tx: Executor, glSetup: GlSetup, customers: readonly JournalCustomer[], entries: readonly { customerPostingGroup?: string }[],
): Promise<JournalApplicationSetup> {
  const groupCodes = [...new Set([...customers.map((row) => row.postingGroup), ...entries.map((row) => row.customerPostingGroup ?? '')])].filter((code) => code !== '');
  const groups = groupCodes.length === 0 ? [] : await tx.select().from(customerPostingGroup).where(inArray(customerPostingGroup.code, groupCodes));
  const currencies = await loadApplicationCurrencies(tx, glSetup);
  const lcyPrecision = dec(glSetup.amountRoundingPrecision);
  return {
    setup: {
      adjustForPaymentDiscount: glSetup.adjustForPaymentDiscount, paymentDiscountExcludingVat: glSetup.paymentDiscountExcludingVat,
      paymentToleranceWarning: glSetup.paymentToleranceWarning, paymentDiscountToleranceWarning: glSetup.paymentDiscountToleranceWarning,
      paymentTolerancePosting: glSetup.paymentTolerancePosting === 'paymentDiscountAccounts' ? 'paymentDiscountAccounts' : 'paymentToleranceAccounts',
      paymentDiscountTolerancePosting: glSetup.paymentDiscountTolerancePosting === 'paymentToleranceAccounts' ? 'paymentToleranceAccounts' : 'paymentDiscountAccounts',
      amountPrecision: lcyPrecision, lcyAmountPrecision: lcyPrecision,
      customerPostingGroups: new Map(groups.map((group) => [group.code, {
        code: group.code, receivablesAccount: group.receivablesAccount ?? '',
        paymentDiscountDebitAccount: group.paymentDiscountDebitAccount ?? '', paymentDiscountCreditAccount: group.paymentDiscountCreditAccount ?? '',
        paymentToleranceDebitAccount: group.paymentToleranceDebitAccount ?? '', paymentToleranceCreditAccount: group.paymentToleranceCreditAccount ?? '',
        debitCurrencyApplicationRoundingAccount: group.debitCurrencyApplicationRoundingAccount ?? '',
        creditCurrencyApplicationRoundingAccount: group.creditCurrencyApplicationRoundingAccount ?? '',
        debitRoundingAccount: group.debitRoundingAccount ?? '', creditRoundingAccount: group.creditRoundingAccount ?? '',
      }])),
      ...currencies,
    },
    currencyPrecisions: new Map<string, Decimal>([['', lcyPrecision], ...[...currencies.currencies].map(([code, row]): [string, Decimal] => [code, row.amountPrecision!])]),
    paymentTolerancePercent: dec(glSetup.paymentTolerancePercent),
    maxPaymentToleranceAmount: dec(glSetup.maxPaymentToleranceAmount),
  };
}

/**
 * The VAT of the documents whose discount or tolerance an application may split (Adjust for Payment
 * Discount): per entry, its transaction's revenue G/L entries for the customer by general × VAT
 * posting groups (base = Σ amount, VAT = Σ VAT amount, LCY, the invoice's sign), with the setups'
 * accounts. For vendor entries (read in the customer shape), the purchase G/L entries for the vendor
 * and the setups' purchase accounts.
 */
export async function addVatBuckets(tx: Executor, entries: OpenCustomerEntry[], party: 'customer' | 'vendor' = 'customer'): Promise<void> {
  const candidates = entries.filter((entry) => !(entry.remainingPaymentDiscountPossible?.isZero() ?? true) || !(entry.maxPaymentTolerance?.isZero() ?? true));
  if (candidates.length === 0) return;
  const table = party === 'vendor' ? vendorLedgerEntry : customerLedgerEntry;
  const transactions = await tx.select({ entryNo: table.entryNo, transactionNo: table.transactionNo })
    .from(table).where(inArray(table.entryNo, candidates.map((entry) => entry.entryNo)));
  const buckets = await vatBucketsOf(tx, [...new Set(transactions.map((row) => row.transactionNo))], party);
  for (const entry of candidates) {
    const transaction = transactions.find((row) => row.entryNo === entry.entryNo)!;
    entry.vatBuckets = buckets.filter((bucket) => bucket.transactionNo === transaction.transactionNo && bucket.customerNo === entry.customerNo);
  }
}

const blankAsNull = (column: Parameters<typeof eq>[0], value: Parameters<typeof eq>[1]) => sql`${column} is not distinct from nullif(${value}, '')`;

async function vatBucketsOf(
  tx: Executor, transactionNos: number[], party: 'customer' | 'vendor',
): Promise<(VatBucket & { transactionNo: number; customerNo: string })[]> {
  const vendor = party === 'vendor';
  const rows = await tx.select({
    transactionNo: glEntry.transactionNo, customerNo: glEntry.sourceNo,
    genBusPostingGroup: glEntry.genBusPostingGroup, genProdPostingGroup: glEntry.genProdPostingGroup,
    vatBusPostingGroup: glEntry.vatBusPostingGroup, vatProdPostingGroup: glEntry.vatProdPostingGroup,
    base: sql<string>`sum(${glEntry.amount})`, amount: sql<string>`sum(${glEntry.vatAmount})`,
    vatCalculationType: vatPostingSetup.vatCalculationType, vatIdentifier: vatPostingSetup.vatIdentifier, vatPercent: vatPostingSetup.vatPercent,
    adjustForPaymentDiscount: vatPostingSetup.adjustForPaymentDiscount,
    vatAccount: vendor ? vatPostingSetup.purchaseVatAccount : vatPostingSetup.salesVatAccount,
    discountDebit: vendor ? generalPostingSetup.purchasePaymentDiscountDebitAccount : generalPostingSetup.salesPaymentDiscountDebitAccount,
    discountCredit: vendor ? generalPostingSetup.purchasePaymentDiscountCreditAccount : generalPostingSetup.salesPaymentDiscountCreditAccount,
    // No Purch. Pmt. Tol. accounts in the general posting setup yet: a vendor's tolerance VAT part needs the discount accounts.
    toleranceDebit: vendor ? sql<string | null>`null` : generalPostingSetup.salesPaymentToleranceDebitAccount,
    toleranceCredit: vendor ? sql<string | null>`null` : generalPostingSetup.salesPaymentToleranceCreditAccount,
  }).from(glEntry)
    .leftJoin(vatPostingSetup, and(blankAsNull(vatPostingSetup.vatBusPostingGroup, glEntry.vatBusPostingGroup), blankAsNull(vatPostingSetup.vatProdPostingGroup, glEntry.vatProdPostingGroup)))
    .leftJoin(generalPostingSetup, and(blankAsNull(generalPostingSetup.genBusPostingGroup, glEntry.genBusPostingGroup), eq(generalPostingSetup.genProdPostingGroup, glEntry.genProdPostingGroup)))
    .where(and(inArray(glEntry.transactionNo, transactionNos), eq(glEntry.genPostingType, vendor ? 'purchase' : 'sale'), eq(glEntry.sourceType, party)))
    .groupBy(glEntry.transactionNo, glEntry.sourceNo, glEntry.genBusPostingGroup, glEntry.genProdPostingGroup, glEntry.vatBusPostingGroup, glEntry.vatProdPostingGroup,
      vatPostingSetup.id, generalPostingSetup.id)
    .orderBy(glEntry.transactionNo, glEntry.genBusPostingGroup, glEntry.genProdPostingGroup, glEntry.vatBusPostingGroup, glEntry.vatProdPostingGroup);
  return rows.map((row) => ({
    transactionNo: row.transactionNo, customerNo: row.customerNo,
    genBusPostingGroup: row.genBusPostingGroup, genProdPostingGroup: row.genProdPostingGroup, vatBusPostingGroup: row.vatBusPostingGroup, vatProdPostingGroup: row.vatProdPostingGroup,
    vatCalculationType: (row.vatCalculationType ?? 'normal') as VatBucket['vatCalculationType'], vatIdentifier: row.vatIdentifier ?? '', vatPercent: dec(row.vatPercent ?? '0'),
    base: dec(row.base), amount: dec(row.amount), adjustForPaymentDiscount: row.adjustForPaymentDiscount ?? false, salesVatAccount: row.vatAccount ?? '',
    salesPaymentDiscountDebitAccount: row.discountDebit ?? '', salesPaymentDiscountCreditAccount: row.discountCredit ?? '',
    salesPaymentToleranceDebitAccount: row.toleranceDebit ?? '', salesPaymentToleranceCreditAccount: row.toleranceCredit ?? '',
  }));
}

type BucketGroups = Pick<VatBucket, 'genBusPostingGroup' | 'genProdPostingGroup' | 'vatBusPostingGroup' | 'vatProdPostingGroup'>;

/**
 * The setup facts of VAT buckets by their posting groups (core's vatBucketKey), for a document the
 * same posting writes (an immediate payment's invoice): the rows vatBucketsOf joins, matched the
 * same way (a blank group is the setup row's null). Groups without both setup rows are left out.
 */
export async function vatBucketSetups(tx: Executor, groups: readonly BucketGroups[]): Promise<Map<string, VatBucketSetup>> {
  if (groups.length === 0) return new Map();
  // Setup tables are small; reading them whole spares matching blank groups to nulls in SQL.
  const vatRows = await tx.select().from(vatPostingSetup);
  const generalRows = await tx.select().from(generalPostingSetup);
  const setups = new Map<string, VatBucketSetup>();
  for (const group of groups) {
    const vat = vatRows.find((row) => (row.vatBusPostingGroup ?? '') === group.vatBusPostingGroup && (row.vatProdPostingGroup ?? '') === group.vatProdPostingGroup);
    const general = generalRows.find((row) => (row.genBusPostingGroup ?? '') === group.genBusPostingGroup && row.genProdPostingGroup === group.genProdPostingGroup);
    if (!vat || !general) continue;
    setups.set(vatBucketKey(group), {
      vatCalculationType: vat.vatCalculationType as VatBucket['vatCalculationType'], vatIdentifier: vat.vatIdentifier, vatPercent: dec(vat.vatPercent),
      adjustForPaymentDiscount: vat.adjustForPaymentDiscount, salesVatAccount: vat.salesVatAccount ?? '',
      salesPaymentDiscountDebitAccount: general.salesPaymentDiscountDebitAccount ?? '', salesPaymentDiscountCreditAccount: general.salesPaymentDiscountCreditAccount ?? '',
      salesPaymentToleranceDebitAccount: general.salesPaymentToleranceDebitAccount ?? '', salesPaymentToleranceCreditAccount: general.salesPaymentToleranceCreditAccount ?? '',
    });
  }
  return setups;
}
