/**
 * What a general journal posting reads (core/journal's JournalAccounts): the G/L accounts, customers,
 * vendors and bank accounts its lines name on either side, with their posting groups' accounts, and
 * the open customer entries their Applies-to Doc. No. point at. One statement per kind, whatever the
 * number of lines. Posting locks the open entries it may apply (FOR UPDATE); a preview only reads.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  CustomerBlocked, JournalAccounts, JournalBankAccount, JournalCustomer, JournalGlAccount, JournalVendor, OpenCustomerEntry, VendorBlocked,
} from '../../core/journal/journal-accounts.ts';
import type { JournalAccountType, JournalLine } from '../../core/journal/journal-line.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import {
  bankAccount, bankAccountPostingGroup, customer, customerLedgerEntry, customerPostingGroup, glAccount, vendor, vendorPostingGroup,
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

export async function loadJournalAccounts(tx: Executor, lines: readonly JournalLine[], options: { lock: boolean }): Promise<JournalAccounts> {
  const sides = sidesOf(lines);
  const customers = await loadCustomers(tx, nosOf(sides, 'customer'));
  const vendors = await loadVendors(tx, nosOf(sides, 'vendor'));
  const bankAccounts = await loadBankAccounts(tx, nosOf(sides, 'bankAccount'));
  const postingGroupAccounts = [
    ...[...customers.values()].map((row) => row.receivablesAccount), ...[...vendors.values()].map((row) => row.payablesAccount),
    ...[...bankAccounts.values()].map((row) => row.glAccountNo),
  ].filter((no) => no !== '');
  const glAccounts = await loadGlAccounts(tx, [...new Set([...nosOf(sides, 'glAccount'), ...postingGroupAccounts])]);
  const openCustomerEntries = await loadOpenCustomerEntries(tx, lines, options);
  return { glAccounts, customers, vendors, bankAccounts, openCustomerEntries };
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
    salespersonCode: customer.salespersonCode,
  }).from(customer).leftJoin(customerPostingGroup, eq(customerPostingGroup.code, customer.customerPostingGroup)).where(inArray(customer.no, nos));
  return new Map(rows.map((row) => [row.no, {
    no: row.no, blocked: row.blocked as CustomerBlocked, postingGroup: row.postingGroup ?? '', receivablesAccount: row.receivablesAccount ?? '',
    salespersonCode: row.salespersonCode ?? '',
  }]));
}

async function loadVendors(tx: Executor, nos: string[]): Promise<Map<string, JournalVendor>> {
  if (nos.length === 0) return new Map();
  const rows = await tx.select({
    no: vendor.no, blocked: vendor.blocked, postingGroup: vendor.vendorPostingGroup, payablesAccount: vendorPostingGroup.payablesAccount,
  }).from(vendor).leftJoin(vendorPostingGroup, eq(vendorPostingGroup.code, vendor.vendorPostingGroup)).where(inArray(vendor.no, nos));
  return new Map(rows.map((row) => [row.no, {
    no: row.no, blocked: row.blocked as VendorBlocked, postingGroup: row.postingGroup ?? '', payablesAccount: row.payablesAccount ?? '', purchaserCode: '',
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

async function loadOpenCustomerEntries(tx: Executor, lines: readonly JournalLine[], options: { lock: boolean }): Promise<OpenCustomerEntry[]> {
  const wanted = lines.flatMap((line) => {
    const customerNo = applyingCustomer(line);
    return customerNo && line.appliesToDocNo ? [{ customerNo, documentNo: line.appliesToDocNo }] : [];
  });
  if (wanted.length === 0) return [];
  const query = tx.select().from(customerLedgerEntry).where(and(
    inArray(customerLedgerEntry.customerNo, [...new Set(wanted.map((entry) => entry.customerNo))]),
    inArray(customerLedgerEntry.documentNo, [...new Set(wanted.map((entry) => entry.documentNo))]),
    eq(customerLedgerEntry.open, true),
  )).orderBy(asc(customerLedgerEntry.entryNo));
  const rows = options.lock ? await query.for('update') : await query;
  return rows
    .filter((row) => wanted.some((entry) => entry.customerNo === row.customerNo && entry.documentNo === row.documentNo))
    .map((row) => ({
      entryNo: row.entryNo, newEntryIndex: null, customerNo: row.customerNo, currencyCode: row.currencyCode,
      documentType: row.documentType as OpenCustomerEntry['documentType'], documentNo: row.documentNo,
      amount: dec(row.amount), amountLcy: dec(row.amountLcy), remainingAmount: dec(row.remainingAmount), remainingAmountLcy: dec(row.remainingAmountLcy),
      open: row.open,
    }));
}
