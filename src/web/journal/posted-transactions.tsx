import { Alert, List } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { findEntriesPath } from '../ledgers/entries-table.tsx';
import type { GeneralJournalPostingResult } from './journal-types.ts';

/** "Lines 1–2" of the request's positions (from 0), as the user counts the grid's lines. */
function linesCaption(positions: readonly number[]): string {
  const first = positions[0]! + 1;
  const last = positions.at(-1)! + 1;
  return first === last ? caption('line {{line}}', { line: first }) : caption('lines {{first}}–{{last}}', { first, last });
}

/** What posting did: one transaction per document, each with its number and where to find its entries. */
export function PostedTransactions({ result, locale, describeLines = linesCaption }: {
  result: GeneralJournalPostingResult;
  locale: SupportedLocale;
  /** How the lines of a transaction are named (a batch names them by Line No.). */
  describeLines?: (lines: readonly number[]) => string;
}) {
  const t = useCaptions();
  return (
    <Alert color="teal" title={t('The journal lines were posted')} role="status">
      <List size="sm">
        {result.transactions.map((transaction) => (
          <List.Item key={transaction.transactionNo} data-transaction-no={transaction.transactionNo}>
            {t('Transaction {{transactionNo}}: document', { transactionNo: transaction.transactionNo })} <Link to={findEntriesPath(transaction.documentNo)}>{transaction.documentNo}</Link>{' '}
            {t('of {{date}} ({{lines}})', { date: formatDate(transaction.postingDate, locale), lines: describeLines(transaction.lines) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
