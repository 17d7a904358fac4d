import { Anchor, List } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { findEntriesPath } from '../ledgers/entries-table.tsx';
import type { Notice } from '../layout/notices.ts';
import { matchConfidenceCaptions } from './match-confidence.ts';
import { confidenceOf, type ApplyAutomaticallyResult, type ReconciliationPostingResult } from './reconciliation-types.ts';

/** "2 of 3 lines matched: High 1, Low 1". */
export function applyAutomaticallyNotice(result: ApplyAutomaticallyResult): Omit<Notice, 'id'> {
  const counts = Object.entries(result.byConfidence).filter(([confidence]) => confidence !== 'none')
    .map(([confidence, count]) => `${matchConfidenceCaptions[confidenceOf({ matchConfidence: confidence })]} ${count}`);
  return {
    title: 'Apply Automatically',
    color: 'teal',
    body: `${result.matched} of ${result.lines} line(s) matched${counts.length > 0 ? `: ${counts.join(', ')}` : ''}.`,
  };
}

/** What posting did: the statement, whether the bank account was reconciled, and each transaction with where to find its entries. */
export function postedNotice(result: ReconciliationPostingResult, locale: SupportedLocale): Omit<Notice, 'id'> {
  return {
    title: `Statement ${result.statementNo} posted${result.reconciled ? ' and reconciled' : ''}`,
    color: 'teal',
    body: (
      <List size="sm" data-testid="posted-statement">
        <List.Item>{result.postedLines} line(s) of bank account {result.bankAccountNo}{result.reconciled ? '; its entries are closed as reconciled.' : '; its entries stay open.'}</List.Item>
        {result.transactions.map((transaction) => (
          <List.Item key={transaction.transactionNo} data-transaction-no={transaction.transactionNo}>
            Transaction {transaction.transactionNo}: document <Anchor component={Link} to={findEntriesPath(transaction.documentNo)} size="sm">{transaction.documentNo}</Anchor> of{' '}
            {formatDate(transaction.postingDate, locale)}
          </List.Item>
        ))}
      </List>
    ),
  };
}
