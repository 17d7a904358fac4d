/**
 * Every camt fixture of the genkgo/camt PHP library (camt.052 v1–v8, camt.053 v2–v8, camt.054
 * v2–v8) read and compared with the library's own JSON dump of the same file: amounts (Money in
 * minor units), dates, references, texts, counterparties and balances.
 */
import { describe, expect, it } from 'vitest';
import { parseCamt } from '../../../../src/core/bank/statement/camt.ts';
import type { ParsedStatement, ParsedStatementFile, StatementTransaction } from '../../../../src/core/bank/statement/statement-file.ts';
import { dec, type Decimal } from '../../../../src/core/money/decimal.ts';
import { domainErrorOf } from '../../domain-error-helper.ts';
import { camtDirectory, fixtureFiles, readFixture, readJson } from './fixtures.ts';

/* The genkgo dump: PHP getters as keys, repeated objects replaced by '__RECURSIVITY__'. */
type Dump = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const xmlFixtures = fixtureFiles(camtDirectory, /\.xml$/);
const wrongFixture = 'camt053.v2.wrong.xml';
/**
 * genkgo's test files whose balances do not add up (closing balance in another currency or sign, or
 * a closing balance that is not opening + entries): refused by default, read with checkBalances off.
 */
const unbalanced = new Set([
  'camt053.v2.all-balance-types.xml', 'camt053.v2.five.decimals.xml', 'camt053.v2.minimal.ultimate.xml', 'camt053.v2.minimal.xml',
  'camt053.v2.with-party-ids.xml', 'camt053.v3.xml', 'camt053.v4.xml', 'camt053.v8.xml',
]);

/** Money's minor units, as genkgo dumps amounts (the fixtures' currencies have 2 decimals, JPY none). */
function minorUnits(amount: Decimal, currency: string): string {
  return amount.times(dec(currency === 'JPY' ? '1' : '100')).toFixed(0);
}

const isObject = (value: Dump): boolean => typeof value === 'object' && value !== null;
const dateOf = (value: Dump): string | null => (isObject(value) ? String(value['0']).slice(0, 10) : null);

function expectBalance(actual: ParsedStatement['openingBalance'], expected: Dump | undefined): void {
  if (!expected) return;
  expect(actual).not.toBeNull();
  expect(minorUnits(actual!.amount, actual!.currency)).toBe(expected.getAmount.getAmount);
  expect(actual!.currency).toBe(expected.getAmount.getCurrency.getCode);
  expect(actual!.date).toBe(dateOf(expected.getDate));
}

function expectRecord(statement: ParsedStatement, record: Dump): void {
  expect(statement.accountIban || statement.accountNo).toBe(record.getAccount.getIdentification);
  const balances: Dump[] = (record.getBalances ?? []).filter(isObject);
  expectBalance(statement.openingBalance, balances.find((balance) => balance.getType === 'opening'));
  expectBalance(statement.closingBalance, balances.find((balance) => balance.getType === 'closing'));
}

/** genkgo lists every related party; ours is the debtor of money received, the creditor of money paid. */
function expectRelatedParty(transaction: StatementTransaction, detail: Dump, received: boolean): void {
  const parties: Dump[] = (detail?.getRelatedParties ?? []).filter(isObject);
  const role = received ? 'Debtor' : 'Creditor';
  const party = parties.find((candidate) => candidate.getRelatedPartyType.__CLASS__.endsWith(`\\${role}`))
    ?? parties.find((candidate) => candidate.getRelatedPartyType.__CLASS__.endsWith(`\\Ultimate${role}`));
  expect(transaction.relatedPartyName).toBe(party?.getRelatedPartyType.getName ?? '');
  expect(transaction.relatedPartyBankAccountNo).toBe(party?.getAccount?.getIdentification ?? '');
  const address = party?.getRelatedPartyType.getAddress;
  if (!isObject(address)) return;
  const written = `${transaction.relatedPartyAddress} ${transaction.relatedPartyCity}`;
  for (const part of [address.getStreetName, address.getTownName, ...(address.getAddressLines ?? [])]) {
    if (typeof part === 'string') expect(written).toContain(part);
  }
}

function expectEntry(file: ParsedStatementFile, entry: Dump): void {
  const record = isObject(entry.getRecord) ? entry.getRecord : null;
  const statement = record ? file.statements.find((candidate) => candidate.statementId === record.getId)! : file.statements[0]!;
  const transaction = statement.transactions[entry.getIndex]!;
  expect(minorUnits(transaction.amount, transaction.currency)).toBe(entry.getAmount.getAmount);
  expect(transaction.currency).toBe(entry.getAmount.getCurrency.getCode);
  expect(transaction.amount.isNegative()).toBe(entry.getCreditDebitIndicator === 'DBIT');
  expect(transaction.valueDate).toBe(dateOf(entry.getValueDate));
  // An entry without a booking date takes its value date, else the notification's creation date.
  expect(transaction.bookingDate).toBe(dateOf(entry.getBookingDate) ?? transaction.valueDate ?? statement.statementDate);
  expect(transaction.additionalTransactionInfo).toContain(entry.getAdditionalInfo ?? '');
  const detail = isObject(entry.getTransactionDetail) ? entry.getTransactionDetail : null;
  expect(transaction.bankReference).toBe(entry.getAccountServicerReference ?? detail?.getReference?.getAccountServicerReference ?? '');
  const endToEndId = detail?.getReference?.getEndToEndId ?? '';
  expect(transaction.endToEndId).toBe(endToEndId === 'NOTPROVIDED' ? '' : endToEndId);
  const remittance = detail?.getRemittanceInformation;
  const structured = isObject(remittance?.getStructuredBlock) ? remittance.getStructuredBlock : null;
  expect(transaction.paymentReferenceNo).toBe(structured?.getCreditorReferenceInformation?.getRef ?? remittance?.getCreditorReferenceInformation?.getRef ?? '');
  expect(transaction.additionalTransactionInfo).toContain(structured?.getAdditionalRemittanceInformation ?? '');
  const unstructured = remittance?.getUnstructuredBlock?.getMessage;
  if (unstructured) expect(transaction.transactionText).toContain(unstructured);
  expect(transaction.reversal).toBe(entry.getReversalIndicator === true);
  expectRelatedParty(transaction, detail, (entry.getCreditDebitIndicator === 'CRDT') !== transaction.reversal);
  if (record) expectRecord(statement, record);
}

describe('parseCamt on the genkgo/camt fixtures', () => {
  it('finds every camt version among the fixtures', () => {
    const versions = xmlFixtures.map((name) => readFixture(camtDirectory, name).match(/camt\.05[234]\.001\.0\d/)![0]);
    expect(new Set(versions)).toEqual(new Set([
      'camt.052.001.01', 'camt.052.001.02', 'camt.052.001.04', 'camt.052.001.06', 'camt.052.001.08',
      'camt.053.001.02', 'camt.053.001.03', 'camt.053.001.04', 'camt.053.001.08',
      'camt.054.001.02', 'camt.054.001.04', 'camt.054.001.08',
    ]));
  });

  for (const name of xmlFixtures.filter((fixture) => fixture !== wrongFixture)) {
    it(`${name} reads as its genkgo JSON says`, () => {
      const xml = readFixture(camtDirectory, name);
      const file = parseCamt(xml, { fileName: name, checkBalances: false });
      expect(file.format).toBe(`camt.05${/camt0?5(\d)/.exec(name)![1]}`);
      expect(file.statements).toHaveLength(xml.match(/<(Stmt|Rpt|Ntfctn)>/g)!.length);
      expect(file.statements.flatMap((statement) => statement.transactions)).toHaveLength(xml.match(/<Ntry>/g)?.length ?? 0);
      const dump = readJson<Dump>(camtDirectory, name.replace(/\.xml$/, '.json'));
      expect(dump).not.toBeNull();
      for (const entry of dump.getEntries) expectEntry(file, entry);
      for (const record of dump.getRecords.filter(isObject)) {
        expectRecord(file.statements.find((statement) => statement.statementId === record.getId)!, record);
      }
      if (unbalanced.has(name)) {
        expect(domainErrorOf(() => parseCamt(xml, { fileName: name })).code).toBe('STATEMENT_NOT_BALANCED');
      } else {
        expect(parseCamt(xml, { fileName: name }).statements).toEqual(file.statements);
      }
    });
  }

  it('refuses camt053.v2.wrong.xml, a statement message without a statement', () => {
    const error = domainErrorOf(() => parseCamt(readFixture(camtDirectory, wrongFixture), { fileName: wrongFixture }));
    expect(error.code).toBe('STATEMENT_FILE_EMPTY');
    expect(error.message).toContain('camt053.v2.wrong.xml contains no camt.053 Stmt element');
  });

  it('reads a multi-statement camt.053 into two balanced statements', () => {
    const file = parseCamt(readFixture(camtDirectory, 'camt053.v2.multi.statement.xml'));
    expect(file.statements.map((statement) => [statement.statementId, statement.openingBalance!.amount.toString(), statement.closingBalance!.amount.toString()]))
      .toEqual([['253EURNL26VAYB8060476890', '18.15', '27'], ['254EURNL26VAYB8060476890', '27', '20']]);
    expect(file.statements[1]!.transactions[0]).toMatchObject({ relatedPartyName: 'Company Name 2', transactionText: 'Transaction Description 2', endToEndId: '000000002' });
  });
});
