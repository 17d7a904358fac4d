/**
 * The general journal grid's rows and the request they make: pure, so node tests load it (no API
 * client, no session). A row holds what is typed; amounts stay in the user's locale until sent.
 */
import { generalJournalPost } from '../../core/journal/general-journal.schemas.ts';
import { dec, sum } from '../../core/money/decimal.ts';
import { incrementNumber } from '../../core/number-series/next-number.ts';
import { captionOf } from '../format/captions.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { parseDecimalInput } from '../format/numbers.ts';
import { inEnglish, type Translate } from './plain-captions.ts';
import type { GeneralJournalLineRequest, GeneralJournalRequest, JournalAccountType, JournalDocumentType } from './journal-types.ts';

/** The fields the grid edits, named as the request names them: an error's path `lines.<n>.<field>` is its cell. */
export const journalRowFields = [
  'postingDate', 'documentType', 'documentNo', 'accountType', 'accountNo', 'description', 'currencyCode', 'amount',
  'balAccountType', 'balAccountNo', 'appliesToDocType', 'appliesToDocNo', 'externalDocumentNo',
] as const satisfies ReadonlyArray<keyof GeneralJournalLineRequest>;
export type JournalRowField = (typeof journalRowFields)[number];

type ChoiceField = 'documentType' | 'accountType' | 'balAccountType' | 'appliesToDocType';

export type JournalRow = { id: number } & Record<Exclude<JournalRowField, ChoiceField>, string> & {
  /** '' is BC's blank Document Type. */
  documentType: JournalDocumentType;
  accountType: JournalAccountType;
  /** Sent only with a Bal. Account No. */
  balAccountType: JournalAccountType;
  appliesToDocType: JournalDocumentType;
};

/** By the API's field path; declared here rather than taken from the API client, which node tests cannot load. */
type FieldErrors = Readonly<Record<string, string>>;

export type JournalRequestOutcome =
  | { request: GeneralJournalRequest; errors: null }
  | { request: null; errors: FieldErrors };

/** The next number of a document no. (G0009 → G0010); one without digits stays as it is. */
export function nextDocumentNo(documentNo: string): string {
  const trimmed = documentNo.trim();
  if (!/\d/.test(trimmed)) return trimmed;
  try {
    return incrementNumber(trimmed);
  } catch {
    return trimmed;
  }
}

/**
 * Σ Amount of the lines without a balancing account (a line with one balances itself), as a decimal
 * string; null when an amount is not a number or a line is in a foreign currency (no LCY to add up).
 */
export function journalBalance(rows: readonly JournalRow[], locale: SupportedLocale): string | null {
  const unbalanced = rows.filter((row) => row.balAccountNo.trim() === '');
  if (unbalanced.some((row) => row.currencyCode.trim() !== '')) return null;
  const amounts = unbalanced.map((row) => parseDecimalInput(row.amount, locale));
  if (amounts.some((amount) => amount === null)) return null;
  return sum(amounts.map((amount) => dec(amount!))).toFixed(2);
}

/** The lines at the end of the journal that form its last document (same posting date and document no.). */
function lastDocument(rows: readonly JournalRow[]): JournalRow[] {
  const last = rows.at(-1);
  if (!last) return [];
  const start = rows.findLastIndex((row) => row.documentNo !== last.documentNo || row.postingDate !== last.postingDate) + 1;
  return rows.slice(start);
}

/**
 * A new line, as BC's journal starts it: the posting date, document type and no. of the line above;
 * the next document no. when the document above balances; else the work date and a blank document.
 */
export function newJournalRow(id: number, rows: readonly JournalRow[], workDate: string, locale: SupportedLocale): JournalRow {
  const previous = rows.at(-1);
  const blank: JournalRow = {
    id, postingDate: workDate, documentType: '', documentNo: '', accountType: 'glAccount', accountNo: '', description: '', currencyCode: '',
    amount: '', balAccountType: 'glAccount', balAccountNo: '', appliesToDocType: '', appliesToDocNo: '', externalDocumentNo: '',
  };
  if (!previous) return blank;
  const balanced = journalBalance(lastDocument(rows), locale);
  const documentNo = balanced !== null && dec(balanced).isZero() ? nextDocumentNo(previous.documentNo) : previous.documentNo;
  return { ...blank, postingDate: previous.postingDate, documentType: previous.documentType, documentNo };
}

const filled = (text: string) => text.trim() !== '';

/** One row as the API takes it: blank optional fields left out, the balancing and applies-to pairs only with their number. */
function lineRequestOf(row: JournalRow, amount: string): GeneralJournalLineRequest {
  return {
    postingDate: row.postingDate,
    ...(row.documentType !== '' && { documentType: row.documentType }),
    documentNo: row.documentNo,
    ...(filled(row.externalDocumentNo) && { externalDocumentNo: row.externalDocumentNo }),
    accountType: row.accountType,
    accountNo: row.accountNo,
    ...(filled(row.description) && { description: row.description }),
    ...(filled(row.currencyCode) && { currencyCode: row.currencyCode }),
    amount,
    ...(filled(row.balAccountNo) && { balAccountType: row.balAccountType, balAccountNo: row.balAccountNo }),
    ...(filled(row.appliesToDocNo) && { appliesToDocNo: row.appliesToDocNo, ...(row.appliesToDocType !== '' && { appliesToDocType: row.appliesToDocType }) }),
  };
}

/**
 * The request the rows make, or their errors by the API's field paths (`lines.2.accountNo`): checked
 * with the API's own schema first, so a missing number is marked before anything is sent.
 */
export function journalRequestOf(rows: readonly JournalRow[], locale: SupportedLocale): JournalRequestOutcome {
  const errors: Record<string, string> = {};
  const lines = rows.map((row, index) => {
    const amount = parseDecimalInput(row.amount, locale);
    if (amount === null) errors[`lines.${index}.amount`] = 'must be a number';
    return lineRequestOf(row, amount ?? '0');
  });
  const request: GeneralJournalRequest = { lines };
  const parsed = generalJournalPost.safeParse(request);
  for (const issue of parsed.error?.issues ?? []) errors[issue.path.join('.')] ??= issue.message;
  return Object.keys(errors).length === 0 ? { request, errors: null } : { request: null, errors };
}

/** Errors that name no cell of the grid (the whole batch, a field it does not show): said in words above it, in the language of `t`. */
export function errorsOutsideCells(errors: FieldErrors, rowCount: number, t: Translate = inEnglish): string[] {
  return Object.entries(errors).flatMap(([path, message]) => {
    const cell = /^lines\.(\d+)\.(\w+)$/.exec(path);
    const index = cell ? Number.parseInt(cell[1]!, 10) : -1;
    if (cell && index < rowCount && (journalRowFields as readonly string[]).includes(cell[2]!)) return [];
    return [cell ? t('Line {{line}}, {{field}}: {{message}}', { line: index + 1, field: t(captionOf(cell[2]!)), message })
      : t('{{field}}: {{message}}', { field: t(captionOf(path)), message })];
  });
}
