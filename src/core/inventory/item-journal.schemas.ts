import { z } from 'zod';
import { code, codeReference, integerField, isoDate, quantity, text, unitAmount } from '../master-data/fields.ts';

/**
 * Item journal entry types. Opening inventory is a positive adjustment, as in Business Central;
 * purchases and sales come from their documents, not from this journal.
 */
export const itemJournalEntryTypes = ['positiveAdjustment', 'negativeAdjustment'] as const;
export type ItemJournalEntryType = (typeof itemJournalEntryTypes)[number];

export const itemJournalLine = z.strictObject({
  postingDate: isoDate(),
  entryType: z.enum(itemJournalEntryTypes),
  itemNo: code(),
  locationCode: codeReference(10).optional(),
  /** Base units, always positive: the entry type says which way the goods go. */
  quantity: quantity({ positive: true }),
  /** Positive adjustments: cost per base unit; without it the item's current cost. */
  unitCost: unitAmount({ min: '0' }).optional(),
  /** Negative adjustments: take the stock from this inbound item ledger entry (fixed application). */
  appliesToEntry: integerField({ min: 1 }).optional(),
  documentNo: code(),
  description: text(100).optional(),
});
export type ItemJournalLineInput = z.output<typeof itemJournalLine>;

export const itemJournalPost = z.strictObject({
  lines: z.array(itemJournalLine).min(1, 'must hold at least one line').max(10_000),
}).superRefine((input, context) => {
  input.lines.forEach((line, index) => {
    const wrongWay = (field: 'unitCost' | 'appliesToEntry', entryType: string) =>
      context.addIssue({ code: 'custom', path: ['lines', index, field], message: `is only for ${entryType} lines` });
    if (line.entryType === 'negativeAdjustment' && line.unitCost !== undefined) wrongWay('unitCost', 'positiveAdjustment');
    if (line.entryType === 'positiveAdjustment' && line.appliesToEntry !== undefined) wrongWay('appliesToEntry', 'negativeAdjustment');
  });
});
export type ItemJournalPostInput = z.output<typeof itemJournalPost>;
