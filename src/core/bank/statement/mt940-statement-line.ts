/**
 * Field :61:, the statement line: value date, optional entry date, debit/credit mark, optional
 * funds code, amount, transaction type, the account owner's and the bank's reference, and on the
 * following lines supplementary details. Banks pad the entry date with spaces (Citi, ASN) and write
 * codes outside the standard (MCI0), so the pattern is lenient where that costs no certainty.
 */
import { DomainError } from '../../errors.ts';
import type { IsoDate } from '../../dates/calendar-date.ts';
import { dec, type Decimal } from '../../money/decimal.ts';
import { mt940Amount, mt940Date, mt940EntryDate, type Mt940Place } from './mt940-values.ts';
import { cleanText } from './statement-values.ts';

export interface Mt940StatementLine {
  readonly valueDate: IsoDate;
  readonly bookingDate: IsoDate;
  /** Signed: C and RD (reversal of a debit) are money received, D and RC money paid. */
  readonly amount: Decimal;
  readonly reversal: boolean;
  /** e.g. NTRF, NMSC, S051. */
  readonly transactionType: string;
  readonly customerReference: string;
  readonly bankReference: string;
  readonly supplementaryDetails: string;
}

const statementLine = /^(\d{6})(\d{4}|\s{4})?(RC|RD|C|D)([A-Z])?(\d+(?:,\d*)?)([A-Z][A-Z0-9 ]{3})(.*)$/;

function reference(text: string): string {
  const trimmed = text.trim();
  return trimmed === 'NONREF' ? '' : trimmed;
}

export function parseStatementLine(value: string, place: Mt940Place): Mt940StatementLine {
  const [first = '', ...rest] = value.split('\n');
  const match = statementLine.exec(first.trim());
  if (!match) {
    throw new DomainError('STATEMENT_FIELD_INVALID', { ...place, field: ':61:', value: first, expected: 'a statement line like 2403120312D212,39NTRFNONREF' });
  }
  const [, valueDateText, entryDateText, mark, , amountText, transactionType, references] = match;
  const valueDate = mt940Date(valueDateText!, place, ':61: value date');
  const entryDate = entryDateText?.trim() ? mt940EntryDate(entryDateText, valueDate, place) : valueDate;
  const magnitude = mt940Amount(amountText!, place, ':61: amount');
  const received = mark === 'C' || mark === 'RD';
  const [customerReference = '', bankReference = ''] = references!.split('//');
  return {
    valueDate,
    bookingDate: entryDate,
    amount: received ? magnitude : dec(magnitude.negated()),
    reversal: mark!.startsWith('R'),
    transactionType: transactionType!.trim(),
    customerReference: reference(customerReference),
    bankReference: reference(bankReference),
    supplementaryDetails: cleanText(rest.join(' ')),
  };
}
