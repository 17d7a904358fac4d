/**
 * Import Bank Transactions (spec §22.2 step 2): a statement file (camt.052/053/054, MT940/MT942, or
 * CSV read with the bank account's saved mapping) becomes lines of a payment reconciliation journal.
 * The file is read whole before anything is written, so a bad file imports nothing; it must be a
 * statement of this bank account and currency. A transaction imported before (same fingerprint,
 * whichever file or statement brought it) is skipped, so a file imported twice or an overlapping
 * statement adds nothing twice. Apply Automatically runs right after, unless asked not to.
 */
import { inArray, and, eq } from 'drizzle-orm';
import type { CsvStatementMapping } from '../../core/bank/statement/csv-statement.ts';
import { assertStatementsBalance } from '../../core/bank/statement/balance-check.ts';
import { parseStatementFile } from '../../core/bank/statement/parse-statement-file.ts';
import type { ParsedStatement, ParsedStatementFile, StatementTransaction } from '../../core/bank/statement/statement-file.ts';
import type { StatementImportView } from '../../core/bank/reconciliation.views.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { insertRows } from '../db/bulk-insert.ts';
import { bankReconciliationLine, importedBankTransaction } from '../db/schema/index.ts';
import { applyAutomatically } from './apply-automatically.ts';
import { createStatement } from './reconciliation.commands.ts';
import { type BankAccountRow, type StatementKey, findBankAccount, lastLineNo, loadStatement } from './reconciliation.queries.ts';

export interface StatementFile { fileName: string; content: string }

export interface ImportOptions {
  /** Into this open journal; left out: a new journal with the next statement no. */
  statementNo?: string;
  applyAutomatically: boolean;
  lcyCode: string;
  workDate: string;
}

export async function importStatementFile(tx: Executor, bankAccountNo: string, file: StatementFile, options: ImportOptions): Promise<StatementImportView & StatementKey> {
  const bank = await findBankAccount(tx, bankAccountNo, { lock: true });
  const parsed = parseStatementFile(file.fileName, file.content, {
    csvMapping: bank.statementCsvMapping as CsvStatementMapping | null, account: bank.iban || bank.bankAccountNo || bank.no, currency: bank.currencyCode ?? options.lcyCode,
    checkBalances: false,
  });
  checkAccount(parsed, bank, options.lcyCode);
  const warnings = [...ownBalanceWarnings(parsed), ...balanceWarnings(parsed, bank)];
  const booked = parsed.statements.flatMap((statement) => statement.transactions.filter((transaction) => transaction.status !== 'pending'));
  const pending = parsed.statements.reduce((count, statement) => count + statement.transactions.length, 0) - booked.length;
  if (pending > 0) warnings.push(`${pending} pending transaction(s) were left out: they are not booked yet.`);
  checkCents(parsed.fileName, booked);
  const known = await knownFingerprints(tx, bank.no, booked.map((transaction) => transaction.fingerprint));
  const fresh = booked.filter((transaction) => !known.has(transaction.fingerprint));
  if (fresh.length === 0 && options.statementNo === undefined) {
    warnings.push('Every transaction of the file was imported before: no journal was created.');
    return { bankAccountNo: bank.no, statementNo: '', fileName: file.fileName, format: parsed.format, statements: parsed.statements.length, imported: 0, skipped: booked.length, lineNos: [], applied: 0, warnings };
  }
  const key = await targetStatement(tx, bank.no, parsed, options);
  const firstLineNo = (await lastLineNo(tx, key)) + 10000;
  const lineNos = fresh.map((_, index) => firstLineNo + index * 10000);
  if (fresh.length > 0) {
    await insertRows(tx, bankReconciliationLine, fresh.map((transaction, index) => lineRow(key, lineNos[index]!, transaction)));
    await insertRows(tx, importedBankTransaction, fresh.map((transaction, index) => ({
      bankAccountNo: bank.no, fingerprint: transaction.fingerprint, statementNo: key.statementNo, statementLineNo: lineNos[index]!, fileName: file.fileName.slice(0, 255),
    })));
  }
  const applied = options.applyAutomatically && fresh.length > 0 ? (await applyAutomatically(tx, key, { lineNos })).matched : 0;
  return {
    ...key, fileName: file.fileName, format: parsed.format, statements: parsed.statements.length, imported: fresh.length, skipped: booked.length - fresh.length,
    lineNos, applied, warnings,
  };
}

/** A file of another account or currency is refused; a file naming no account (CSV, some camt.054) is taken as this one's. */
function checkAccount(parsed: ParsedStatementFile, bank: BankAccountRow, lcyCode: string): void {
  const normalize = (value: string) => value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  const bankCurrency = (bank.currencyCode ?? lcyCode).toUpperCase();
  for (const statement of parsed.statements) {
    const fileAccount = statement.accountIban || statement.accountNo;
    const ours = [bank.iban, bank.bankAccountNo].filter((value) => value !== '').map(normalize);
    if (fileAccount !== '' && ours.length > 0 && !ours.includes(normalize(fileAccount))) {
      throw new DomainError('STATEMENT_OTHER_ACCOUNT', { fileName: parsed.fileName, fileAccount, bankAccountNo: bank.no, bankAccount: bank.iban || bank.bankAccountNo });
    }
    if (statement.currency !== '' && statement.currency.toUpperCase() !== bankCurrency) {
      throw new DomainError('STATEMENT_OTHER_CURRENCY', { fileName: parsed.fileName, fileCurrency: statement.currency, bankAccountNo: bank.no, bankCurrency });
    }
  }
}

/**
 * A statement whose opening balance + booked transactions ≠ closing balance is imported with a
 * warning, not refused: the lines are what the bank booked, and the reconciliation's ending
 * balance check catches a real gap when posting.
 */
function ownBalanceWarnings(parsed: ParsedStatementFile): string[] {
  try {
    assertStatementsBalance(parsed.statements, parsed.fileName);
    return [];
  } catch (error) {
    if (error instanceof DomainError) return [error.message.replace(/; nothing was imported\.$/, '.')];
    throw error;
  }
}

/** The file's opening balance should continue from the last statement reconciled; a gap is said, not refused (a statement may be missing). */
function balanceWarnings(parsed: ParsedStatementFile, bank: BankAccountRow): string[] {
  const first = parsed.statements[0];
  if (!first?.openingBalance || bank.lastStatementNo === '') return [];
  const expected = dec(bank.balanceLastStatement);
  if (first.openingBalance.amount.equals(expected)) return [];
  return [`The statement's opening balance ${first.openingBalance.amount.toFixed(2)} differs from the balance of the last statement (${bank.lastStatementNo}), ${expected.toFixed(2)}: is a statement missing?`];
}

/** Amounts are kept to the cent: a transaction of 12.345 is refused, not rounded (18.150 is 18.15). */
function checkCents(fileName: string, transactions: readonly StatementTransaction[]): void {
  const bad = transactions.find((transaction) => transaction.amount.decimalPlaces() > 2);
  if (bad) {
    throw new DomainError('STATEMENT_FIELD_INVALID', {
      fileName, where: `the transaction of ${bad.bookingDate} (${bad.transactionText || bad.bankReference})`, field: 'amount', value: bad.amount.toString(), expected: 'an amount in cents',
    });
  }
}

async function knownFingerprints(tx: Executor, bankAccountNo: string, fingerprints: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let start = 0; start < fingerprints.length; start += 5000) {
    const chunk = fingerprints.slice(start, start + 5000);
    const rows = await tx.select({ fingerprint: importedBankTransaction.fingerprint }).from(importedBankTransaction)
      .where(and(eq(importedBankTransaction.bankAccountNo, bankAccountNo), inArray(importedBankTransaction.fingerprint, chunk)));
    for (const row of rows) known.add(row.fingerprint);
  }
  return known;
}

/** An existing journal, or a new one dated and balanced as the file's last statement. */
async function targetStatement(tx: Executor, bankAccountNo: string, parsed: ParsedStatementFile, options: ImportOptions): Promise<StatementKey> {
  if (options.statementNo !== undefined) {
    await loadStatement(tx, { bankAccountNo, statementNo: options.statementNo }, { lock: true });
    return { bankAccountNo, statementNo: options.statementNo };
  }
  const last: ParsedStatement | undefined = parsed.statements.at(-1);
  const header = await createStatement(tx, bankAccountNo, {
    statementDate: last?.statementDate ?? last?.toDate ?? undefined, statementEndingBalance: last?.closingBalance?.amount.toFixed(2),
  }, options.workDate);
  return { bankAccountNo, statementNo: header.statementNo };
}

function lineRow(key: StatementKey, statementLineNo: number, transaction: StatementTransaction) {
  return {
    ...key, statementLineNo, transactionDate: transaction.bookingDate, valueDate: transaction.valueDate ?? undefined,
    description: transaction.transactionText.slice(0, 100), transactionText: transaction.transactionText.slice(0, 140),
    additionalTransactionInfo: transaction.additionalTransactionInfo.slice(0, 500), statementAmount: transaction.amount.toFixed(2),
    relatedPartyName: transaction.relatedPartyName, relatedPartyAddress: transaction.relatedPartyAddress, relatedPartyCity: transaction.relatedPartyCity,
    relatedPartyBankAccountNo: transaction.relatedPartyBankAccountNo, paymentReferenceNo: transaction.paymentReferenceNo,
    transactionId: transaction.bankReference || transaction.endToEndId, fingerprint: transaction.fingerprint,
  };
}

