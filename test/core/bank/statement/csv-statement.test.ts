/** CSV statements read with a saved column mapping: each mapping variant, and rows refused by their line. */
import { describe, expect, it } from 'vitest';
import { csvStatementMappingInput } from '../../../../src/core/bank/csv-mapping.schemas.ts';
import { parseCsvStatement, type CsvStatementMapping } from '../../../../src/core/bank/statement/csv-statement.ts';
import { domainErrorOf } from '../../domain-error-helper.ts';

/** A mapping as the bank account stores it: the schema's defaults (';', header row, ',' decimals, DD.MM.YYYY) and the columns given. */
const mapping = (columns: Partial<CsvStatementMapping>): CsvStatementMapping => csvStatementMappingInput.parse({ dateColumn: 0, ...columns });

const amounts = (text: string, columns: Partial<CsvStatementMapping>) =>
  parseCsvStatement(text, mapping(columns)).statements[0]!.transactions.map((transaction) => transaction.amount.toString());

describe('parseCsvStatement', () => {
  it('reads a German export: header row, headings as columns, comma decimals, dotted thousands, DD.MM.YYYY', () => {
    const text = [
      'Buchungstag;Valuta;Auftraggeber/Empfänger;IBAN;Verwendungszweck;Betrag;Referenz',
      '02.01.2025;03.01.2025;Muster GmbH;DE89 3704 0044 0532 0130 00;Rechnung 1001;1.234,56;RF18539007547034',
      '3.1.2025;;Stadtwerke;;Abschlag Januar;-89,90;',
    ].join('\n');
    const file = parseCsvStatement(text, mapping({
      dateColumn: 'Buchungstag', valueDateColumn: 'Valuta', counterpartyNameColumn: 'Auftraggeber/Empfänger', counterpartyIbanColumn: 'IBAN',
      textColumn: 'Verwendungszweck', amountColumn: 'Betrag', referenceColumn: 'Referenz', thousandsSeparator: '.',
    }), { fileName: 'umsaetze.csv', account: 'DE02 1203 0000 0000 2020 51', currency: 'EUR' });
    expect(file.format).toBe('csv');
    const [statement] = file.statements;
    expect(statement).toMatchObject({ accountIban: 'DE02120300000000202051', currency: 'EUR', fromDate: '2025-01-02', toDate: '2025-01-03', openingBalance: null });
    expect(statement!.transactions.map((transaction) => ({ ...transaction, amount: transaction.amount.toString() }))).toEqual([
      expect.objectContaining({
        bookingDate: '2025-01-02', valueDate: '2025-01-03', amount: '1234.56', currency: 'EUR', relatedPartyName: 'Muster GmbH',
        relatedPartyBankAccountNo: 'DE89370400440532013000', transactionText: 'Rechnung 1001', paymentReferenceNo: 'RF18539007547034',
      }),
      expect.objectContaining({ bookingDate: '2025-01-03', valueDate: null, amount: '-89.9', relatedPartyName: 'Stadtwerke', transactionText: 'Abschlag Januar' }),
    ]);
  });

  it('reads debit and credit columns: the debit is money paid whatever its sign, an empty or 0 cell is no amount', () => {
    const text = 'date,debit,credit,text\n2025-03-01,12.50,,fee\n2025-03-02,,100.00,payment\n2025-03-03,-7.25,0,card\n2025-03-04,0.00,3,refund\n';
    expect(amounts(text, { delimiter: ',', decimalSeparator: '.', dateFormat: 'YYYY-MM-DD', debitColumn: 'debit', creditColumn: 'credit', textColumn: 3 }))
      .toEqual(['-12.5', '100', '-7.25', '3']);
  });

  it('reads a file without a header row by column position, US dates, dot decimals, comma thousands in quotes', () => {
    const text = '01/31/2025,"1,250.00",Invoice 7\n02/01/2025,(40.10),Bank charges\n';
    const file = parseCsvStatement(text, mapping({ headerRow: false, delimiter: ',', decimalSeparator: '.', thousandsSeparator: ',', dateFormat: 'MM/DD/YYYY', amountColumn: 1, textColumn: 2 }));
    expect(file.statements[0]!.transactions.map((transaction) => [transaction.bookingDate, transaction.amount.toString(), transaction.transactionText]))
      .toEqual([['2025-01-31', '1250', 'Invoice 7'], ['2025-02-01', '-40.1', 'Bank charges']]);
  });

  it('reads trailing minus signs, DD/MM/YYYY and tab-separated files, and skips blank lines', () => {
    const text = 'Datum\tBetrag\n31/12/2024\t1 000,00-\n\n01/01/2025\t+5,00\n';
    expect(amounts(text, { delimiter: '\t', dateFormat: 'DD/MM/YYYY', thousandsSeparator: ' ', amountColumn: 1 })).toEqual(['-1000', '5']);
  });

  it('keeps amounts exact, beyond what a float holds', () => {
    expect(amounts('d;a\n01.01.2025;12345678901234567,89\n', { amountColumn: 1 })).toEqual(['12345678901234567.89']);
  });

  it.each([
    ['a bad date', 'd;a\n01.01.2025;1,00\n2025-01-02;2,00\n', { amountColumn: 1 }, 'STATEMENT_FIELD_INVALID', "row 3: the date '2025-01-02' is not a date in the format DD.MM.YYYY"],
    ['an impossible date', 'd;a\n31.02.2025;1,00\n', { amountColumn: 1 }, 'STATEMENT_FIELD_INVALID', "row 2: the date '31.02.2025' is not a date"],
    ['a point where the mapping says comma', 'd;a\n01.01.2025;1,00\n02.01.2025;1.50\n', { amountColumn: 1 }, 'STATEMENT_FIELD_INVALID', "row 3: the amount '1.50' is not an amount with ',' as decimal separator"],
    ['text for an amount', 'd;a\n01.01.2025;EUR\n', { amountColumn: 1 }, 'STATEMENT_FIELD_INVALID', "row 2: the amount 'EUR' is not an amount"],
    ['an empty amount', 'd;a\n01.01.2025;1,00\n02.01.2025;\n', { amountColumn: 1 }, 'STATEMENT_FIELD_MISSING', 'row 3 has no amount (column 2)'],
    ['no date', 'd;a\n;1,00\n', { amountColumn: 1 }, 'STATEMENT_FIELD_MISSING', 'row 2 has no date (column 1)'],
    ['both debit and credit', 'd;s;h\n01.01.2025;1,00;2,00\n', { debitColumn: 1, creditColumn: 2 }, 'STATEMENT_FIELD_INVALID', 'row 2: the debit and credit amounts'],
    ['neither debit nor credit', 'd;s;h\n01.01.2025;;\n', { debitColumn: 1, creditColumn: 2 }, 'STATEMENT_FIELD_MISSING', 'row 2 has no amount (neither a debit nor a credit)'],
  ] as const)('refuses the whole file for %s, naming the row', (_, text, columns, code, message) => {
    const error = domainErrorOf(() => parseCsvStatement(text, mapping(columns), { fileName: 'bank.csv' }));
    expect(error.code).toBe(code);
    expect(error.message).toContain(`bank.csv: ${message}`);
    expect(error.message).toContain('nothing was imported');
  });

  it('refuses a mapping the file does not fit', () => {
    const noHeading = domainErrorOf(() => parseCsvStatement('Datum;Betrag\n01.01.2025;1\n', mapping({ amountColumn: 'Amount' }), { fileName: 'bank.csv' }));
    expect(noHeading.code).toBe('STATEMENT_CSV_MAPPING_INVALID');
    expect(noHeading.message).toContain("the header row has no column 'Amount' (it has 'Datum', 'Betrag')");
    const headingWithoutHeader = domainErrorOf(() => parseCsvStatement('01.01.2025;1\n', mapping({ headerRow: false, amountColumn: 'Betrag' })));
    expect(headingWithoutHeader.message).toContain('the mapping says the file has no header row');
    const noAmount = domainErrorOf(() => parseCsvStatement('01.01.2025;1\n', { ...mapping({ amountColumn: 1 }), amountColumn: undefined }));
    expect(noAmount.message).toContain('it needs an amount column, or a debit and a credit column');
  });

  it('refuses a file without rows and a file that is not CSV', () => {
    expect(domainErrorOf(() => parseCsvStatement('Datum;Betrag\n', mapping({ amountColumn: 1 }), { fileName: 'empty.csv' })).message)
      .toBe('empty.csv contains no transaction rows; nothing was imported.');
    const unclosed = domainErrorOf(() => parseCsvStatement('d;a\n01.01.2025;"1,00\n', mapping({ amountColumn: 1 }), { fileName: 'bad.csv' }));
    expect(unclosed.code).toBe('STATEMENT_FILE_MALFORMED');
    expect(unclosed.message).toContain("bad.csv is damaged: it is not a CSV file with ';' between columns");
  });
});
