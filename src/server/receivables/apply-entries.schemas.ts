/** The request of Post Application (apply-entries.commands.ts) and of marking entries with an Applies-to ID. */
import { z } from 'zod';
import { amount, code, integerField, isoDate } from '../../core/master-data/fields.ts';

const appliedEntry = z.strictObject({
  entryNo: integerField({ min: 1 }),
  amountToApply: amount().optional().describe("In the entry's currency and sign; left out or 0: as much as the applying entry covers."),
});

export const postApplicationRequest = z.strictObject({
  appliedEntries: z.array(appliedEntry).min(1, 'must name at least one entry to apply').max(10_000)
    .describe('The open entries of the same customer to apply, in the order they are applied.'),
  postingDate: isoDate().optional().describe('Left out: the latest posting date of the entries; never before it, and it must be allowed.'),
  acceptPaymentTolerance: z.boolean().optional()
    .describe('The answer to the payment tolerance warning: post the balance as payment tolerance (true) or leave it as remaining amount (false, the default when the warning is on).'),
  acceptPaymentDiscountTolerance: z.boolean().optional()
    .describe('The answer to the late payment discount warning: grant the discount within the grace period (true) or leave it as remaining amount (false, the default when the warning is on).'),
});
export type PostApplicationInput = z.output<typeof postApplicationRequest>;

export const applyMarksRequest = z.strictObject({
  entries: z.array(appliedEntry).max(10_000).describe('The entries to mark with the Applies-to ID; it replaces what the ID marked before ([] clears it).'),
});
export type ApplyMarksInput = z.output<typeof applyMarksRequest>;

export const appliesToIdParam = z.object({ appliesToId: code(50) });
