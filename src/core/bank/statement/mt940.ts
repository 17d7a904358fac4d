/**
 * SWIFT MT940 (customer statement) and MT942 (interim report), read by hand: the npm parsers
 * checked (mt940js) return amounts as floats and dates as Date objects and refused most of the
 * real bank files in the fixtures, so this reader is small and lenient where banks differ, and
 * strict where a wrong value would be imported (amounts, dates, balances, required fields).
 */
import { DomainError } from '../../errors.ts';
import type { IsoDate } from '../../dates/calendar-date.ts';
import { finishStatementFile } from './finish-statement-file.ts';
import { parseDetails } from './mt940-details.ts';
import { splitMt940Messages, type Mt940Message, type Mt940Tag } from './mt940-lines.ts';
import { parseStatementLine } from './mt940-statement-line.ts';
import { mt940Balance, mt940Date, type Mt940Place } from './mt940-values.ts';
import type { ParsedStatementDraft, ParsedStatementFile, StatementBalance, StatementParseOptions, StatementTransactionDraft } from './statement-file.ts';
import { defaultFileName } from './statement-file.ts';
import { compactIban, joinTexts, looksLikeIban } from './statement-values.ts';

export function parseMt940(text: string, options: StatementParseOptions = {}): ParsedStatementFile {
  const fileName = options.fileName ?? defaultFileName;
  const messages = splitMt940Messages(text);
  if (messages.length === 0) {
    throw new DomainError('STATEMENT_FORMAT_UNKNOWN', { fileName, reason: 'it has no MT940 fields (:20:, :25:, :61: …)' });
  }
  const statements = messages.map((message, index) => readMessage(message, index, fileName));
  const format = statements.every((statement) => statement.format === 'mt942') ? 'mt942' : 'mt940';
  return finishStatementFile(format, statements, { ...options, fileName });
}

function tagValue(message: Mt940Message, ...tags: string[]): Mt940Tag | undefined {
  return message.tags.find((tag) => tags.includes(tag.tag));
}

function required(message: Mt940Message, place: Mt940Place, field: string, ...tags: string[]): Mt940Tag {
  const tag = tagValue(message, ...tags);
  if (!tag) throw new DomainError('STATEMENT_FIELD_MISSING', { ...place, field });
  return tag;
}

function readMessage(message: Mt940Message, index: number, fileName: string): ParsedStatementDraft {
  const reference = tagValue(message, '20');
  const where = `message ${index + 1}${reference ? ` (:20: ${reference.value.trim()})` : ` (line ${message.tags[0]!.line})`}`;
  const place = { fileName, where };
  const statementId = required(message, place, 'transaction reference (:20:)', '20').value.trim();
  assertSingleFields(message, place);
  const account = required(message, place, 'account identification (:25:)', '25').value.replace(/\s+/g, '');
  // MT942 reports intraday movements: no opening or closing balance, a floor limit (:34F:) and a date (:13D:).
  const interim = !tagValue(message, '60F', '60M') && !!tagValue(message, '34F', '13D', '13');
  const { opening, closing, currency } = interim ? interimCurrency(message) : balances(message, place);
  const { statementNo, sequenceNo } = statementNumber(tagValue(message, '28C', '28')?.value ?? '');
  const transactions = readTransactions(message, { fileName, where }, currency);
  const reportDate = tagValue(message, '13D', '13')?.value.trim().slice(0, 6);
  const accountIban = account.split('/').find(looksLikeIban);
  return {
    format: interim ? 'mt942' : 'mt940',
    statementId,
    statementNo,
    sequenceNo,
    accountIban: accountIban ? compactIban(accountIban) : '',
    accountNo: accountIban ? '' : account,
    currency,
    statementDate: closing?.date ?? (reportDate ? mt940Date(reportDate, place, ':13D:') : lastBookingDate(transactions)),
    fromDate: null,
    toDate: null,
    openingBalance: opening,
    closingBalance: closing,
    transactions,
  };
}

/** A field a statement has once, found twice, means a mislabelled field: which value would be the right one is unknown. */
function assertSingleFields(message: Mt940Message, place: Mt940Place): void {
  const seen = new Map<string, number>();
  for (const tag of message.tags) {
    const field = tag.tag.slice(0, 2);
    if (!['25', '28', '60', '62', '64', '13'].includes(field)) continue;
    const first = seen.get(field);
    if (first !== undefined) {
      throw new DomainError('STATEMENT_FILE_MALFORMED', { fileName: place.fileName, reason: `in ${place.where} the field :${tag.tag}: occurs twice (lines ${first} and ${tag.line})` });
    }
    seen.set(field, tag.line);
  }
}

/** :28C: 'statement/sequence'; without the slash, five digits of statement number and the rest sequence (5n[/5n]). */
function statementNumber(value: string): { statementNo: string; sequenceNo: string } {
  const text = value.trim();
  if (text.includes('/')) {
    const [statementNo = '', sequenceNo = ''] = text.split('/');
    return { statementNo, sequenceNo };
  }
  return /^\d{6,}$/.test(text) ? { statementNo: text.slice(0, 5), sequenceNo: text.slice(5) } : { statementNo: text, sequenceNo: '' };
}

function balances(message: Mt940Message, place: Mt940Place): { opening: StatementBalance; closing: StatementBalance; currency: string } {
  const opening = mt940Balance(required(message, place, 'opening balance (:60F:)', '60F', '60M').value, place, ':60F:', '');
  const closing = mt940Balance(required(message, place, 'closing balance (:62F:)', '62F', '62M').value, place, ':62F:', opening.currency);
  return { opening, closing, currency: opening.currency };
}

function interimCurrency(message: Mt940Message): { opening: null; closing: null; currency: string } {
  const floorLimit = tagValue(message, '34F')?.value.trim() ?? '';
  return { opening: null, closing: null, currency: /^[A-Z]{3}/.test(floorLimit) ? floorLimit.slice(0, 3) : '' };
}

function lastBookingDate(transactions: readonly StatementTransactionDraft[]): IsoDate | null {
  return transactions.reduce<IsoDate | null>((last, transaction) => (last === null || transaction.bookingDate > last ? transaction.bookingDate : last), null);
}

/** Each :61: with the :86: and :NS: fields that follow it (until the next :61: or a balance). */
function readTransactions(message: Mt940Message, place: Mt940Place, currency: string): StatementTransactionDraft[] {
  const groups: Array<{ line: Mt940Tag; details: string[]; nonSwift: string[] }> = [];
  for (const tag of message.tags) {
    if (tag.tag === '61') groups.push({ line: tag, details: [], nonSwift: [] });
    else if (tag.tag === '86' && groups.length > 0) groups[groups.length - 1]!.details.push(tag.value);
    else if (tag.tag === 'NS' && groups.length > 0) groups[groups.length - 1]!.nonSwift.push(tag.value);
    // A balance or the statement's own :86: after the last balance closes the transaction list.
    if (/^(6[0245]|9\d)/.test(tag.tag) && groups.length > 0) break;
  }
  return groups.map(({ line, details, nonSwift }) => {
    const statementLine = parseStatementLine(line.value, { ...place, where: `${place.where}, :61: on line ${line.line}` });
    const detail = parseDetails(details.join('\n'));
    return {
      bookingDate: statementLine.bookingDate,
      valueDate: statementLine.valueDate,
      amount: statementLine.amount,
      currency,
      status: 'booked',
      reversal: statementLine.reversal,
      transactionText: detail.transactionText,
      additionalTransactionInfo: joinTexts([detail.additionalTransactionInfo, statementLine.supplementaryDetails, ...nonSwift]),
      relatedPartyName: detail.relatedPartyName,
      relatedPartyAddress: '',
      relatedPartyCity: detail.relatedPartyCity,
      relatedPartyBankAccountNo: detail.relatedPartyBankAccountNo,
      paymentReferenceNo: detail.paymentReferenceNo,
      bankReference: statementLine.bankReference,
      endToEndId: detail.endToEndId,
      bankTransactionCode: joinTexts([statementLine.transactionType, detail.transactionCode]),
    };
  });
}
