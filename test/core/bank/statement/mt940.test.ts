/**
 * Every MT940/MT942 fixture of the wolph/mt940 Python library, read and compared with the
 * library's .expected.json: amounts, value and entry dates, bank references, texts, counterparties
 * and balances. The library also keeps unit-test fragments (a lone :60F: or :61:) and hand-edited
 * files whose balances do not add up; we refuse those, each with the reason listed below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMt940 } from '../../../../src/core/bank/statement/mt940.ts';
import type { ParsedStatementFile, StatementTransaction } from '../../../../src/core/bank/statement/statement-file.ts';
import { dec, sum } from '../../../../src/core/money/decimal.ts';
import { domainErrorOf } from '../../domain-error-helper.ts';
import { fixtureFiles, mt940Directory, readJson, squeeze } from './fixtures.ts';

type Expected = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const statementFiles = fixtureFiles(mt940Directory, /\.(sta|txt)$/).filter((name) => !/(LICENSE|requirements)\.txt$/.test(name));

/** Fragments from the library's tag-by-tag tests, and files cut short: what a whole statement must have and they lack. */
const refused: Record<string, { code: string; text: string }> = {
  'betterplace/amount_formats.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'betterplace/currency_in_25.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'betterplace/empty_86.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'betterplace/empty_entry_date.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'betterplace/empty_line.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no account identification (:25:)' },
  'betterplace/missing_crlf_at_end.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  // A :86: mislabelled as a second :25: in the middle of the statement.
  'betterplace/sepa_snippet_broken.sta': { code: 'STATEMENT_FILE_MALFORMED', text: 'field :25: occurs twice (lines 2 and 6)' },
  'cmxl/account_balance_credit.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'cmxl/account_balance_debit.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'cmxl/account_identification_iban.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'cmxl/account_identification_legacy.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'cmxl/available_balance.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'cmxl/closing_balance.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'cmxl/reference.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no account identification (:25:)' },
  'cmxl/statement_details.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'cmxl/statement_line.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'cmxl/statement_number.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'self-provided/account_identification.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no opening balance (:60F:)' },
  'self-provided/empty_non_swift.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
  'self-provided/gv_codes.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no closing balance (:62F:)' },
  'self-provided/invalid_statement.sta': { code: 'STATEMENT_FORMAT_UNKNOWN', text: 'it has no MT940 fields' },
  // A :61: after the message's end ('-') with no :20: of its own.
  'self-provided/multiline.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'message 2 (line 38) has no transaction reference (:20:)' },
  // The :86: tag itself is broken over two lines (':' and '86:…').
  'self-provided/sparkassen.sta': { code: 'STATEMENT_FIELD_MISSING', text: 'has no transaction reference (:20:)' },
};

/** Anonymised or cut samples: opening balance + transactions ≠ closing balance. Refused by default, read with checkBalances off. */
const unbalanced = new Set([
  'betterplace/sepa_snippet.sta', 'jejik/abnamro.sta', 'jejik/ing.sta', 'jejik/knab.sta',
  'jejik/postfinance.sta', 'jejik/rabobank.sta', 'jejik/triodos.sta', 'mBank/with_newline_in_tnr.sta', 'self-provided/details_60-63.sta',
  'self-provided/malformed_details.sta', 'self-provided/overly_long_details.sta', 'self-provided/raiffeisen-cmi.sta', 'self-provided/whitespace.sta',
]);

/** The bytes as UTF-8 when they are, else Latin-1 (how these banks' files come); decoding is the caller's job, not the parser's. */
function readStatement(name: string): string {
  const bytes = readFileSync(join(mt940Directory, name));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** Only what both sides decode alike: no whitespace, ASCII letters and digits. */
const comparable = (text: string | null | undefined) => squeeze(text).replace(/[^\x20-\x7e]/g, '');

function expectTransaction(actual: StatementTransaction, expected: Expected): void {
  // SWIFT: RC is the reversal of a credit, so money paid; wolph/mt940 books it as received. The
  // fixture's balances agree with SWIFT (sepa_mt9401.sta balances only this way).
  const amount = dec(expected.amount.amount);
  expect(actual.amount.toString()).toBe((expected.status === 'RC' ? amount.abs().negated() : amount).toString());
  if (expected.amount.currency) expect(actual.currency).toBe(expected.amount.currency);
  expect(actual.valueDate).toBe(expected.date);
  expect(actual.bookingDate).toBe(expected.entry_date ?? expected.guessed_entry_date ?? expected.date);
  expect(actual.bankReference).toBe(expected.bank_reference === 'NONREF' ? '' : (expected.bank_reference ?? ''));
  if (expected.purpose != null) {
    // Ours goes on into ?60–?63 where the remittance continues there; wolph's stops at ?29.
    expect(comparable(actual.transactionText)).toContain(comparable(expected.purpose));
  } else if (expected.transaction_details) {
    const written = comparable(expected.transaction_details.replace(/[?>]\d{2}/g, ''));
    expect(written).toContain(comparable(actual.transactionText));
    if (!/^\/[A-Z]{2,4}\//.test(expected.transaction_details)) expect(actual.transactionText).not.toBe('');
  }
  if (expected.applicant_name != null) expect(comparable(actual.relatedPartyName)).toBe(comparable(expected.applicant_name));
  // Where the bank gives the IBAN (?38) as well as the domestic account no. (?31) we keep the IBAN, which ends with that number.
  if (expected.applicant_iban != null) expect(actual.relatedPartyBankAccountNo.endsWith(expected.applicant_iban)).toBe(true);
  if (expected.end_to_end_reference != null) expect(actual.endToEndId).toBe(expected.end_to_end_reference.trim());
  if (expected.posting_text != null) expect(actual.additionalTransactionInfo).toContain(expected.posting_text.trim());
}

/** wolph folds all statements of a file into one, the last value of each field winning. */
function expectStatements(file: ParsedStatementFile, expected: Expected): void {
  const last = file.statements[file.statements.length - 1]!;
  expect(last.statementId).toBe(expected.transaction_reference.trim());
  expect(last.accountIban || last.accountNo).toBe(expected.account_identification.replace(/\s+/g, ''));
  if (expected.statement_number) expect(last.statementNo).toBe(expected.statement_number);
  for (const [field, key] of [['openingBalance', 'final_opening_balance'], ['closingBalance', 'final_closing_balance']] as const) {
    const balance = expected[key];
    // wolph misreads a balance without currency (raphaelm.sta: 'C02032495000,00' as currency 950).
    if (!balance || !/^[A-Z]{3}$/.test(balance.amount.currency)) continue;
    const signed = dec(balance.amount.amount).abs().times(balance.status === 'D' ? -1 : 1);
    expect(file.statements.some((statement) => statement[field]?.date === balance.date && statement[field]!.amount.equals(signed)
      && statement[field]!.currency === balance.amount.currency)).toBe(true);
  }
}

describe('parseMt940 on the wolph/mt940 fixtures', () => {
  for (const name of statementFiles) {
    const expected = readJson<Expected>(mt940Directory, name.replace(/\.(sta|txt)$/, '.expected.json'));
    if (refused[name]) {
      it(`${name} is refused: ${refused[name].text}`, () => {
        const error = domainErrorOf(() => parseMt940(readStatement(name), { fileName: name }));
        expect(error.code).toBe(refused[name]!.code);
        expect(error.message).toContain(name);
        expect(error.message).toContain(refused[name]!.text);
      });
      continue;
    }
    if (!expected) continue;
    it(`${name} reads as its expected.json says`, () => {
      const text = readStatement(name);
      const file = parseMt940(text, { fileName: name, checkBalances: false });
      const transactions = file.statements.flatMap((statement) => statement.transactions);
      expect(transactions).toHaveLength(expected.transactions.length);
      expected.transactions.forEach((transaction: Expected, index: number) => expectTransaction(transactions[index]!, transaction));
      if (expected.statement.transaction_reference) expectStatements(file, expected.statement);
      if (unbalanced.has(name)) expect(domainErrorOf(() => parseMt940(text, { fileName: name })).code).toBe('STATEMENT_NOT_BALANCED');
      else expect(parseMt940(text, { fileName: name })).toEqual(file);
    });
  }

  it('has a test for every fixture', () => {
    const covered = statementFiles.filter((name) => refused[name] || readJson(mt940Directory, name.replace(/\.(sta|txt)$/, '.expected.json')));
    expect(statementFiles.filter((name) => !covered.includes(name))).toEqual(['ASNB/mt940.txt', 'ASNB/mt940_with_spaces_for_entry_date.txt', 'citi/mt940.txt']);
  });

  // No expected.json: the count, the total, and the balances chaining from the first statement to the last.
  for (const [name, statements, count, total] of [
    ['ASNB/mt940.txt', 31, 8, '56.94'],
    ['ASNB/mt940_with_spaces_for_entry_date.txt', 31, 8, '56.94'],
    ['citi/mt940.txt', 1, 5, '-1142.75'],
  ] as const) {
    it(`${name} reads ${count} transactions in ${statements} statements`, () => {
      const file = parseMt940(readStatement(name), { fileName: name });
      const transactions = file.statements.flatMap((statement) => statement.transactions);
      expect([file.statements.length, transactions.length]).toEqual([statements, count]);
      const totalAmount = sum(transactions.map((transaction) => transaction.amount));
      expect(totalAmount.toString()).toBe(total);
      const [first, last] = [file.statements[0]!, file.statements[file.statements.length - 1]!];
      expect(last.closingBalance!.amount.minus(first.openingBalance!.amount).toString()).toBe(total);
    });
  }
});
