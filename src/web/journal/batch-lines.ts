/**
 * A journal batch's lines as the grid edits them (the cash receipt journal): each line is a draft
 * stored on the server, each cell saved on its own. Pure, so node tests can load it.
 */
import { journalLineUpdate } from '../../core/journal/journal-batch.schemas.ts';
import { lineBalance } from '../../core/journal/journal-batch.ts';
import type { JournalLineView } from '../../core/journal/journal-batch.views.ts';
import { dec, sum } from '../../core/money/decimal.ts';
import { captionOf } from '../format/captions.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput, parseDecimalInput } from '../format/numbers.ts';
import type { JournalRowField } from './journal-rows.ts';
import { inEnglish, type Translate } from './plain-captions.ts';

export type { JournalBatchPostingResult, JournalBatchPreview, JournalLineView } from '../../core/journal/journal-batch.views.ts';

/** The fields a cell of the batch grid edits: the general journal's and Applies-to ID, named as the API names them. */
export type BatchLineField = JournalRowField | 'appliesToId';

/** Fields whose blank is sent as null (the API clears them); the others every line has. */
const clearable = new Set<BatchLineField>([
  'documentType', 'externalDocumentNo', 'description', 'currencyCode', 'balAccountType', 'balAccountNo', 'appliesToDocType', 'appliesToDocNo', 'appliesToId',
]);

/** A line's value as its cell shows it: the amount in the user's locale, a blank for none. */
export function savedText(line: JournalLineView, field: BatchLineField, locale: SupportedLocale): string {
  if (field === 'amount') return decimalForInput(line.amount, locale, 2);
  return line[field] ?? '';
}

/** What a cell sends: one or more fields (the applies-to lookup sets the type and the amount too). */
export type LineChange = Partial<Record<BatchLineField, string | null>>;

export type ChangeOutcome = { change: LineChange; error: null } | { change: null; error: string };

/**
 * The PATCH body for a cell's text, checked with the API's own schema first so a bad value is
 * marked before anything is sent; the amount is read in the user's locale.
 */
export function changeOf(field: BatchLineField, text: string, locale: SupportedLocale): ChangeOutcome {
  const trimmed = text.trim();
  let value: string | null = trimmed;
  if (field === 'amount') value = parseDecimalInput(trimmed, locale);
  else if (trimmed === '' && clearable.has(field)) value = null;
  if (value === null && field === 'amount') return { change: null, error: 'must be a number' };
  const change: LineChange = { [field]: value };
  return checkedChange(change);
}

/** A change of several fields at once, checked with the API's schema. */
function checkedChange(change: LineChange): ChangeOutcome {
  const parsed = journalLineUpdate.safeParse(change);
  if (parsed.success) return { change, error: null };
  return { change: null, error: parsed.error.issues[0]?.message ?? 'is not valid' };
}

/** Whether the text typed is what the line holds already (nothing to save). */
export function isUnchanged(line: JournalLineView, field: BatchLineField, text: string, locale: SupportedLocale): boolean {
  if (field === 'amount') {
    const typed = parseDecimalInput(text, locale);
    return typed !== null && dec(typed).eq(dec(line.amount));
  }
  return (line[field] ?? '') === text.trim();
}

/** Σ Balance (LCY) of the lines, as BC's Total Balance: a line with a balancing account balances itself. */
export function batchBalance(lines: readonly JournalLineView[]): string {
  return sum(lines.map((line) => lineBalance(line))).toFixed(2);
}

/** A refusal's field path of a batch (`lines.<lineNo>.<field>`) as a cell, if it names one. */
export function cellOfPath(path: string): { lineNo: number; field: string } | null {
  const match = /^lines\.(\d+)\.(\w+)$/.exec(path);
  return match ? { lineNo: Number.parseInt(match[1]!, 10), field: match[2]! } : null;
}

/** Errors that name no cell of the grid (the batch, a line no longer there, a field it does not show): said in words above it, in the language of `t`. */
export function batchErrorsOutsideCells(errors: Readonly<Record<string, string>>, lines: readonly JournalLineView[], shown: readonly string[], t: Translate = inEnglish): string[] {
  return Object.entries(errors).flatMap(([path, message]) => {
    const cell = cellOfPath(path);
    if (cell && shown.includes(cell.field) && lines.some((line) => line.lineNo === cell.lineNo)) return [];
    return [cell ? t('Line No. {{lineNo}}, {{field}}: {{message}}', { lineNo: cell.lineNo, field: t(captionOf(cell.field)), message })
      : t('{{field}}: {{message}}', { field: t(captionOf(path)), message })];
  });
}
