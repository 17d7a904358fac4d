/**
 * Journal lines → postings (BC's Gen. Jnl.-Post Batch and Gen. Jnl.-Post Line, spec §20.2, §22):
 * consecutive lines with the same posting date and document no. form one transaction, which must
 * balance in LCY. Each line posts its account side and, with a Bal. Account No., its balancing side
 * for −amount (PostBalancingEntry); a customer or vendor side applies its new entry (journal-application.ts)
 * with the discounts, tolerance, gains and losses the application posts. Pure: the shell loads the
 * accounts and the open entries, checks the posting dates, and appends each Posting with
 * server/ledger's appendPosting.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO, sum } from '../money/decimal.ts';
import type {
  BankAccountLedgerEntryDraft, CustomerLedgerEntryDraft, EntryDocument, GlEntry, GlSourceType, VatEntry, VendorLedgerEntryDraft,
} from '../posting/entries.ts';
import type { Posting } from '../posting/posting.ts';
import type { ApplicationResult } from '../receivables/application-plan.ts';
import type { ApplicationChoices, CustomerApplicationPlan } from '../receivables/application-types.ts';
import { maxPaymentTolerance, toleranceSetupOf } from '../receivables/payment-tolerance.ts';
import { bankAccountLineEntries } from './bank-account-line.ts';
import { customerLineEntries } from './customer-line.ts';
import type { JournalAccounts } from './journal-accounts.ts';
import { type ApplyingDraft, type ApplyingParty, OpenEntries, planLineApplication } from './journal-application.ts';
import { checkLineFields, type JournalSide, type ResolvedSide, resolveSide } from './journal-checks.ts';
import type { JournalLine, JournalLinePartyFacts } from './journal-line.ts';
import { vendorLineEntries } from './vendor-line.ts';

export interface JournalPostingFacts {
  /** GENJNL for the general journal; CASHRECJNL, PAYMENTJNL … for the journals built on it. */
  sourceCode: string;
  userId: string;
  /** The answers to the payment tolerance and payment discount tolerance warnings, for every line. */
  choices?: ApplicationChoices;
}

/** What postSide needs to apply a customer or vendor side: the running open entries and the request's context. */
interface ApplicationContext {
  open: OpenEntries;
  openVendors: OpenEntries;
  accounts: JournalAccounts;
  choices: ApplicationChoices;
}

/** A journal line and its position in the journal (field paths use the position). */
interface IndexedLine { line: JournalLine; index: number }

/** The entries of one transaction as they are collected, line by line. */
interface TransactionEntries {
  glEntries: GlEntry[];
  customerLedgerEntries: CustomerLedgerEntryDraft[];
  vendorLedgerEntries: VendorLedgerEntryDraft[];
  bankAccountLedgerEntries: BankAccountLedgerEntryDraft[];
  vatEntries: VatEntry[];
  customerApplications: CustomerApplicationPlan[];
  vendorApplications: CustomerApplicationPlan[];
}

export function journalPostings(lines: readonly JournalLine[], accounts: JournalAccounts, facts: JournalPostingFacts): Posting[] {
  lines.forEach((line, index) => checkLineFields(line, index));
  const context: ApplicationContext = {
    open: new OpenEntries(accounts.openCustomerEntries, accounts.customers), openVendors: new OpenEntries(accounts.openVendorEntries ?? [], accounts.vendors),
    accounts, choices: facts.choices ?? {},
  };
  return journalTransactions(lines).map((transaction) => transactionPosting(transaction, accounts, facts, context));
}

/** BC starts a new transaction whenever the posting date or the document no. changes from one line to the next. */
export function journalTransactions(lines: readonly JournalLine[]): IndexedLine[][] {
  const transactions: IndexedLine[][] = [];
  lines.forEach((line, index) => {
    const current = transactions.at(-1);
    const first = current?.[0]?.line;
    if (current && first && first.postingDate === line.postingDate && first.documentNo === line.documentNo) current.push({ line, index });
    else transactions.push([{ line, index }]);
  });
  return transactions;
}

function transactionPosting(transaction: IndexedLine[], accounts: JournalAccounts, facts: JournalPostingFacts, context: ApplicationContext): Posting {
  const entries: TransactionEntries = {
    glEntries: [], customerLedgerEntries: [], vendorLedgerEntries: [], bankAccountLedgerEntries: [], vatEntries: [], customerApplications: [], vendorApplications: [],
  };
  for (const { line, index } of transaction) {
    const sides = sidesOf(line, index);
    const applyingSide = sides.find((side) => side.line.accountType === 'customer' || side.line.accountType === 'vendor');
    checkAppliesTo(line, index, applyingSide);
    for (const side of sides) postSide(side, resolveSide(side, accounts), entries, side === applyingSide ? context : null);
  }
  const first = transaction[0]!.line;
  const last = transaction.at(-1)!;
  const difference = sum(entries.glEntries.map((entry) => entry.amount));
  if (!difference.isZero()) {
    throw new DomainError('JOURNAL_NOT_BALANCED', {
      documentNo: first.documentNo, postingDate: first.postingDate, difference: difference.toFixed(2),
    }, `lines.${last.index}.amount`);
  }
  const { customerApplications, vendorApplications, ...batch } = entries;
  return {
    facts: { postingDate: first.postingDate, sourceCode: facts.sourceCode, userId: facts.userId, document: entryDocument(first) },
    entries: batch,
    items: null,
    customerApplications,
    ...(vendorApplications.length > 0 ? { vendorApplications } : {}),
  };
}

/**
 * The line's account side, and its balancing side: the same line with the account and the balancing
 * account swapped and the amounts (and the payment discount possible) negated, as BC's PostBalancingEntry.
 */
export function sidesOf(line: JournalLine, index: number): JournalSide[] {
  const accountSide: JournalSide = { line, index, path: `lines.${index}.accountNo`, balancing: false };
  if (line.balAccountType === null) return [accountSide];
  const mirrored: JournalLine = {
    ...line,
    accountType: line.balAccountType, accountNo: line.balAccountNo, balAccountType: line.accountType, balAccountNo: line.accountNo,
    amount: line.amount.negated(), amountLcy: line.amountLcy.negated(),
    terms: line.terms ? { ...line.terms, paymentDiscountPossible: line.terms.paymentDiscountPossible.negated() } : null,
    // The party facts (Sales (LCY), salesperson …) describe the account side's party.
    party: null,
  };
  return [accountSide, { line: mirrored, index, path: `lines.${index}.balAccountNo`, balancing: true }];
}

// Applies-to goes with the line's customer or vendor side (either side).
function checkAppliesTo(line: JournalLine, index: number, applyingSide: JournalSide | undefined): void {
  const named = line.appliesToDocNo ? { field: 'appliesToDocNo', caption: 'Applies-to Doc. No.' } : line.appliesToId ? { field: 'appliesToId', caption: 'Applies-to ID' } : null;
  if (!named || applyingSide) return;
  throw new DomainError('INVALID_INPUT', { detail: `Journal line ${line.lineNo} has an ${named.caption} but neither of its accounts is a customer or a vendor` }, `lines.${index}.${named.field}`);
}

function postSide(side: JournalSide, resolved: ResolvedSide, entries: TransactionEntries, context: ApplicationContext | null): void {
  const document = entryDocument(side.line);
  switch (resolved.accountType) {
    case 'glAccount':
      entries.glEntries.push({ ...glLineEntry(side.line), document });
      return;
    case 'customer': {
      const party = side.line.party ?? partyOf(side.line, resolved.customer.salespersonCode, resolved.customer.postingGroup);
      const lines = customerLineEntries({ ...side.line, party }, resolved.receivablesAccount);
      const blocked = resolved.customer.blockPaymentTolerance ?? false;
      const customerLedgerEntry = { ...lines.customerLedgerEntry, document, maxPaymentTolerance: lineMaxPaymentTolerance(lines.customerLedgerEntry, blocked, context) };
      const glEntry = { ...lines.glEntry, document };
      entries.customerLedgerEntries.push(customerLedgerEntry);
      entries.glEntries.push(glEntry);
      const applying = { kind: 'customer' as const, ...resolved.customer };
      if (context) applyLine(side, customerLedgerEntry, entries.customerLedgerEntries.length - 1, applying, context, glEntry, entries);
      return;
    }
    case 'vendor': {
      const party = side.line.party ?? partyOf(side.line, resolved.vendor.purchaserCode, resolved.vendor.postingGroup);
      const lines = vendorLineEntries({ ...side.line, party }, resolved.payablesAccount);
      const blocked = resolved.vendor.blockPaymentTolerance ?? false;
      const vendorLedgerEntry = { ...lines.vendorLedgerEntry, document, maxPaymentTolerance: lineMaxPaymentTolerance(lines.vendorLedgerEntry, blocked, context) };
      const glEntry = { ...lines.glEntry, document };
      entries.vendorLedgerEntries.push(vendorLedgerEntry);
      entries.glEntries.push(glEntry);
      const draft: ApplyingDraft = { ...vendorLedgerEntry, customerNo: vendorLedgerEntry.vendorNo, customerPostingGroup: vendorLedgerEntry.vendorPostingGroup };
      const applying = { kind: 'vendor' as const, ...resolved.vendor };
      if (context) applyLine(side, draft, entries.vendorLedgerEntries.length - 1, applying, context, glEntry, entries);
      return;
    }
    case 'bankAccount': {
      const other = { accountType: side.line.balAccountType, accountNo: side.line.balAccountNo };
      const { bankAccountLedgerEntry, glEntry } = bankAccountLineEntries(side.line, { currencyCode: resolved.bank.currencyCode, glAccountNo: resolved.glAccountNo }, other);
      entries.bankAccountLedgerEntries.push({ ...bankAccountLedgerEntry, document });
      entries.glEntries.push({ ...glEntry, document });
    }
  }
}

/** Applies the line's new customer or vendor entry (journal-application.ts) and adds what the application posts. */
function applyLine(
  side: JournalSide, draft: ApplyingDraft, newEntryIndex: number, party: ApplyingParty, context: ApplicationContext, glEntry: GlEntry, entries: TransactionEntries,
): void {
  const vendor = party.kind === 'vendor';
  const result = planLineApplication({
    line: side.line, draft, newEntryIndex, party, open: vendor ? context.openVendors : context.open,
    accounts: context.accounts, choices: context.choices, path: `lines.${side.index}`,
  });
  if (result) addApplication(entries, glEntry, result, party.kind);
}

/**
 * Spec §20.5: an invoice or credit memo line's entry gets its Max. Payment Tolerance from the G/L
 * setup (none without a journal application setup, or for a party with Block Payment Tolerance).
 */
function lineMaxPaymentTolerance(
  draft: Pick<CustomerLedgerEntryDraft, 'documentType' | 'amount' | 'amountLcy' | 'currencyCode'>, blockPaymentTolerance: boolean, context: ApplicationContext | null,
): Decimal {
  const application = context?.accounts.application;
  if (!application) return ZERO;
  // The currency's own tolerance for an entry in a currency (BC's CalcMaxPmtTolerance), the G/L setup's in LCY.
  const lcy = { tolerancePercent: application.paymentTolerancePercent, maxToleranceAmount: application.maxPaymentToleranceAmount };
  return maxPaymentTolerance({
    documentType: draft.documentType, amount: draft.amount, amountLcy: draft.amountLcy, currencyCode: draft.currencyCode,
    ...toleranceSetupOf(draft.currencyCode, lcy, application.setup.currencies.get(draft.currencyCode)),
    blockPaymentTolerance,
    amountPrecision: application.currencyPrecisions.get(draft.currencyCode) ?? application.setup.amountPrecision,
  });
}

/**
 * The application's entries join the transaction's. Its receivables (payables) entry on the line's own
 * account is added to the line's (BC posts one receivables entry per line: Cr 1000.00
 * for a 950.00 payment that takes a 50.00 discount); others stay entries of their own.
 */
function addApplication(entries: TransactionEntries, lineGlEntry: GlEntry, result: ApplicationResult, party: 'customer' | 'vendor'): void {
  (party === 'vendor' ? entries.vendorApplications : entries.customerApplications).push(...result.applications);
  entries.vatEntries.push(...result.vatEntries);
  for (const entry of result.glEntries) {
    const receivables = entry.accountNo === lineGlEntry.accountNo && entry.sourceType === party && entry.genPostingType === '';
    if (receivables) lineGlEntry.amount = lineGlEntry.amount.plus(entry.amount);
    else entries.glEntries.push(entry);
  }
}

// A line without party facts (a payment, a balancing side) shows the party's own: no sales, its posting group.
function partyOf(line: JournalLine, salespersonPurchaserCode: string, postingGroup: string): JournalLinePartyFacts {
  return { sellToBuyFromNo: line.accountNo, salesPurchaseLcy: ZERO, invoiceDiscountLcy: ZERO, salespersonPurchaserCode, paymentMethodCode: '', postingGroup };
}

// A G/L line's entry names the party on its other side as its source, as BC's Source Type/No. do.
function glLineEntry(line: JournalLine): GlEntry {
  const sourceType: GlSourceType = line.balAccountType === null || line.balAccountType === 'glAccount' ? '' : line.balAccountType;
  return {
    accountNo: line.accountNo,
    amount: line.amountLcy,
    description: line.description,
    genPostingType: line.genPostingType,
    genBusPostingGroup: line.genBusPostingGroup,
    genProdPostingGroup: line.genProdPostingGroup,
    vatBusPostingGroup: line.vatBusPostingGroup,
    vatProdPostingGroup: line.vatProdPostingGroup,
    sourceType,
    sourceNo: sourceType === '' ? '' : line.balAccountNo,
  };
}

function entryDocument(line: JournalLine): EntryDocument {
  return { documentType: line.documentType, documentNo: line.documentNo, externalDocumentNo: line.externalDocumentNo, description: line.description };
}
