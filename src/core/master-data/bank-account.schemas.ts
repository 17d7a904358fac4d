import { z } from 'zod';
import { csvStatementMappingInput } from '../bank/csv-mapping.schemas.ts';
import { amount, code, codeReference, recordSchemas, requiredText, text } from './fields.ts';

/** An IBAN as banks print it or as it is stored: spaces dropped, upper-cased, its ISO 13616 check digits right. */
export const iban = () =>
  z.string().trim().transform((value) => value.replace(/\s+/g, '').toUpperCase())
    .refine((value) => value === '' || (/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value) && ibanCheckDigitsValid(value)), 'must be an IBAN with valid check digits');

/** ISO 7064 MOD 97-10: the country and check digits moved to the end, letters as 10–35, the number mod 97 is 1. */
export function ibanCheckDigitsValid(value: string): boolean {
  let remainder = 0;
  for (const character of value.slice(4) + value.slice(0, 4)) {
    const digitValue = character >= 'A' ? character.charCodeAt(0) - 55 : character.charCodeAt(0) - 48;
    remainder = ((digitValue >= 10 ? remainder * 100 : remainder * 10) + digitValue) % 97;
  }
  return remainder === 1;
}

export const bankAccountPostingGroupSchemas = recordSchemas({ code: code() }, { description: text(100), glAccountNo: codeReference() });

export const bankAccountSchemas = recordSchemas({ no: code() }, {
  name: requiredText(100),
  bankAccountNo: text(30),
  iban: iban(),
  swiftCode: z.string().trim().transform((value) => value.toUpperCase())
    .refine((value) => value === '' || /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value), 'must be a SWIFT/BIC code of 8 or 11 characters'),
  currencyCode: codeReference(),
  bankAccPostingGroup: codeReference(),
  blocked: z.boolean(),
  matchToleranceType: z.enum(['amount', 'percentage']).describe("Apply Automatically's amount range around a statement amount: ± an amount, or ± a percentage of it."),
  matchToleranceValue: amount({ min: '0' }),
  lastPaymentStatementNo: text(20).describe('A new payment reconciliation journal takes the next statement no. after this one.'),
  lastStatementNo: text(20),
  balanceLastStatement: amount(),
  statementCsvMapping: csvStatementMappingInput.nullable().describe('How CSV statements of this bank are read: delimiter, columns, number and date formats.'),
}, ['name']);

/** A customer's own bank account: Apply Automatically matches a statement's counterparty IBAN with it. */
export const customerBankAccountSchemas = recordSchemas({ code: code(20) }, {
  name: text(100),
  bankAccountNo: text(30),
  iban: iban(),
});

/** BC's Text-to-Account Mapping: a statement text (part of it is enough) and the account such lines post to. */
export const textToAccountMappingSchemas = recordSchemas({}, {
  mappingText: requiredText(50),
  debitAccNo: codeReference().describe("G/L account of money received (statement amount ≥ 0; BC's Debit Acc. No.: the bank is debited)."),
  creditAccNo: codeReference().describe("G/L account of money paid out (statement amount < 0; BC's Credit Acc. No.)."),
  balSourceType: z.enum(['glAccount', 'customer', 'vendor', 'bankAccount']).describe('Posts to this account instead of the G/L accounts when not G/L Account.'),
  balSourceNo: codeReference(),
}, ['mappingText']);
