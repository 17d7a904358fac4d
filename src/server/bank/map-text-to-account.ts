/**
 * Map Text to Account from a journal line (BC's action on the Payment Reconciliation Journal): saves
 * a text-to-account mapping, by default for the line's transaction text, and applies it to the line
 * at once, so recurring items such as bank fees are handled by Apply Automatically from then on.
 */
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { codeReference, text } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { createRecord } from '../master-data/resource.commands.ts';
import { bankAccountResources } from './bank-account.resources.ts';
import { applyAutomatically } from './apply-automatically.ts';
import { type StatementKey, findStatementLine, loadStatement } from './reconciliation.queries.ts';

export const mapTextToAccountInput = z.strictObject({
  mappingText: text(50).optional().describe("Left out: the line's transaction text (its first 50 characters)."),
  debitAccNo: codeReference().optional(),
  creditAccNo: codeReference().optional(),
  balSourceType: z.enum(['glAccount', 'customer', 'vendor', 'bankAccount']).optional(),
  balSourceNo: codeReference().optional(),
});
export type MapTextToAccountInput = z.output<typeof mapTextToAccountInput>;

export async function mapTextToAccount(tx: Executor, key: StatementKey, lineNo: number, input: MapTextToAccountInput): Promise<void> {
  await loadStatement(tx, key, { lock: true });
  const line = await findStatementLine(tx, key, lineNo);
  const mappingText = (input.mappingText ?? line.transactionText).trim().slice(0, 50);
  if (mappingText === '') throw new DomainError('INVALID_INPUT', { detail: 'The line has no transaction text; send the mapping text.' }, 'mappingText');
  const definition = bankAccountResources.find((resource) => resource.name === 'textToAccountMappings')!;
  await createRecord(tx, definition, undefined, { ...input, mappingText });
  await applyAutomatically(tx, key, { lineNos: [lineNo] });
}
