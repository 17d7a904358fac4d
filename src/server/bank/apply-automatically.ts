/**
 * Apply Automatically (spec §22.2 step 3, §22.3): loads what the pure matching engine
 * (core/bank/matching) needs in a few set-based queries — the statement's lines, the open customer
 * entries in the bank account's currency that no other journal or Apply Entries session holds, the
 * customers with their bank accounts, the bank's tolerance, the rule table and the text mappings —
 * and writes its decisions back in a few statements. Manual and accepted lines keep what they have.
 */
import { and, asc, inArray, ne, sql } from 'drizzle-orm';
import { applyAutomatically as matchLines } from '../../core/bank/matching/apply-automatically.ts';
import type {
  LineMatch, MatchConfidence, OpenEntry, OpenEntryDocumentType, Party, PaymentApplicationRule, StatementLine, TextToAccountMapping,
} from '../../core/bank/matching/types.ts';
import type { ApplyAutomaticallyView } from '../../core/bank/reconciliation.views.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { insertRows } from '../db/bulk-insert.ts';
import {
  appliedPaymentEntry, bankReconciliationLine, customer, customerBankAccount, paymentApplicationRule, textToAccountMapping,
} from '../db/schema/index.ts';
import { type StatementKey, appliedOfStatement, lineOfStatement, loadStatement } from './reconciliation.queries.ts';

export async function applyAutomatically(tx: Executor, key: StatementKey, options: { lineNos?: readonly number[] } = {}): Promise<ApplyAutomaticallyView> {
  const started = performance.now();
  const { bank } = await loadStatement(tx, key, { lock: true });
  const only = options.lineNos ? new Set(options.lineNos) : undefined;
  const rows = (await linesToMatch(tx, key)).filter((row) => !only || only.has(row.statementLineNo));
  const kept = await keptApplications(tx, key, new Set(rows.filter(keepsApplication).map((row) => row.statementLineNo)));
  // One after the other: a transaction is one connection, which runs one query at a time anyway (and
  // node-postgres deprecates overlapping queries on a client).
  const entries = await openEntries(tx, key, bank.currencyCode ?? '');
  const parties = await customerParties(tx);
  const rules = await applicationRules(tx);
  const textMappings = await mappings(tx);
  const result = matchLines({
    lines: rows.map((row) => statementLine(row, kept)), entries, parties, rules, textMappings,
    tolerance: { type: bank.matchToleranceType as 'amount' | 'percentage', value: dec(bank.matchToleranceValue) },
  });
  const matched = result.lines.filter((line) => !line.skipped);
  await writeMatches(tx, key, matched);
  const byConfidence: Record<string, number> = {};
  for (const line of matched) byConfidence[line.matchConfidence] = (byConfidence[line.matchConfidence] ?? 0) + 1;
  return {
    lines: rows.length, matched: matched.filter((line) => line.matchConfidence !== 'none').length, byConfidence,
    milliseconds: Math.round(performance.now() - started),
  };
}

const keepsApplication = (row: LineToMatch) => row.matchConfidence === 'manual' || row.matchConfidence === 'accepted';

function statementLine(row: LineToMatch, kept: ReadonlyMap<number, number[]>): StatementLine {
  return {
    lineNo: row.statementLineNo, transactionDate: row.transactionDate, statementAmount: dec(row.statementAmount),
    transactionText: row.transactionText, additionalTransactionInfo: row.additionalTransactionInfo,
    relatedPartyName: row.relatedPartyName, relatedPartyAddress: row.relatedPartyAddress, relatedPartyCity: row.relatedPartyCity,
    relatedPartyBankAccountNo: row.relatedPartyBankAccountNo, paymentReferenceNo: row.paymentReferenceNo,
    matchConfidence: row.matchConfidence as MatchConfidence,
    ...(keepsApplication(row) ? { appliedEntryNos: kept.get(row.statementLineNo) ?? [] } : {}),
  };
}

/** The columns matching reads, not the stored match details: PGlite would parse every line's JSON for nothing. */
async function linesToMatch(tx: Executor, key: StatementKey) {
  const line = bankReconciliationLine;
  return tx.select({
    statementLineNo: line.statementLineNo, transactionDate: line.transactionDate, statementAmount: line.statementAmount,
    transactionText: line.transactionText, additionalTransactionInfo: line.additionalTransactionInfo, relatedPartyName: line.relatedPartyName,
    relatedPartyAddress: line.relatedPartyAddress, relatedPartyCity: line.relatedPartyCity, relatedPartyBankAccountNo: line.relatedPartyBankAccountNo,
    paymentReferenceNo: line.paymentReferenceNo, matchConfidence: line.matchConfidence,
  }).from(line).where(lineOfStatement(key)).orderBy(asc(line.statementLineNo));
}
type LineToMatch = Awaited<ReturnType<typeof linesToMatch>>[number];

/**
 * The entries the lines applied by hand or accepted keep: two columns of the statement's applications, picked
 * here rather than joined with the lines, since on freshly imported lines (no statistics yet) PGlite planned
 * that join as a nested loop over both tables: 100 s for 10,000 lines (bench/bank-statement.ts).
 */
async function keptApplications(tx: Executor, key: StatementKey, keptLineNos: ReadonlySet<number>): Promise<Map<number, number[]>> {
  const kept = new Map<number, number[]>();
  if (keptLineNos.size === 0) return kept;
  const rows = await tx.select({ lineNo: appliedPaymentEntry.statementLineNo, entryNo: appliedPaymentEntry.appliesToEntryNo }).from(appliedPaymentEntry)
    .where(and(appliedOfStatement(key), ne(appliedPaymentEntry.appliesToEntryNo, 0)))
    .orderBy(asc(appliedPaymentEntry.statementLineNo), asc(appliedPaymentEntry.appliesToEntryNo));
  for (const row of rows.filter((entry) => keptLineNos.has(entry.lineNo))) {
    const entryNos = kept.get(row.lineNo);
    if (entryNos) entryNos.push(row.entryNo);
    else kept.set(row.lineNo, [row.entryNo]);
  }
  return kept;
}

/**
 * Open customer entries in the bank's currency, less those marked by Apply Entries or applied in another statement.
 * They come as JSON arrays of up to 10,000 entries: PGlite decodes every field of a result in JavaScript, and
 * 100,000 entries of eleven fields each took three times as long to read (bench/bank-statement.ts).
 */
async function openEntries(tx: Executor, key: StatementKey, currencyCode: string): Promise<OpenEntry[]> {
  const result = await tx.execute(sql`
    SELECT json_agg(json_build_array(e.entry_no, e.customer_no, e.document_type, e.document_no, e.external_document_no, e.posting_date, e.due_date,
             e.remaining_amount::text, e.remaining_payment_discount_possible::text, e.payment_discount_date, e.payment_discount_tolerance_date)
           ORDER BY e.entry_no)::text AS entries
    FROM customer_ledger_entry e
    WHERE e.open AND e.currency_code = ${currencyCode}
      AND NOT EXISTS (SELECT 1 FROM customer_entry_apply_mark m WHERE m.customer_ledger_entry_no = e.entry_no)
      AND NOT EXISTS (SELECT 1 FROM applied_payment_entry a WHERE a.account_type = 'customer' AND a.applies_to_entry_no = e.entry_no
                        AND NOT (a.bank_account_no = ${key.bankAccountNo} AND a.statement_no = ${key.statementNo}))
    GROUP BY e.entry_no / 10000 ORDER BY e.entry_no / 10000`);
  return (result as unknown as { rows: { entries: string }[] }).rows.flatMap((row) => (JSON.parse(row.entries) as OpenEntryRow[]).map(openEntry));
}

type OpenEntryRow = [number, string, OpenEntryDocumentType, string, string, string, string | null, string, string, string | null, string | null];

function openEntry([entryNo, customerNo, documentType, documentNo, externalDocumentNo, postingDate, dueDate, remaining, discount, discountDate, discountToleranceDate]: OpenEntryRow): OpenEntry {
  return {
    entryNo, accountType: 'customer', accountNo: customerNo, documentType, documentNo, externalDocumentNo, paymentReference: '',
    postingDate, dueDate: dueDate ?? postingDate, remainingAmount: dec(remaining), remainingPaymentDiscountPossible: dec(discount),
    paymentDiscountDate: discountDate, paymentDiscountToleranceDate: discountToleranceDate,
  };
}

async function customerParties(tx: Executor): Promise<Party[]> {
  const customers = await tx.select({ no: customer.no, name: customer.name, address: customer.address, city: customer.city }).from(customer);
  const accounts = await tx.select({ customerNo: customerBankAccount.customerNo, iban: customerBankAccount.iban, bankAccountNo: customerBankAccount.bankAccountNo })
    .from(customerBankAccount);
  const numbers = new Map<string, string[]>();
  for (const account of accounts) {
    const list = numbers.get(account.customerNo) ?? [];
    for (const value of [account.iban, account.bankAccountNo]) if (value !== '') list.push(value);
    numbers.set(account.customerNo, list);
  }
  return customers.map((row) => ({ accountType: 'customer', ...row, bankAccountNos: numbers.get(row.no) ?? [] }));
}

async function applicationRules(tx: Executor): Promise<PaymentApplicationRule[]> {
  const rows = await tx.select().from(paymentApplicationRule);
  return rows.map((row) => ({
    matchConfidence: row.matchConfidence as PaymentApplicationRule['matchConfidence'], priority: row.priority, reviewRequired: row.reviewRequired,
    relatedPartyMatched: row.relatedPartyMatched as PaymentApplicationRule['relatedPartyMatched'],
    documentNoMatched: row.docNoMatched as PaymentApplicationRule['documentNoMatched'],
    amountMatched: row.amountInclToleranceMatched as PaymentApplicationRule['amountMatched'],
  }));
}

async function mappings(tx: Executor): Promise<TextToAccountMapping[]> {
  const rows = await tx.select().from(textToAccountMapping);
  return rows.map((row) => ({
    mappingText: row.mappingText, debitAccountNo: row.debitAccNo ?? '', creditAccountNo: row.creditAccNo ?? '',
    balSourceType: row.balSourceType as TextToAccountMapping['balSourceType'], balSourceNo: row.balSourceNo ?? '',
  }));
}

/** The matched lines' applications replaced in one DELETE and one INSERT; the lines updated by UPDATE … FROM, a thousand at a time. */
async function writeMatches(tx: Executor, key: StatementKey, matched: readonly LineMatch[]): Promise<void> {
  if (matched.length === 0) return;
  const lineNos = matched.map((line) => line.lineNo);
  await tx.delete(appliedPaymentEntry).where(and(appliedOfStatement(key), inArray(appliedPaymentEntry.statementLineNo, lineNos)));
  const appliedRows = matched.flatMap((line) => appliedRowsOf(key, line));
  if (appliedRows.length > 0) await insertRows(tx, appliedPaymentEntry, appliedRows);
  const updates = matched.map((line) => ({
    line_no: line.lineNo, account_type: line.accountType, account_no: line.accountNo, applied_amount: line.appliedAmount.toFixed(2),
    match_confidence: line.matchConfidence, match_quality: line.matchQuality,
    match_details: { rule: line.rule, reviewRequired: line.reviewRequired, ...line.explanation },
  }));
  for (let start = 0; start < updates.length; start += LINES_PER_UPDATE) await updateLines(tx, key, updates.slice(start, start + LINES_PER_UPDATE));
}

/**
 * Lines per UPDATE: each line carries ~1 KB of match details, and one statement of 10,000 lines made
 * PGlite grow its WebAssembly heap (a copy of all of it) while parsing 8 MB of JSON: 2 s instead of ~1.
 */
const LINES_PER_UPDATE = 1000;

async function updateLines(tx: Executor, key: StatementKey, updates: readonly object[]): Promise<void> {
  await tx.execute(sql`UPDATE ${bankReconciliationLine} SET account_type = u.account_type, account_no = u.account_no, applied_amount = u.applied_amount,
      match_confidence = u.match_confidence, match_quality = u.match_quality, match_details = u.match_details, version = version + 1, updated_at = now()
    FROM json_to_recordset(${JSON.stringify(updates)}::json)
      AS u(line_no integer, account_type text, account_no text, applied_amount numeric, match_confidence text, match_quality integer, match_details jsonb)
    WHERE ${lineOfStatement(key)} AND ${bankReconciliationLine.statementLineNo} = u.line_no`);
}

/** A text mapping (no entry) posts the whole line to its account: one applied row with entry no. 0. */
function appliedRowsOf(key: StatementKey, line: LineMatch) {
  const base = { ...key, statementLineNo: line.lineNo, matchConfidence: line.matchConfidence, quality: line.matchQuality };
  if (line.appliedEntries.length === 0) {
    return line.accountNo === '' ? [] : [{ ...base, accountType: line.accountType, accountNo: line.accountNo, appliesToEntryNo: 0, appliedAmount: line.appliedAmount.toFixed(2), appliedPmtDiscount: '0' }];
  }
  return line.appliedEntries.map((entry) => ({
    ...base, accountType: entry.accountType, accountNo: entry.accountNo, appliesToEntryNo: entry.entryNo,
    appliedAmount: entry.appliedAmount.toFixed(2), appliedPmtDiscount: entry.appliedPaymentDiscount.toFixed(2),
  }));
}
