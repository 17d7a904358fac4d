import { z } from 'zod';
import { code, codeReference, integerField, recordSchemas, text } from '../master-data/fields.ts';
import { generalJournalLine, generalJournalPost } from './general-journal.schemas.ts';
import { journalTemplateTypes } from './journal-batch.ts';
import { journalAccountTypes } from './journal-line.ts';

/** Gen. Journal Template: a source code left out is the standard one of its type (GENJNL, CASHRECJNL, PAYMENTJNL). */
export const journalTemplateSchemas = recordSchemas({ name: code(10) }, {
  description: text(80),
  type: z.enum(journalTemplateTypes),
  sourceCode: code(10),
});

/** Gen. Journal Batch: its number series numbers new lines and is drawn at posting; its balancing account goes on each new line. */
export const journalBatchSchemas = recordSchemas({ name: code(10) }, {
  description: text(100),
  noSeriesCode: codeReference(),
  balAccountType: z.enum(journalAccountTypes).nullable(),
  balAccountNo: codeReference(),
});

/**
 * A new line of a batch: any field of the general journal's line; what is left out comes from the
 * line above and the batch (journal-batch.ts newLineDefaults). Drafts may be incomplete: posting
 * names the line and the field that is missing.
 */
export const journalLineCreate = generalJournalLine.partial().extend({
  lineNo: integerField({ min: 1 }).optional().describe('Left out: 10000 after the last line.'),
});
export type JournalLineCreateInput = z.output<typeof journalLineCreate>;

/** The optional fields of a line can be cleared with null; the ones every line has can only be changed. */
const clearable = [
  'documentType', 'externalDocumentNo', 'description', 'currencyFactor', 'amountLcy', 'balAccountType', 'balAccountNo',
  'appliesToDocType', 'appliesToDocNo', 'appliesToId', 'dueDate', 'paymentDiscountDate', 'paymentDiscountPercent',
] as const;

export const journalLineUpdate = generalJournalLine.partial().extend(Object.fromEntries(
  clearable.map((field) => [field, (generalJournalLine.shape[field] as z.ZodType).nullable().optional()]),
) as { [F in (typeof clearable)[number]]: z.ZodOptional<z.ZodNullable<(typeof generalJournalLine.shape)[F]>> });
export type JournalLineUpdateInput = z.output<typeof journalLineUpdate>;

export const journalLinesImport = z.strictObject({
  lines: z.array(journalLineCreate).min(1, 'must hold at least one line').max(10_000),
});
export type JournalLinesImportInput = z.output<typeof journalLinesImport>;

/** Posting a batch takes the general journal's posting options (all but the lines, which are the batch's); none today. */
export const journalBatchPost = generalJournalPost.omit({ lines: true }).nullish();
export type JournalBatchPostInput = NonNullable<z.output<typeof journalBatchPost>>;
