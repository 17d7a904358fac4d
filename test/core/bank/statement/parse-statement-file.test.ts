/**
 * The one entry for uploads: format detection, whole-file refusals with the file named, fingerprints
 * that make re-imports and overlapping statements add nothing, and the speed of a large camt.053.
 */
import { describe, expect, it } from 'vitest';
import { csvStatementMappingInput } from '../../../../src/core/bank/csv-mapping.schemas.ts';
import { parseStatementFile } from '../../../../src/core/bank/statement/parse-statement-file.ts';
import type { ParsedStatementFile } from '../../../../src/core/bank/statement/statement-file.ts';
import { dec, sum } from '../../../../src/core/money/decimal.ts';
import { domainErrorOf } from '../../domain-error-helper.ts';
import { camtDirectory, fixtureFiles, mt940Directory, readFixture } from './fixtures.ts';

const multiStatement = readFixture(camtDirectory, 'camt053.v2.multi.statement.xml');
const generic = readFixture(mt940Directory, 'jejik/generic.sta');
const fingerprints = (file: ParsedStatementFile) => file.statements.flatMap((statement) => statement.transactions.map((transaction) => transaction.fingerprint));

/** A camt.053 statement of n entries, each a customer payment with its own bank reference, that balances. */
function largeCamt053(n: number): string {
  const entries = Array.from({ length: n }, (_, index) => `
    <Ntry><Amt Ccy="EUR">${(index % 997) + 1}.${String(index % 100).padStart(2, '0')}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
      <BookgDt><Dt>2025-03-${String((index % 28) + 1).padStart(2, '0')}</Dt></BookgDt><ValDt><Dt>2025-03-28</Dt></ValDt>
      <AcctSvcrRef>REF${index}</AcctSvcrRef>
      <NtryDtls><TxDtls><Refs><EndToEndId>E2E${index}</EndToEndId></Refs>
        <RltdPties><Dbtr><Nm>Customer ${index % 500}</Nm></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties>
        <RmtInf><Ustrd>Invoice PSI${100000 + index}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`);
  const total = sum(Array.from({ length: n }, (_, index) => `${(index % 997) + 1}.${String(index % 100).padStart(2, '0')}`).map((text) => dec(text)));
  const balance = (code: string, amount: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-28</Dt></Dt></Bal>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2025-03-28T20:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2025-03-28T20:00:00</CreDtTm><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
${balance('OPBD', '1000.00')}${balance('CLBD', dec('1000.00').plus(total).toFixed(2))}${entries.join('')}</Stmt></BkToCstmrStmt></Document>`;
}

describe('parseStatementFile', () => {
  it('tells camt, MT940 and CSV apart by their content', () => {
    expect(parseStatementFile('a.xml', multiStatement).format).toBe('camt.053');
    expect(parseStatementFile('statement.txt', generic).format).toBe('mt940');
    expect(parseStatementFile('report.sta', readFixture(mt940Directory, 'mBank/mt942.sta')).format).toBe('mt942');
    expect(parseStatementFile('swift.txt', readFixture(mt940Directory, 'ASNB/mt940.txt')).format).toBe('mt940');
    const csvMapping = csvStatementMappingInput.parse({ dateColumn: 0, amountColumn: 1 });
    expect(parseStatementFile('bank.csv', 'Datum;Betrag\n01.02.2025;10,00\n', { csvMapping }).format).toBe('csv');
  });

  it('refuses what it cannot read, naming the file', () => {
    const cases: Array<[string, string, string, string]> = [
      ['bank.csv', 'Datum;Betrag\n01.02.2025;10,00\n', 'STATEMENT_FORMAT_UNKNOWN', 'bank.csv is not a bank statement Ledgerline can read: it is neither camt XML nor MT940, and the bank account has no CSV column mapping'],
      ['empty.xml', '   \n', 'STATEMENT_FILE_EMPTY', 'empty.xml contains no data'],
      ['broken.xml', '<?xml version="1.0"?><Document><BkToCstmrStmt><Stmt></BkToCstmrStmt></Document>', 'STATEMENT_FILE_MALFORMED', 'broken.xml is damaged: it is not well-formed XML (line 1:'],
      ['pain.xml', '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>', 'STATEMENT_FORMAT_UNKNOWN', 'its XML document is <Document><CstmrCdtTrfInitn>, not a camt.052, camt.053 or camt.054'],
      ['invoice.xml', '<Invoice><ID>1</ID></Invoice>', 'STATEMENT_FORMAT_UNKNOWN', 'its XML document is <Invoice>'],
      ['camt053.v2.wrong.xml', readFixture(camtDirectory, 'camt053.v2.wrong.xml'), 'STATEMENT_FILE_EMPTY', 'camt053.v2.wrong.xml contains no camt.053 Stmt element'],
    ];
    for (const [fileName, content, code, message] of cases) {
      const error = domainErrorOf(() => parseStatementFile(fileName, content));
      expect([error.code, error.message]).toEqual([code, expect.stringContaining(message)]);
    }
  });

  it.each([
    ['no amount', (xml: string) => xml.replace('<Amt Ccy="EUR">7.00</Amt>', ''), 'STATEMENT_FIELD_MISSING', 'statement 254EURNL26VAYB8060476890, entry 1 has no amount (Amt)'],
    ['a number-like amount', (xml: string) => xml.replace('>7.00<', '>7,00<'), 'STATEMENT_FIELD_INVALID', "statement 254EURNL26VAYB8060476890, entry 1: Amt '7,00' is not an amount like 1234.56"],
    ['a negative amount', (xml: string) => xml.replace('>7.00<', '>-7.00<'), 'STATEMENT_FIELD_INVALID', "statement 254EURNL26VAYB8060476890, entry 1: Amt '-7.00'"],
    ['no credit/debit mark', (xml: string) => xml.replace('<CdtDbtInd>DBIT</CdtDbtInd>', ''), 'STATEMENT_FIELD_MISSING', 'statement 254EURNL26VAYB8060476890, entry 1 has no credit/debit indicator (CdtDbtInd)'],
    ['a bad booking date', (xml: string) => xml.replace(/<BookgDt>\s*<Dt>2014-12-31<\/Dt>/, '<BookgDt><Dt>2014-02-30</Dt>'), 'STATEMENT_FIELD_INVALID', "statement 253EURNL26VAYB8060476890, entry 1: BookgDt '2014-02-30' is not a date (YYYY-MM-DD)"],
    ['a truncated end', (xml: string) => xml.slice(0, xml.indexOf('</Stmt>') + 7), 'STATEMENT_FILE_MALFORMED',
      'is damaged: it is not well-formed XML: it ends before <Document>, <BkToCstmrStmt> are closed (is it cut short?)'],
    ['a mismatched tag', (xml: string) => xml.replace('</Ntry>', '</NtryDtls>'), 'STATEMENT_FILE_MALFORMED', "is damaged: it is not well-formed XML (line 110: Expected closing tag 'Ntry'"],
    ['an amount changed', (xml: string) => xml.replace('>7.00<', '>7.01<'), 'STATEMENT_NOT_BALANCED',
      'statement 254EURNL26VAYB8060476890 does not balance: opening balance 27 EUR + transactions -7.01 = 19.99 EUR, but the closing balance is 20 EUR'],
  ] as const)('refuses a camt file with %s, whole', (_, change, code, message) => {
    const error = domainErrorOf(() => parseStatementFile('camt.xml', change(multiStatement)));
    expect(error.code).toBe(code);
    expect(error.message).toContain(`camt.xml${message.startsWith('is damaged') ? ' ' : ': '}${message}`);
    expect(error.message).toContain('nothing was imported');
  });

  it('reads camt namespace prefixes and keeps amounts as written, never as floats', () => {
    const prefixed = multiStatement.replace(/<(\/?)(\w+)/g, '<$1ns2:$2').replace('xmlns=', 'xmlns:ns2=').replace('<ns2:?xml', '<?xml')
      .replace('>8.85<', '>0000000000000008.85<');
    const file = parseStatementFile('prefixed.xml', prefixed);
    expect(file.statements[0]!.transactions[0]!.amount.toString()).toBe('8.85');
    expect(fingerprints(file)).toEqual(fingerprints(parseStatementFile('plain.xml', multiStatement)));
    // Statement 1: 12345678901234559.04 + 8.85 = 12345678901234567.89, exact only in decimals.
    const big = parseStatementFile('big.xml', multiStatement.replace('>27.00<', '>12345678901234567.89<').replace('>18.15<', '>12345678901234559.04<'));
    expect(big.statements[0]!.closingBalance!.amount.toString()).toBe('12345678901234567.89');
  });

  it('draws fingerprints that are stable and distinct within every fixture file', () => {
    const files = [
      ...fixtureFiles(camtDirectory, /\.xml$/).filter((name) => !name.includes('wrong')).map((name) => [name, readFixture(camtDirectory, name)]),
      ...['jejik/generic.sta', 'betterplace/sepa_mt9401.sta', 'cmxl/mt940.sta', 'ASNB/mt940.txt', 'jejik/sns.sta', 'citi/mt940.txt'].map((name) => [name, readFixture(mt940Directory, name, 'latin1')]),
    ];
    for (const [name, content] of files) {
      const first = fingerprints(parseStatementFile(name!, content!, { checkBalances: false }));
      expect(new Set(first).size).toBe(first.length);
      expect(fingerprints(parseStatementFile(`copy of ${name}`, content!, { checkBalances: false }))).toEqual(first);
    }
  });

  it('gives a transaction the same fingerprint in an overlapping file, and tells identical ones apart by their order', () => {
    // generic.sta holds two statements; a file with only the second one overlaps it.
    const secondOnly = generic.slice(generic.indexOf(':20:GENERIC', 10));
    const both = fingerprints(parseStatementFile('both.sta', generic));
    expect(fingerprints(parseStatementFile('second.sta', secondOnly))).toEqual([both[1]]);
    // Its two transactions differ only in date: without a bank reference the date keeps them apart.
    expect(both).toEqual(['txt|11111111|2011-01-01|-10|', 'txt|11111111|2011-02-01|-10|']);
    const twice = generic.replace(':61:110101D10,00N000NONREF\n:86:\n', ':61:110101D10,00N000NONREF\n:86:\n:61:110101D10,00N000NONREF\n:86:\n')
      .replace(':62F:C110201EUR90,00', ':62F:C110201EUR80,00').replace(':60F:C110201EUR90,00', ':60F:C110201EUR80,00').replace(':62F:C110301EUR80,00', ':62F:C110301EUR70,00');
    expect(fingerprints(parseStatementFile('twice.sta', twice))).toEqual(['txt|11111111|2011-01-01|-10|', 'txt|11111111|2011-01-01|-10|#2', 'txt|11111111|2011-02-01|-10|']);
    // A bank reference is the fingerprint when there is one.
    expect(fingerprints(parseStatementFile('mbank.sta', readFixture(mt940Directory, 'mBank/mt940.sta')))[0]).toBe('ref|PL29114010810000267002001002|MB170119012058');
  });

  it('reads a camt.053 of 10,000 transactions', () => {
    const xml = largeCamt053(10_000);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const file = parseStatementFile('large.xml', xml);
    const milliseconds = performance.now() - started;
    const cpuMilliseconds = process.cpuUsage(cpuStarted).user / 1000;
    // Printed, not asserted: the time depends on the machine and on what else runs on it.
    console.log(`camt.053 with 10,000 transactions (${(xml.length / 1e6).toFixed(1)} MB) parsed in ${milliseconds.toFixed(0)} ms (${cpuMilliseconds.toFixed(0)} ms CPU)`);
    expect(file.statements[0]!.transactions).toHaveLength(10_000);
    expect(new Set(fingerprints(file)).size).toBe(10_000);
    expect(file.statements[0]!.transactions[9_999]).toMatchObject({ relatedPartyName: 'Customer 499', transactionText: 'Invoice PSI109999', bookingDate: '2025-03-04' });
  }, 60_000); // about a second on a quiet machine; the default 5 s is too short when other test projects run beside it
});
