/** Text-to-account mappings (BC's FindTextMappings): used unless a High match wins. */
import { describe, expect, it } from 'vitest';
import type { TextToAccountMapping } from '../../../../src/core/bank/matching/types.ts';
import { customer, invoice, line, lineOf, match, outcome } from './fixture.ts';

const glMapping = (mappingText: string, debitAccountNo: string, creditAccountNo: string): TextToAccountMapping =>
  ({ mappingText, debitAccountNo, creditAccountNo, balSourceType: 'glAccount', balSourceNo: '' });

const IBAN = 'DE89370400440532013000';
const parties = [customer('C1', 'Contoso Ltd.', { bankAccountNos: [IBAN] })];
const entries = [invoice(1, 'C1', 'INV-1001', '500.00')];

describe('text-to-account mapping', () => {
  it('a mapping text that occurs anywhere in the transaction text is enough (case-insensitive)', () => {
    const result = lineOf(match({ lines: [line(1, '-12.50', { transactionText: 'Fee MYBANK account 03/2026' })], textMappings: [glMapping('MyBank', '', '60400')] }), 1);
    expect(outcome(result)).toEqual({ confidence: 'highTextToAccountMapping', rule: null, account: 'glAccount 60400', applied: [], difference: '0.00' });
    expect(result.matchQuality).toBe(3000);
    expect(result.reviewRequired).toBe(false);
  });

  it('a G/L mapping takes the debit account for money in and the credit account for money out', () => {
    const mapping = glMapping('Interest', '84100', '94100');
    const result = match({ lines: [line(1, '3.20', { transactionText: 'Interest' }), line(2, '-1.10', { transactionText: 'Interest' })], textMappings: [mapping] });
    expect(result.lines.map((lineMatch) => lineMatch.accountNo)).toEqual(['84100', '94100']);
  });

  it('a mapping without an account for the sign is not used', () => {
    const result = lineOf(match({ lines: [line(1, '5.00', { transactionText: 'MyBank refund' })], textMappings: [glMapping('MyBank', '', '60400')] }), 1);
    expect(result.matchConfidence).toBe('none');
  });

  it('a mapping to a vendor posts to the Bal. Source', () => {
    const mapping: TextToAccountMapping = { mappingText: 'Fuel', debitAccountNo: '', creditAccountNo: '', balSourceType: 'vendor', balSourceNo: 'V-SHELL' };
    expect(outcome(lineOf(match({ lines: [line(1, '-80.00', { transactionText: 'Card Fuel station 12' })], textMappings: [mapping] }), 1)).account).toBe('vendor V-SHELL');
  });

  it('of several, the longest mapping text wins', () => {
    const result = lineOf(match({ lines: [line(1, '-9.00', { transactionText: 'MyBank card fee' })], textMappings: [glMapping('Bank', '', '60100'), glMapping('MyBank card', '', '60400')] }), 1);
    expect(result.accountNo).toBe('60400');
    expect(result.explanation.textMapping?.mappingText).toBe('MyBank card');
  });

  it('equally long mapping texts naming different accounts are ambiguous: none is used, and the line says so', () => {
    const result = lineOf(match({ lines: [line(1, '-9.00', { transactionText: 'Fee Bank Card' })], textMappings: [glMapping('Bank', '', '60100'), glMapping('Card', '', '60400')] }), 1);
    expect(result.matchConfidence).toBe('none');
    expect(result.explanation.notes).toEqual([{ kind: 'textMappingAmbiguous', mappingTexts: ['Bank', 'Card'] }]);
  });

  it('equally long mapping texts naming the same account are not ambiguous', () => {
    const result = lineOf(match({ lines: [line(1, '-9.00', { transactionText: 'Fee Bank Card' })], textMappings: [glMapping('Bank', '', '60400'), glMapping('Card', '', '60400')] }), 1);
    expect(result.accountNo).toBe('60400');
  });

  it('a High match overrides the mapping, and the line notes the mapping it overrode', () => {
    const statement = line(1, '500.00', { transactionText: 'MyBank transfer INV-1001', relatedPartyBankAccountNo: IBAN });
    const result = lineOf(match({ lines: [statement], entries, parties, textMappings: [glMapping('MyBank', '1200', '60400')] }), 1);
    expect(outcome(result)).toMatchObject({ confidence: 'high', rule: 'high/3', applied: ['1:500.00'] });
    expect(result.explanation.textMapping).toBeNull();
    expect(result.explanation.notes).toContainEqual({ kind: 'textMappingOverridden', mappingText: 'MyBank', confidence: 'high' });
  });

  it('the mapping beats a Medium match, which leaves the entry to another line', () => {
    const result = match({
      lines: [line(1, '500.00', { transactionText: 'MyBank INV-1001' }), line(2, '500.00', { transactionText: 'Thanks' })],
      entries, parties, textMappings: [glMapping('MyBank', '1200', '60400')],
    });
    expect(outcome(lineOf(result, 1))).toMatchObject({ confidence: 'highTextToAccountMapping', account: 'glAccount 1200', applied: [] });
    expect(lineOf(result, 1).explanation.beaten[0]).toMatchObject({ entryNos: [1], rule: { matchConfidence: 'medium', priority: 6 } });
    expect(outcome(lineOf(result, 2))).toMatchObject({ rule: 'low/4', applied: ['1:500.00'] });
  });
});
