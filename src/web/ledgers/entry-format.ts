import { dec, isDecimalString, sum } from '../../core/money/decimal.ts';
import type { LedgerEntry, LedgerName } from '../api/posting-types.ts';
import { captionOf } from '../format/captions.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount, formatQuantity, formatUnitPrice } from '../format/numbers.ts';
import { ledgerSpecs, postingLedgers, type EntryValueKind, type LedgerSpec } from './ledger-specs.ts';

const decimalFormats: Partial<Record<EntryValueKind, (value: string, locale: SupportedLocale) => string>> = {
  amount: formatAmount,
  quantity: formatQuantity,
  percent: formatQuantity,
  unitAmount: formatUnitPrice,
};

/** A caption function (`t` of useCaptions in the app); by default the English caption with its `{{values}}` filled in (node tests load this module). */
export type Translate = (english: string, values?: Record<string, unknown>) => string;
const inEnglish: Translate = (english, values = {}) => english.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** An entry's value as the user reads it; '' for none. Yes/No and enum values through `caption`. */
export function formatEntryValue(value: unknown, kind: EntryValueKind, locale: SupportedLocale, caption: Translate = inEnglish): string {
  if (value === null || value === undefined || value === '') return '';
  const decimalFormat = decimalFormats[kind];
  if (decimalFormat) return isDecimalString(value) ? decimalFormat(value, locale) : String(value);
  switch (kind) {
    case 'date': return formatDate(String(value), locale);
    case 'boolean': return value === true ? caption('Yes') : caption('No');
    case 'code': return caption(captionOf(String(value)));
    case 'documentType': return caption(captionOf(String(value)), { context: 'document' });
    default: return String(value);
  }
}

export const isNumericKind = (kind: EntryValueKind) => kind in decimalFormats || kind === 'integer';

/** Σ of a decimal field over entries, exactly (as a decimal string). */
export function entryTotal(entries: readonly LedgerEntry[], field: string): string {
  return sum(entries.map((entry) => entry[field]).filter(isDecimalString).map((value) => dec(value))).toFixed(2);
}

export interface LedgerSection {
  spec: LedgerSpec;
  entries: LedgerEntry[];
  /** All entries there are; more than `entries` when the server lists only the first ones. */
  count: number;
}

type LedgerResult = Partial<Record<LedgerName, LedgerEntry[]>> & {
  entries?: Partial<Record<LedgerName, LedgerEntry[]>>;
  counts?: Partial<Record<LedgerName, number>>;
};

/**
 * The ledgers of a Preview Posting or Find entries answer, in BC's order: entries grouped under
 * `entries` or at the top level, counts from `counts` or else the entries listed. Ledgers the answer
 * does not mention are left out.
 */
export function ledgerSections(result: LedgerResult): LedgerSection[] {
  return postingLedgers.flatMap((name) => {
    const entries = result.entries?.[name] ?? result[name];
    const count = result.counts?.[name];
    if (entries === undefined && count === undefined) return [];
    return [{ spec: ledgerSpecs[name], entries: entries ?? [], count: count ?? entries?.length ?? 0 }];
  });
}
