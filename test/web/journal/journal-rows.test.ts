import { describe, expect, it } from 'vitest';
import { generalJournalPost } from '../../../src/core/journal/general-journal.schemas.ts';
import { journalPreviewSections } from '../../../src/web/journal/journal-ledger-specs.ts';
import {
  errorsOutsideCells, journalBalance, journalRequestOf, newJournalRow, nextDocumentNo, type JournalRow,
} from '../../../src/web/journal/journal-rows.ts';
import type { GeneralJournalPreview } from '../../../src/web/journal/journal-types.ts';

const workDate = '2026-03-08';
const row = (fields: Partial<JournalRow>): JournalRow => ({ ...newJournalRow(1, [], workDate, 'nl-NL'), documentNo: 'G0001', ...fields });

describe('the general journal grid rows → the request body', () => {
  it('sends amounts as plain decimals, leaves blank optional fields out and pairs the balancing and applies-to fields with their number', () => {
    const outcome = journalRequestOf([
      row({ accountNo: '4100', description: 'March rent', amount: '1.000,50' }),
      row({ accountNo: '1010', amount: '-1000,5', balAccountType: 'bankAccount', appliesToDocType: 'invoice' }),
      row({
        documentType: 'payment', documentNo: 'PAY-1', accountType: 'customer', accountNo: 'C00010', amount: '-125', currencyCode: 'usd',
        balAccountType: 'bankAccount', balAccountNo: 'CHECKING', appliesToDocType: 'invoice', appliesToDocNo: 'PSI000001', externalDocumentNo: 'CHQ 4711',
      }),
    ], 'nl-NL');
    expect(outcome.errors).toBeNull();
    expect(outcome.request).toStrictEqual({
      lines: [
        { postingDate: workDate, documentNo: 'G0001', accountType: 'glAccount', accountNo: '4100', description: 'March rent', amount: '1000.50' },
        { postingDate: workDate, documentNo: 'G0001', accountType: 'glAccount', accountNo: '1010', amount: '-1000.5' },
        {
          postingDate: workDate, documentType: 'payment', documentNo: 'PAY-1', externalDocumentNo: 'CHQ 4711', accountType: 'customer', accountNo: 'C00010',
          currencyCode: 'usd', amount: '-125', balAccountType: 'bankAccount', balAccountNo: 'CHECKING', appliesToDocNo: 'PSI000001', appliesToDocType: 'invoice',
        },
      ],
    });
    // What the page sends, the API's schema takes.
    expect(generalJournalPost.safeParse(outcome.request).success).toBe(true);
  });

  it("marks what is wrong by the API's field paths before anything is sent", () => {
    const outcome = journalRequestOf([
      row({ accountNo: '4100', amount: 'twelve' }),
      row({ postingDate: '', documentNo: ' ', accountNo: '', amount: '5' }),
    ], 'en-US');
    expect(outcome.request).toBeNull();
    expect(outcome.errors).toEqual({
      'lines.0.amount': 'must be a number',
      'lines.1.postingDate': expect.any(String),
      'lines.1.documentNo': 'must not be empty',
      'lines.1.accountNo': 'must not be empty',
    });
    expect(journalRequestOf([], 'en-US').errors).toEqual({ lines: 'must hold at least one line' });
  });

  it('says in words the errors no cell shows: the whole batch, a field the grid lacks, a line no longer there', () => {
    const errors = { 'lines.1.amount': 'is 0', 'lines.0.documentDate': 'is not a date', lines: 'must hold at least one line', 'lines.4.accountNo': 'not found' };
    expect(errorsOutsideCells(errors, 2)).toEqual(['Line 1, Document Date: is not a date', 'Lines: must hold at least one line', 'Line 5, Account No.: not found']);
  });
});

describe('a new line and the balance', () => {
  it('starts the first line on the work date with a blank document', () => {
    expect(newJournalRow(7, [], workDate, 'en-US')).toMatchObject({ id: 7, postingDate: workDate, documentNo: '', accountType: 'glAccount', amount: '' });
  });

  it('takes date, type and no. of the line above, and the next no. once the document above balances', () => {
    const first = row({ postingDate: '2026-03-02', documentType: 'payment', documentNo: 'G0009', accountNo: '4100', amount: '1.000' });
    expect(newJournalRow(2, [first], workDate, 'nl-NL')).toMatchObject({ postingDate: '2026-03-02', documentType: 'payment', documentNo: 'G0009' });
    const second = row({ postingDate: '2026-03-02', documentNo: 'G0009', accountNo: '1010', amount: '-1000' });
    expect(newJournalRow(3, [first, second], workDate, 'nl-NL')).toMatchObject({ postingDate: '2026-03-02', documentNo: 'G0010' });
    const selfBalanced = row({ documentNo: 'G0011', amount: '15,50', balAccountNo: '1010' });
    expect(newJournalRow(4, [first, second, selfBalanced], workDate, 'nl-NL').documentNo).toBe('G0012');
  });

  it('adds up the lines without a balancing account; none in a foreign currency or with an amount that is no number', () => {
    expect(journalBalance([row({ amount: '100' }), row({ amount: '-99,25' }), row({ amount: '7', balAccountNo: '1010' })], 'nl-NL')).toBe('0.75');
    expect(journalBalance([row({ amount: '100', currencyCode: 'USD' })], 'nl-NL')).toBeNull();
    expect(journalBalance([row({ amount: '1x' })], 'nl-NL')).toBeNull();
  });

  it('numbers the next document as the number series would', () => {
    expect([nextDocumentNo('G0009'), nextDocumentNo('PAY-1'), nextDocumentNo('RENT'), nextDocumentNo('')]).toEqual(['G0010', 'PAY-2', 'RENT', '']);
  });
});

describe('the posting preview of a journal', () => {
  it("lists every transaction's entries per ledger, in BC's order", () => {
    const transaction = (transactionNo: number, glEntryNos: number[], bankEntryNos: number[], vatEntryNos: number[] = []) => ({
      transactionNo, postingDate: workDate, documentNo: `G${transactionNo}`, lines: [0],
      glEntries: glEntryNos.map((entryNo) => ({ entryNo })), vatEntries: vatEntryNos.map((entryNo) => ({ entryNo })),
      customerLedgerEntries: [], detailedCustomerLedgerEntries: [],
      vendorLedgerEntries: [], detailedVendorLedgerEntries: [], bankAccountLedgerEntries: bankEntryNos.map((entryNo) => ({ entryNo })),
    });
    const preview = { transactions: [transaction(1, [1, 2], [], [7]), transaction(2, [3, 4], [1])] } as unknown as GeneralJournalPreview;
    const sections = journalPreviewSections(preview);
    expect(sections.map(({ spec, entries, count }) => [spec.name, entries.map((entry) => entry.entryNo), count])).toEqual([
      ['glEntries', [1, 2, 3, 4], 4], ['vatEntries', [7], 1], ['customerLedgerEntries', [], 0], ['detailedCustomerLedgerEntries', [], 0],
      ['vendorLedgerEntries', [], 0], ['detailedVendorLedgerEntries', [], 0], ['bankAccountLedgerEntries', [1], 1],
    ]);
  });
});
