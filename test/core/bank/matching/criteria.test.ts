/**
 * Criteria 1 and 2: document numbers as whole tokens, payment references, related party by bank
 * account, name (with address and city, or unique) and transaction text; BC's string nearness.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../src/core/money/decimal.ts';
import { calculateStringNearness, longestCommonSubstring, nameNearness } from '../../../../src/core/bank/matching/string-nearness.ts';
import type { Party, StatementLine } from '../../../../src/core/bank/matching/types.ts';
import { customer, invoice, line, lineOf, match } from './fixture.ts';

describe('string nearness (BC Record Match Mgt.)', () => {
  it('takes the leftmost longest common substring, case-insensitively', () => {
    expect(longestCommonSubstring('abcXdefg', 'DEFG abc')).toBe('DEFG');
    expect(longestCommonSubstring('abcd', 'xxabcdxx')).toBe('ABCD');
    expect(longestCommonSubstring('abab', 'ba')).toBe('BA');
    expect(longestCommonSubstring('abc', 'xyz')).toBe('');
  });

  it.each([
    ['Contoso Ltd.', 'Contoso Ltd.', 100],
    ['Contoso Ltd.', 'CONTOSO LTD', 100], // the shorter string is fully covered
    ['Contoso Ltd.', 'Ltd. Contoso', 91], // "CONTOSO" + "LTD." = 11 of 12
    ['Contoso Ltd.', 'Invoices 103001 103002 Contoso', 58], // worked example 15, line 2: 7 of 12
    ['John Smith', 'Smith John', 90],
    ['Fabrikam', 'Fabrikan', 87], // "FABRIKA" 7 of 8
    ['ABC', 'ABC', 0], // substrings shorter than 4 never count
  ])('nearness(%s, %s) = %i', (name, description, expected) => {
    expect(calculateStringNearness(name, description, 4)).toBe(expected);
  });

  it('a description much shorter than the name is not compared (GetStringNearness)', () => {
    expect(nameNearness('Thanks', 'Contoso Ltd.')).toBe(0); // 6 < 12 × 65 %
    expect(nameNearness('  Contoso Ltd.  ', 'Contoso Ltd.')).toBe(100); // trimmed
  });
});

const documentLine = (text: string, overrides: Partial<StatementLine> = {}) => line(1, '100.00', { transactionText: text, ...overrides });
const documentResult = (statement: StatementLine, entries = [invoice(1, 'C1', '103001', '500.00')]) =>
  lineOf(match({ lines: [statement], entries }), 1).explanation.criteria?.documentNo ?? null;

describe('document no. as a whole token (criterion 2)', () => {
  it.each([
    ['at the start', '103001 thanks', true],
    ['at the end', 'Invoice 103001', true],
    ['between punctuation', 'Inv.(103001)/2026', true],
    ['the whole text', '103001', true],
    ['not inside a longer number', 'Invoice 1030012', false],
    ['not after a letter', 'INV103001', false],
    ['not before a letter', '103001A', false],
    ['found in any occurrence, not only the first (BC checks only the first)', 'Ref 1030012 for 103001', true],
  ])('%s: "%s"', (_name, text, found) => {
    expect(documentResult(documentLine(text))?.result ?? 'no').toBe(found ? 'yes' : 'no');
  });

  it('a document no. with a separator matches as a whole, whatever part of it is the key', () => {
    const entries = [invoice(1, 'C1', 'INV-103001', '500.00'), invoice(2, 'C1', 'INV-103002', '500.00')];
    expect(documentResult(documentLine('Payment inv-103002 thanks'), entries)?.found).toEqual([{ entryNo: 2, field: 'documentNo', value: 'INV-103002' }]);
    expect(documentResult(documentLine('Payment XINV-103002'), entries)).toBeNull();
    expect(documentResult(documentLine('Payment 103002'), entries)).toBeNull();
  });

  it('Additional Transaction Info is searched too', () => {
    expect(documentResult(documentLine('Transfer', { additionalTransactionInfo: 'Ref. 103001' }))?.result).toBe('yes');
  });

  it('the external document no. counts when the document no. does not occur', () => {
    const entries = [invoice(1, 'C1', '103001', '500.00', { externalDocumentNo: 'PO-4711' })];
    expect(documentResult(documentLine('Your order PO-4711'), entries)?.found).toEqual([{ entryNo: 1, field: 'externalDocumentNo', value: 'PO-4711' }]);
  });

  it('the payment reference must equal the line\'s Payment Reference No.', () => {
    const entries = [invoice(1, 'C1', '103001', '500.00', { paymentReference: 'RF18539007547034' })];
    expect(documentResult(documentLine('Transfer', { paymentReferenceNo: 'rf18539007547034' }), entries)?.found)
      .toEqual([{ entryNo: 1, field: 'paymentReference', value: 'RF18539007547034' }]);
    expect(documentResult(documentLine('Transfer', { paymentReferenceNo: 'RF185390075470' }), entries)).toBeNull();
  });

  it('numbers shorter than 4 characters never match', () => {
    const entries = [invoice(1, 'C1', '123', '500.00', { externalDocumentNo: 'AB1' })];
    expect(documentResult(documentLine('Invoice 123 order AB1'), entries)).toBeNull();
  });

  it('only entries a receipt can close, posted on or before the transaction', () => {
    const entries = [
      invoice(1, 'C1', '103001', '-500.00', { documentType: 'creditMemo' }),
      invoice(2, 'C1', '103002', '500.00', { postingDate: '2026-03-16' }),
      invoice(3, 'C1', '103003', '500.00', { documentType: 'payment' }),
    ];
    expect(lineOf(match({ lines: [documentLine('103001 103002 103003')], entries }), 1).matchConfidence).toBe('none');
  });
});

const IBAN = 'DE89370400440532013000';
const relatedParty = (statement: Partial<StatementLine>, parties: Party[]) => {
  const result = lineOf(match({ lines: [line(1, '500.00', statement)], entries: [invoice(1, 'C1', '103001', '500.00')], parties }), 1);
  return result.explanation.criteria!.relatedParty;
};

describe('related party (criterion 1)', () => {
  const contoso = customer('C1', 'Contoso Ltd.', { address: '1 Main St', city: 'Springfield', bankAccountNos: [IBAN] });

  it('Fully by bank account, spaces and case ignored; the statement\'s value may carry more', () => {
    expect(relatedParty({ relatedPartyBankAccountNo: 'de89 3704 0044 0532 0130 00' }, [contoso])).toMatchObject({ result: 'fully', basis: 'bankAccount' });
    expect(relatedParty({ relatedPartyBankAccountNo: `${IBAN}/EUR` }, [contoso])).toMatchObject({ result: 'fully', basis: 'bankAccount' });
  });

  it('bank account numbers shorter than 4 characters never match', () => {
    const short = customer('C1', 'Contoso Ltd.', { bankAccountNos: ['12'] });
    expect(relatedParty({ relatedPartyBankAccountNo: '12' }, [short]).result).toBe('no');
  });

  it('Fully by name with address and city equal', () => {
    const other = customer('C2', 'Contoso Ltd. Europe');
    expect(relatedParty({ relatedPartyName: 'Contoso Ltd.', relatedPartyAddress: '1 Main St', relatedPartyCity: 'Springfield' }, [contoso, other]))
      .toMatchObject({ result: 'fully', basis: 'relatedPartyName', nearness: 100, addressAndCityEqual: true });
  });

  it('Partially by name when another party\'s name contains it (not unique), Fully when unique', () => {
    const other = customer('C2', 'Contoso Ltd. Europe');
    expect(relatedParty({ relatedPartyName: 'CONTOSO LTD.' }, [contoso, other])).toMatchObject({ result: 'partially', nameUnique: false });
    expect(relatedParty({ relatedPartyName: 'CONTOSO LTD.' }, [contoso])).toMatchObject({ result: 'fully', nameUnique: true });
  });

  it('No below 95, with the figure', () => {
    // "CONTOSO L" is 9 of the 12 letters of the shorter name.
    expect(relatedParty({ relatedPartyName: 'Contoso Limited' }, [contoso])).toMatchObject({ result: 'no', basis: 'relatedPartyName', nearness: 75 });
  });

  it('without a related-party name the transaction text is compared, and a unique name makes it Fully', () => {
    expect(relatedParty({ transactionText: 'contoso ltd.' }, [contoso])).toMatchObject({ result: 'fully', basis: 'transactionText', nameUnique: true });
    expect(relatedParty({ transactionText: 'Payment from Contoso Ltd. Springfield, thank you very much' }, [contoso])).toMatchObject({ result: 'fully', nearness: 100 });
  });

  it('a text 65–94 near the name is No, as in BC (the spec reads ≥ 65 as Partially; BC uses 65 only to skip short texts)', () => {
    expect(relatedParty({ transactionText: 'Payment from Contoso Limited' }, [contoso])).toMatchObject({ result: 'no', basis: 'transactionText', nearness: 75 });
  });

  it('names shorter than 4 characters never match', () => {
    const abc = customer('C1', 'ABC');
    expect(relatedParty({ relatedPartyName: 'ABC' }, [abc])).toMatchObject({ result: 'no', nearness: 0 });
    expect(relatedParty({ transactionText: 'ABC' }, [abc])).toMatchObject({ result: 'no', nearness: 0 });
  });

  it('name matching can be switched off, or set to exact with permutations (BC settings)', () => {
    const statement = line(1, '500.00', { relatedPartyName: 'Smith John' });
    const entries = [invoice(1, 'C1', '103001', '500.00')];
    const parties = [customer('C1', 'John Smith')];
    const disabled = lineOf(match({ lines: [statement], entries, parties, relatedPartyNameMatching: 'disabled' }), 1);
    expect(disabled.explanation.criteria!.relatedParty).toMatchObject({ result: 'no', basis: 'nameMatchingDisabled' });
    const permutations = lineOf(match({ lines: [statement], entries, parties, relatedPartyNameMatching: 'exactMatchWithPermutations' }), 1);
    expect(permutations.explanation.criteria!.relatedParty.result).toBe('fully');
    // String nearness: 90 < 95.
    expect(lineOf(match({ lines: [statement], entries, parties }), 1).explanation.criteria!.relatedParty).toMatchObject({ result: 'no', nearness: 90 });
  });

  it('a party found only by name (no number, no amount) still yields its entries: Fully, No, No Matches → Low/1', () => {
    const result = lineOf(match({
      lines: [line(1, '77.00', { relatedPartyName: 'Contoso Ltd.' })],
      entries: [invoice(1, 'C1', '103001', '500.00'), invoice(2, 'C1', '103002', '200.00', { dueDate: '2026-03-10' })],
      parties: [contoso],
      tolerance: { type: 'amount', value: dec('0') },
    }), 1);
    expect(result.rule).toMatchObject({ matchConfidence: 'low', priority: 1 });
    // Equally good: the oldest due date first.
    expect(result.appliedEntries.map((entry) => [entry.entryNo, entry.appliedAmount.toFixed(2)])).toEqual([[2, '77.00']]);
    expect(result.explanation.equallyGoodEntries).toBe(2);
  });
});
