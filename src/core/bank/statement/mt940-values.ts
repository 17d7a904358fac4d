/** MT940 amounts ('1234,56', '500,', '00,12'), dates (YYMMDD) and balances (C240312EUR1234,56). */
import { DomainError } from '../../errors.ts';
import { daysInMonth, toDayNumber, type IsoDate } from '../../dates/calendar-date.ts';
import { dec, type Decimal } from '../../money/decimal.ts';
import type { StatementBalance } from './statement-file.ts';
import { isoDateOf } from './statement-values.ts';

export interface Mt940Place {
  readonly fileName: string;
  readonly where: string;
}

/** An unsigned MT940 amount: digits with a decimal comma, the decimals optional ('500,' is 500). */
export function mt940Amount(text: string, place: Mt940Place, field: string): Decimal {
  if (!/^\d+(,\d*)?$/.test(text)) {
    throw new DomainError('STATEMENT_FIELD_INVALID', { ...place, field, value: text, expected: 'an amount like 1234,56' });
  }
  const [whole, fraction = ''] = text.split(',');
  return dec(fraction === '' ? whole! : `${whole}.${fraction}`);
}

/**
 * YYMMDD → ISO date; years 80–99 are 1980–1999. German banks write interest value dates such as
 * 30 February (a 30-day month convention): a day past the month's end but no later than the 31st
 * is read as the month's last day, the way other MT940 readers do.
 */
export function mt940Date(text: string, place: Mt940Place, field: string): IsoDate {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  const refuse = () => new DomainError('STATEMENT_FIELD_INVALID', { ...place, field, value: text, expected: 'a date YYMMDD' });
  if (!match) throw refuse();
  const year = (match[1]! < '80' ? 2000 : 1900) + parseInt(match[1]!, 10);
  const month = parseInt(match[2]!, 10);
  const day = parseInt(match[3]!, 10);
  if (month < 1 || month > 12 || day < 1 || day > 31) throw refuse();
  const date = isoDateOf(String(year), match[2]!, String(Math.min(day, daysInMonth(year, month))));
  if (date === null) throw refuse();
  return date;
}

/** The entry date (MMDD) in the year that puts it nearest the value date (a December value date may book in January). */
export function mt940EntryDate(monthDay: string, valueDate: IsoDate, place: Mt940Place): IsoDate {
  const valueYear = parseInt(valueDate.slice(0, 4), 10);
  const candidates = [valueYear - 1, valueYear, valueYear + 1].map((year) =>
    mt940Date(`${String(year % 100).padStart(2, '0')}${monthDay}`, place, 'entry date'));
  const distance = (date: IsoDate) => Math.abs(toDayNumber(date) - toDayNumber(valueDate));
  return candidates.reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best));
}

/** :60F:/:62F: and friends: mark, date, currency (some banks leave it out) and amount. */
export function mt940Balance(value: string, place: Mt940Place, field: string, fallbackCurrency: string): StatementBalance {
  const compact = value.replace(/\s+/g, '');
  const match = /^([CD])(\d{6})([A-Z]{3})?(.*)$/.exec(compact);
  if (!match) {
    throw new DomainError('STATEMENT_FIELD_INVALID', { ...place, field, value: compact, expected: 'a balance like C240312EUR1234,56' });
  }
  const amount = mt940Amount(match[4]!, place, field);
  return {
    amount: match[1] === 'D' ? dec(amount.negated()) : amount,
    currency: match[3] ?? fallbackCurrency,
    date: mt940Date(match[2]!, place, field),
  };
}
