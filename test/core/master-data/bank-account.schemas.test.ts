import { describe, expect, it } from 'vitest';
import { bankAccountSchemas, ibanCheckDigitsValid } from '../../../src/core/master-data/bank-account.schemas.ts';

describe('IBAN', () => {
  it.each(['NL91ABNA0417164300', 'GB82WEST12345698765432', 'DE02120300000000202051', 'NL85INGB0006541237'])('accepts %s', (iban) => {
    expect(ibanCheckDigitsValid(iban)).toBe(true);
  });

  it.each(['NL92ABNA0417164300', 'GB82WEST12345698765423', 'DE02120300000000202015'])('refuses %s (a digit wrong or two swapped)', (iban) => {
    expect(ibanCheckDigitsValid(iban)).toBe(false);
  });

  it('takes an IBAN as printed, in groups and lower case, and stores it compact; blank stays blank', () => {
    expect(bankAccountSchemas.update.parse({ iban: ' nl91 abna 0417 1643 00 ' })).toEqual({ iban: 'NL91ABNA0417164300' });
    expect(bankAccountSchemas.update.parse({ iban: '' })).toEqual({ iban: '' });
    expect(bankAccountSchemas.update.safeParse({ iban: 'NL91 ABNA' }).success).toBe(false);
  });
});
