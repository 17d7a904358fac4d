import { describe, expect, it } from 'vitest';
import { buildPrintableStatement, statementEntryKey, type StatementSource } from '../../../src/core/documents/printable-statement.ts';
import { dec, ZERO } from '../../../src/core/money/decimal.ts';
import { agingBuckets } from '../../../src/core/receivables/aging.ts';
import { customerStatement, type StatementMovement } from '../../../src/core/receivables/customer-statement.ts';
import { pdfDocumentDefinition } from '../../../src/server/documents/pdf-layout.ts';

const company = {
  name: 'Ledgerline BV', address: 'Keizersgracht 1', address2: '', postCode: '1015 AA', city: 'Amsterdam', countryRegionCode: 'NL', phoneNo: '',
  email: '', homePage: '', vatRegistrationNo: '', registrationNo: '', bankName: '', iban: '', swiftCode: '',
};

const movement = (fields: Partial<StatementMovement> & Pick<StatementMovement, 'detailedEntryNo' | 'customerLedgerEntryNo' | 'postingDate' | 'amount'>): StatementMovement => ({
  entryType: 'initialEntry', transactionNo: fields.detailedEntryNo, documentType: 'invoice', documentNo: 'PI1', currencyCode: '', amountLcy: fields.amount,
  entry: { documentType: 'invoice', documentNo: 'PI1', description: 'Invoice PI1', dueDate: '2026-02-19', externalDocumentNo: '' },
  ...fields,
});

function statementSource(languageCode: string): StatementSource {
  const from = '2026-02-01';
  const to = '2026-02-28';
  const movements = [
    movement({ detailedEntryNo: 1, customerLedgerEntryNo: 1, postingDate: '2026-02-05', amount: dec('1250') }),
    movement({
      detailedEntryNo: 2, customerLedgerEntryNo: 2, postingDate: '2026-02-10', amount: dec('-500'), documentType: 'payment', documentNo: 'PAY1',
      entry: { documentType: 'payment', documentNo: 'PAY1', description: 'Bank', dueDate: null, externalDocumentNo: '' },
    }),
    movement({ detailedEntryNo: 3, customerLedgerEntryNo: 2, postingDate: '2026-02-10', amount: dec('500'), entryType: 'application', documentType: 'payment', documentNo: 'PAY1', transactionNo: 2 }),
    movement({ detailedEntryNo: 4, customerLedgerEntryNo: 1, postingDate: '2026-02-10', amount: dec('-500'), entryType: 'application', documentType: 'payment', documentNo: 'PAY1', transactionNo: 2 }),
  ];
  const buckets = agingBuckets(to);
  return {
    customer: {
      no: 'NL', name: 'Fietsen de Vries', name2: '', address: 'Dorpsstraat 5', address2: '', postCode: '', city: 'Utrecht', county: '', countryRegionCode: '', contact: '',
      languageCode, vatRegistrationNo: '',
    },
    company, lcyCode: 'EUR', from, to,
    sections: [{
      currencyCode: '', amountDecimals: 2, statement: customerStatement({ from, to }, dec('100'), movements),
      remainingAmounts: new Map([[statementEntryKey('invoice', 'PI1'), dec('750')], [statementEntryKey('payment', 'PAY1'), ZERO]]),
      aging: { buckets, amounts: [ZERO, dec('750'), ZERO, ZERO, dec('100')] },
    }],
  };
}

describe('the printed customer statement (BC Standard Statement)', () => {
  it('formats the statement of core/receivables in Dutch: balances, entries with remaining amounts, the aging buckets', () => {
    const document = buildPrintableStatement(statementSource('NLD'));
    expect(document.title).toBe('Rekeningoverzicht');
    expect(document.fileName).toBe('Customer Statement NL 2026-02-01 2026-02-28.pdf');
    const [section] = document.statementSections;
    expect(section).toMatchObject({ heading: 'Bedragen in EUR', openingBalance: '100,00', closingBalance: '850,00' });
    // The application within the payment's transaction cancels out: two lines, not four.
    expect(section!.lines).toEqual([
      { postingDate: '05-02-2026', documentType: 'Factuur', documentNo: 'PI1', description: 'Invoice PI1', dueDate: '19-02-2026', amount: '1.250,00', remainingAmount: '750,00', balance: '1.350,00' },
      { postingDate: '10-02-2026', documentType: 'Betaling', documentNo: 'PAY1', description: 'Bank', dueDate: '', amount: '-500,00', remainingAmount: '0,00', balance: '850,00' },
    ]);
    expect(section!.aging).toEqual({
      heading: 'Ouderdom van de openstaande posten op vervaldatum per 28-02-2026',
      labels: ['Niet vervallen', '1–30 dagen', '31–60 dagen', '61–90 dagen', 'Meer dan 90 dagen'],
      amounts: ['0,00', '750,00', '0,00', '0,00', '100,00'], total: '850,00',
    });
  });

  it('lays each section out with the column captions repeated on every page and no lines, totals or VAT table', () => {
    const definition = pdfDocumentDefinition(buildPrintableStatement(statementSource('')));
    const text = JSON.stringify(definition.content);
    expect(text).toContain('"headerRows":1');
    for (const caption of ['Opening Balance', 'Closing Balance', 'Remaining Amount', 'Not Due', 'Over 90 Days', 'Amounts in EUR']) expect(text).toContain(caption);
    for (const caption of ['VAT Amount Specification', 'Unit Price', 'Total EUR']) expect(text).not.toContain(caption);
  });
});
