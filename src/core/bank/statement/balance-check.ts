/**
 * A statement that says where it starts and ends must add up: opening balance + booked
 * transactions = closing balance. A file that does not is damaged or edited, and importing it
 * would leave the bank account reconciled against numbers the bank never had.
 */
import { DomainError } from '../../errors.ts';
import { sum } from '../../money/decimal.ts';
import type { ParsedStatementDraft } from './statement-file.ts';

/** Refuses the first statement whose balances do not add up; statements without both balances pass. */
export function assertStatementsBalance(statements: readonly ParsedStatementDraft[], fileName: string): void {
  statements.forEach((statement, index) => {
    const { openingBalance, closingBalance } = statement;
    if (!openingBalance || !closingBalance) return;
    // Pending and information-only camt entries are not in the booked balances.
    const booked = statement.transactions.filter((transaction) => transaction.status === 'booked');
    const transactionTotal = sum(booked.map((transaction) => transaction.amount));
    const expectedClosing = openingBalance.amount.plus(transactionTotal);
    const sameCurrency = openingBalance.currency === closingBalance.currency;
    if (sameCurrency && expectedClosing.equals(closingBalance.amount)) return;
    throw new DomainError('STATEMENT_NOT_BALANCED', {
      fileName,
      statement: statement.statementId || String(index + 1),
      openingBalance: `${openingBalance.amount.toString()} ${openingBalance.currency}`,
      transactionTotal: transactionTotal.toString(),
      expectedClosingBalance: `${expectedClosing.toString()} ${openingBalance.currency}`,
      closingBalance: `${closingBalance.amount.toString()} ${closingBalance.currency}`,
    });
  });
}
