import { Anchor, List } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { findEntriesPath } from '../ledgers/entries-table.tsx';
import { caption } from '../i18n/captions.ts';
import type { Notice } from '../layout/notices.ts';
import { matchConfidenceCaptions } from './match-confidence.ts';
import { confidenceOf, type ApplyAutomaticallyResult, type ReconciliationPostingResult } from './reconciliation-types.ts';

/** "2 of 3 lines matched: High 1, Low 1". */
export function applyAutomaticallyNotice(result: ApplyAutomaticallyResult): Omit<Notice, 'id'> {
  const counts = Object.entries(result.byConfidence).filter(([confidence]) => confidence !== 'none')
    .map(([confidence, count]) => `${caption(matchConfidenceCaptions[confidenceOf({ matchConfidence: confidence })])} ${count}`);
  const matched = { matched: result.matched, lines: result.lines };
  return {
    title: caption('Apply Automatically'),
    // One notice per action, whichever language it was said in.
    action: 'Apply Automatically',
    color: 'teal',
    body: counts.length > 0
      ? caption('{{matched}} of {{lines}} line(s) matched: {{confidences}}.', { ...matched, confidences: counts.join(', ') })
      : caption('{{matched}} of {{lines}} line(s) matched.', matched),
  };
}

/** What posting did: the statement, whether the bank account was reconciled, and each transaction with where to find its entries. */
export function postedNotice(result: ReconciliationPostingResult, locale: SupportedLocale): Omit<Notice, 'id'> {
  return {
    title: result.reconciled ? caption('Statement {{statementNo}} posted and reconciled', { statementNo: result.statementNo })
      : caption('Statement {{statementNo}} posted', { statementNo: result.statementNo }),
    color: 'teal',
    body: (
      <List size="sm" data-testid="posted-statement">
        <List.Item>
          {caption(result.reconciled ? '{{postedLines}} line(s) of bank account {{bankAccountNo}}; its entries are closed as reconciled.' : '{{postedLines}} line(s) of bank account {{bankAccountNo}}; its entries stay open.',
            { postedLines: result.postedLines, bankAccountNo: result.bankAccountNo })}
        </List.Item>
        {result.transactions.map((transaction) => (
          <List.Item key={transaction.transactionNo} data-transaction-no={transaction.transactionNo}>
            {caption('Transaction {{transactionNo}}: document', { transactionNo: transaction.transactionNo })}{' '}
            <Anchor component={Link} to={findEntriesPath(transaction.documentNo)} size="sm">{transaction.documentNo}</Anchor>{' '}
            {caption('of {{date}}', { date: formatDate(transaction.postingDate, locale) })}
          </List.Item>
        ))}
      </List>
    ),
  };
}
