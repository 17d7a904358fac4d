import { z } from 'zod';

const column = () => z.union([z.number().int().min(0).max(200), z.string().trim().min(1).max(100)])
  .describe('A column: its position from 0, or its heading when the file has a header row.');

/**
 * How a bank's CSV statements are read (saved on the bank account): the columns of the date, the
 * amount (one signed column, or a debit and a credit column), the texts and the counterparty, and
 * the number and date formats the bank writes.
 */
export const csvStatementMappingInput = z.strictObject({
  delimiter: z.string().min(1).max(1).default(';'),
  headerRow: z.boolean().default(true),
  dateColumn: column(),
  valueDateColumn: column().optional(),
  amountColumn: column().optional(),
  debitColumn: column().optional(),
  creditColumn: column().optional(),
  textColumn: column().optional(),
  counterpartyNameColumn: column().optional(),
  counterpartyIbanColumn: column().optional(),
  referenceColumn: column().optional(),
  decimalSeparator: z.enum([',', '.']).default(','),
  thousandsSeparator: z.enum(['', '.', ',', ' ', "'"]).default(''),
  dateFormat: z.enum(['DD.MM.YYYY', 'YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD-MM-YYYY']).default('DD.MM.YYYY'),
}).refine((mapping) => mapping.amountColumn !== undefined || (mapping.debitColumn !== undefined && mapping.creditColumn !== undefined), {
  message: 'needs an amount column, or a debit and a credit column',
});
export type CsvStatementMappingInput = z.output<typeof csvStatementMappingInput>;
