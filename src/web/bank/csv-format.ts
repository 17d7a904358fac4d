/**
 * The Statement CSV Format form of a bank account and the `statementCsvMapping` it saves
 * (src/core/bank/csv-mapping.schemas.ts). The form numbers columns from 1, as a spreadsheet and the
 * import's errors do; the mapping stores positions from 0. A column may be named by its heading.
 */
import type { CsvStatementMappingInput } from '../../core/bank/csv-mapping.schemas.ts';
import { caption } from '../i18n/captions.ts';

export type CsvStatementMapping = CsvStatementMappingInput;
type Column = CsvStatementMapping['dateColumn'];

export type ColumnField = 'dateColumn' | 'valueDateColumn' | 'amountColumn' | 'debitColumn' | 'creditColumn' | 'textColumn'
  | 'counterpartyNameColumn' | 'counterpartyIbanColumn' | 'referenceColumn';

/** One signed amount column, or a debit column (money paid) and a credit column (money received). */
export type AmountLayout = 'amount' | 'debitCredit';

export interface CsvFormatDraft {
  delimiter: string;
  headerRow: boolean;
  amountLayout: AmountLayout;
  /** As typed: empty, a number from 1, or a heading. */
  columns: Record<ColumnField, string>;
  decimalSeparator: CsvStatementMapping['decimalSeparator'];
  thousandsSeparator: CsvStatementMapping['thousandsSeparator'];
  dateFormat: CsvStatementMapping['dateFormat'];
}

export const columnCaptions: Readonly<Record<ColumnField, string>> = {
  dateColumn: 'Date column', valueDateColumn: 'Value date column', amountColumn: 'Amount column', debitColumn: 'Debit column',
  creditColumn: 'Credit column', textColumn: 'Text column', counterpartyNameColumn: 'Counterparty name column',
  counterpartyIbanColumn: 'Counterparty IBAN column', referenceColumn: 'Reference column',
};

/** The columns shown for an amount layout, in the form's order. */
export function columnFieldsOf(layout: AmountLayout): readonly ColumnField[] {
  const amounts: ColumnField[] = layout === 'amount' ? ['amountColumn'] : ['debitColumn', 'creditColumn'];
  return ['dateColumn', 'valueDateColumn', ...amounts, 'textColumn', 'counterpartyNameColumn', 'counterpartyIbanColumn', 'referenceColumn'];
}

export const delimiterChoices = [
  { value: ';', label: 'Semicolon (;)' }, { value: ',', label: 'Comma (,)' }, { value: '\t', label: 'Tab' }, { value: '|', label: 'Vertical bar (|)' },
];
export const decimalSeparatorChoices = [{ value: ',', label: 'Comma (1234,56)' }, { value: '.', label: 'Point (1234.56)' }];
export const thousandsSeparatorChoices = [
  { value: '', label: 'None' }, { value: '.', label: 'Point (1.234)' }, { value: ',', label: 'Comma (1,234)' },
  { value: ' ', label: 'Space (1 234)' }, { value: "'", label: "Apostrophe (1'234)" },
];
export const dateFormatChoices: readonly CsvStatementMapping['dateFormat'][] = ['DD.MM.YYYY', 'DD-MM-YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD'];

const columnText = (column: Column | undefined) => (column === undefined ? '' : typeof column === 'number' ? String(column + 1) : column);

/** The form of a saved mapping, or of a new one with the schema's defaults (a Dutch or German bank's export). */
export function draftOf(mapping: CsvStatementMapping | null): CsvFormatDraft {
  const columns = Object.fromEntries(Object.keys(columnCaptions).map((field) => [field, columnText(mapping?.[field as ColumnField])])) as Record<ColumnField, string>;
  return {
    delimiter: mapping?.delimiter ?? ';',
    headerRow: mapping?.headerRow ?? true,
    amountLayout: mapping && mapping.amountColumn === undefined && (mapping.debitColumn !== undefined || mapping.creditColumn !== undefined) ? 'debitCredit' : 'amount',
    columns,
    decimalSeparator: mapping?.decimalSeparator ?? ',',
    thousandsSeparator: mapping?.thousandsSeparator ?? '',
    dateFormat: mapping?.dateFormat ?? 'DD.MM.YYYY',
  };
}

/**
 * The mapping to save, or the form's own errors by field (`statementCsvMapping.<field>`, the API's
 * paths): only a column typed as 0 is caught here, since the form counts from 1; the rest is the API's.
 */
export function mappingOf(draft: CsvFormatDraft): { mapping: CsvStatementMapping } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const mapping: Record<string, unknown> = {
    delimiter: draft.delimiter, headerRow: draft.headerRow,
    decimalSeparator: draft.decimalSeparator, thousandsSeparator: draft.thousandsSeparator, dateFormat: draft.dateFormat,
  };
  for (const field of columnFieldsOf(draft.amountLayout)) {
    const typed = draft.columns[field].trim();
    if (typed === '') continue;
    if (!/^\d+$/.test(typed)) mapping[field] = typed;
    else if (Number.parseInt(typed, 10) === 0) errors[`statementCsvMapping.${field}`] = 'columns are numbered from 1';
    else mapping[field] = Number.parseInt(typed, 10) - 1;
  }
  return Object.keys(errors).length > 0 ? { errors } : { mapping: mapping as CsvStatementMapping };
}

/** "semicolon-separated, date DD.MM.YYYY": the saved format in a few words. */
export function describeMapping(mapping: CsvStatementMapping | null): string {
  if (!mapping) return caption('no CSV format');
  const choice = delimiterChoices.find((candidate) => candidate.value === mapping.delimiter);
  const delimiter = choice ? caption(choice.label) : `'${mapping.delimiter}'`;
  return caption('CSV: {{delimiter}}, dates {{dateFormat}}', { delimiter, dateFormat: mapping.dateFormat });
}
