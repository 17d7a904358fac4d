/**
 * Importing bank statement files over HTTP (issue 13 point 1): camt.053 as JSON and as a multipart
 * upload, MT940, CSV with the bank account's mapping; a file imported twice or overlapping adds no
 * transaction twice; refused files (damaged, another account) import nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankReconciliation, bankReconciliationLine, importedBankTransaction } from '../../../src/server/db/schema/index.ts';
import { camt053 } from '../../support/camt053.ts';
import { sharedFixtures } from '../../support/shared-fixtures.ts';
import { type Send, givenReceivablesCompany, postedInvoice } from '../receivables/receivables-fixture.ts';
import type { TestApi } from '../../support/api.ts';

const fixtures = sharedFixtures('bank-statements');
const iban = 'NL91ABNA0417164300';
let api: TestApi;
let send: Send;
let invoice: string;

beforeAll(async () => {
  ({ api, send } = await givenReceivablesCompany('2026-03-20'));
  await send('PATCH', '/api/v1/customers/C', { name: 'Contoso Ltd.', paymentTermsCode: '14D' });
  await send('PATCH', '/api/v1/bankAccounts/GIRO', { iban, matchToleranceType: 'amount', matchToleranceValue: '1' });
  invoice = await postedInvoice(send, { unitPrice: '1000' });
});
afterAll(() => api.close());

const entries = (count: number, first = 1) => Array.from({ length: count }, (_, index) => ({
  amount: `${100 + first + index}.00`, date: '2026-03-15', text: `Transfer ${first + index}`, reference: `BANKREF-${first + index}`,
}));
const importJson = (fileName: string, content: string, bank = 'GIRO') => send('POST', `/api/v1/bankAccounts/${bank}/statementImports`, { fileName, content });

describe('camt.053', () => {
  it('imports every transaction into a new journal, matches them, and skips them when the file or an overlapping one comes again', async () => {
    const file = camt053({ iban, opening: '0', entries: [
      { amount: '1250.00', date: '2026-03-15', text: `Payment ${invoice}`, name: 'Contoso Ltd.', reference: 'REF-A' }, ...entries(2),
    ] });
    const first = await importJson('march.xml', file);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ format: 'camt.053', statements: 1, imported: 3, skipped: 0, applied: 1, warnings: [] });
    const journal = `/api/v1/bankAccounts/GIRO/paymentReconciliations/${first.json().statementNo}`;
    expect((await send('GET', journal)).json()).toMatchObject({ statementEndingBalance: '1453.00', lineCount: 3, statementDate: '2026-03-15' });
    const [line] = (await send('GET', `${journal}/lines`)).json().items;
    expect(line).toMatchObject({ transactionText: `Payment ${invoice}`, relatedPartyName: 'Contoso Ltd.', statementAmount: '1250.00', accountNo: 'C', matchConfidence: 'high' });

    const again = (await importJson('march-again.xml', file)).json();
    expect(again).toMatchObject({ imported: 0, skipped: 3, statementNo: '' });
    const overlapping = (await importJson('march-2.xml', camt053({ iban, opening: '1453.00', id: 'S2', entries: [...entries(2), ...entries(1, 3)] }))).json();
    expect(overlapping).toMatchObject({ imported: 1, skipped: 2 });
    expect((await api.db.select().from(importedBankTransaction)).length).toBe(4);
  });

  it('takes the same file as a multipart upload', async () => {
    const boundary = '----ledgerline';
    const content = camt053({ iban, id: 'UP', entries: [{ amount: '-7.50', date: '2026-03-16', text: 'Card fee', reference: 'UP-1' }] });
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.xml"\r\nContent-Type: application/xml\r\n\r\n${content}\r\n`
      + `--${boundary}\r\nContent-Disposition: form-data; name="applyAutomatically"\r\n\r\nfalse\r\n--${boundary}--\r\n`;
    const response = await api.app.inject({
      method: 'POST', url: '/api/v1/bankAccounts/GIRO/statementImports/upload', payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: (await bearer()) },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ fileName: 'upload.xml', imported: 1, applied: 0 });
  });

  it('refuses a damaged file and a statement of another account, importing nothing', async () => {
    const journalsBefore = (await api.db.select().from(bankReconciliation)).length;
    const linesBefore = (await api.db.select().from(bankReconciliationLine)).length;
    const wrong = await importJson('camt053.v2.wrong.xml', readFileSync(join(fixtures, 'camt/genkgo-camt/camt053.v2.wrong.xml'), 'utf8'));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().detail).toContain('camt053.v2.wrong.xml');
    const other = await importJson('other.xml', camt053({ iban: 'DE89370400440532013000', entries: entries(1, 50) }));
    expect(other.json()).toMatchObject({ code: 'STATEMENT_OTHER_ACCOUNT' });
    expect(other.json().detail).toContain('DE89370400440532013000');
    expect((await api.db.select().from(bankReconciliation)).length).toBe(journalsBefore);
    expect((await api.db.select().from(bankReconciliationLine)).length).toBe(linesBefore);
  });
});

describe('other formats', () => {
  it('imports a real MT940 file and a CSV file read with the bank account\'s mapping', async () => {
    expect((await send('POST', '/api/v1/currencies', { code: 'PLN' })).statusCode).toBe(201);
    expect((await send('POST', '/api/v1/bankAccounts', { no: 'MT', name: 'mBank', currencyCode: 'PLN', bankAccPostingGroup: 'CHECKING' })).statusCode).toBe(201);
    const mt940 = readFileSync(join(fixtures, 'mt940/wolph-mt940/mBank/mt940.sta'), 'utf8');
    const imported = await importJson('mt940.sta', mt940, 'MT');
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().format).toBe('mt940');
    expect(imported.json().imported).toBeGreaterThan(0);

    const csv = 'Datum;Betrag;Verwendungszweck;Name\n15.03.2026;1.250,00;Rechnung ' + invoice + ';Contoso Ltd.\n16.03.2026;-12,50;Kontogebühr;MyBank\n';
    const noMapping = await importJson('bank.csv', csv, 'MT');
    expect(noMapping.json().detail).toContain('CSV column mapping');
    const mapping = { delimiter: ';', headerRow: true, dateColumn: 'Datum', amountColumn: 'Betrag', textColumn: 'Verwendungszweck', counterpartyNameColumn: 'Name', decimalSeparator: ',', thousandsSeparator: '.', dateFormat: 'DD.MM.YYYY' };
    expect((await send('PATCH', '/api/v1/bankAccounts/MT', { statementCsvMapping: mapping })).statusCode).toBe(200);
    const fromCsv = (await importJson('bank.csv', csv, 'MT')).json();
    expect(fromCsv).toMatchObject({ format: 'csv', imported: 2 });
    const lines = (await send('GET', `/api/v1/bankAccounts/MT/paymentReconciliations/${fromCsv.statementNo}/lines`)).json().items;
    expect(lines.map((line: { transactionDate: string; statementAmount: string }) => [line.transactionDate, line.statementAmount]))
      .toEqual([['2026-03-15', '1250.00'], ['2026-03-16', '-12.50']]);
  });
});

async function bearer(): Promise<string> {
  const { inject } = await import('vitest');
  return `Bearer ${inject('apiTokens').admin}`;
}
