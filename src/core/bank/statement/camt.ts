/**
 * ISO 20022 bank-to-customer messages: camt.053 (statement), camt.052 (account report) and camt.054
 * (debit/credit notification), every version (001.01–001.08 and later): the message is told by its
 * element name, not by the namespace, and the fields read are the ones all versions share.
 */
import { DomainError } from '../../errors.ts';
import type { IsoDate } from '../../dates/calendar-date.ts';
import { readCamtEntry } from './camt-entry.ts';
import { camtDate, camtDateTimeDate, signedCamtAmount, type CamtPlace } from './camt-values.ts';
import { finishStatementFile } from './finish-statement-file.ts';
import type { ParsedStatementDraft, ParsedStatementFile, StatementBalance, StatementFormat, StatementParseOptions } from './statement-file.ts';
import { defaultFileName } from './statement-file.ts';
import { attributeOf, childNames, element, elements, parseXml, textOf, type XmlElement } from './xml-node.ts';

interface CamtKind {
  /** The message element, without the V01 suffix version 1 adds. */
  readonly message: string;
  readonly format: StatementFormat;
  /** The element of one statement, report or notification. */
  readonly record: string;
}

export const camtKinds: readonly CamtKind[] = [
  { message: 'BkToCstmrStmt', format: 'camt.053', record: 'Stmt' },
  { message: 'BkToCstmrAcctRpt', format: 'camt.052', record: 'Rpt' },
  { message: 'BkToCstmrDbtCdtNtfctn', format: 'camt.054', record: 'Ntfctn' },
];

export function parseCamt(xml: string, options: StatementParseOptions = {}): ParsedStatementFile {
  const fileName = options.fileName ?? defaultFileName;
  const parsed = parseXml(xml);
  if ('problem' in parsed) throw new DomainError('STATEMENT_FILE_MALFORMED', { fileName, reason: parsed.problem });
  const { kind, message } = camtMessage(parsed.document, fileName);
  const records = elements(message, kind.record);
  if (records.length === 0) {
    throw new DomainError('STATEMENT_FILE_EMPTY', { fileName, what: `${kind.format} ${kind.record} element (no statement, report or notification)` });
  }
  const messageDate = camtDateTimeDate(message, 'GrpHdr', 'CreDtTm');
  const statements = records.map((record, index) => readRecord(record, kind.format, { fileName, index, messageDate }));
  return finishStatementFile(kind.format, statements, { ...options, fileName });
}

function camtMessage(document: XmlElement, fileName: string): { kind: CamtKind; message: XmlElement } {
  const root = childNames(document)[0] ?? '(none)';
  const body = root === 'Document' ? element(document, 'Document') : undefined;
  const name = body ? (childNames(body)[0] ?? '(empty)') : root;
  const kind = camtKinds.find((candidate) => name === candidate.message || name.startsWith(`${candidate.message}V`));
  if (!body || !kind) {
    throw new DomainError('STATEMENT_FORMAT_UNKNOWN', {
      fileName,
      reason: `its XML document is <${root === 'Document' ? `Document><${name}` : root}>, not a camt.052, camt.053 or camt.054 bank-to-customer message`,
    });
  }
  return { kind, message: element(body, name)! };
}

interface RecordContext {
  readonly fileName: string;
  readonly index: number;
  readonly messageDate: IsoDate | null;
}

function readRecord(record: XmlElement, format: StatementFormat, context: RecordContext): ParsedStatementDraft {
  const statementId = textOf(record, 'Id');
  const where = `statement ${statementId || context.index + 1}`;
  const { fileName } = context;
  const accountIban = textOf(record, 'Acct', 'Id', 'IBAN');
  const { opening, closing } = readBalances(record, { fileName, where });
  const accountCurrency = textOf(record, 'Acct', 'Ccy') || opening?.currency || closing?.currency || '';
  const recordDate = camtDateTimeDate(record, 'CreDtTm') ?? context.messageDate;
  const entries = elements(record, 'Ntry');
  const statementCurrency = accountCurrency || attributeOf(element(entries[0], 'Amt'), 'Ccy');
  const transactions = entries.map((entry, index) =>
    readCamtEntry(entry, { fileName, where: `${where}, entry ${index + 1}`, statementCurrency, recordDate }));
  return {
    format,
    statementId,
    statementNo: textOf(record, 'LglSeqNb') || textOf(record, 'ElctrncSeqNb'),
    sequenceNo: '',
    accountIban,
    accountNo: accountIban === '' ? textOf(record, 'Acct', 'Id', 'Othr', 'Id') || textOf(record, 'Acct', 'Id', 'PrtryAcct', 'Id') : '',
    currency: statementCurrency,
    statementDate: recordDate,
    fromDate: camtDateTimeDate(record, 'FrToDt', 'FrDtTm'),
    toDate: camtDateTimeDate(record, 'FrToDt', 'ToDtTm'),
    openingBalance: opening,
    closingBalance: closing,
    transactions,
  };
}

/** Opening booked (else the previous closing booked) and closing booked balance; other types are not needed. */
function readBalances(record: XmlElement, place: CamtPlace): { opening: StatementBalance | null; closing: StatementBalance | null } {
  const byType = new Map<string, XmlElement>();
  for (const balance of elements(record, 'Bal')) {
    const type = textOf(balance, 'Tp', 'CdOrPrtry', 'Cd') || textOf(balance, 'Tp', 'Cd');
    if (!byType.has(type)) byType.set(type, balance);
  }
  const read = (type: string): StatementBalance | null => {
    const balance = byType.get(type);
    if (!balance) return null;
    const balancePlace = { fileName: place.fileName, where: `${place.where}, balance ${type}` };
    const { amount, currency } = signedCamtAmount(balance, balancePlace);
    const date = camtDate(balance, 'Dt', balancePlace);
    if (date === null) throw new DomainError('STATEMENT_FIELD_MISSING', { ...balancePlace, field: 'date (Dt)' });
    return { amount, currency, date };
  };
  return { opening: read('OPBD') ?? read('PRCD'), closing: read('CLBD') };
}
