/**
 * One camt entry (<Ntry>) → one statement transaction. A batch entry with several <TxDtls> stays one
 * transaction (its amount is what the bank booked); the details' texts are joined and the first
 * counterparty and references are taken.
 */
import { DomainError } from '../../errors.ts';
import type { IsoDate } from '../../dates/calendar-date.ts';
import { camtDate, signedCamtAmount, type CamtPlace } from './camt-values.ts';
import type { StatementTransactionDraft, StatementTransactionStatus } from './statement-file.ts';
import { joinTexts } from './statement-values.ts';
import { element, elements, textOf, textsOf, type XmlElement } from './xml-node.ts';

export interface CamtEntryContext extends CamtPlace {
  readonly statementCurrency: string;
  /** The record's creation date: the last fallback for a camt.054 entry without booking and value date. */
  readonly recordDate: IsoDate | null;
}

interface RelatedParty {
  readonly name: string;
  readonly address: string;
  readonly city: string;
  readonly bankAccountNo: string;
}

const noParty: RelatedParty = { name: '', address: '', city: '', bankAccountNo: '' };

export function readCamtEntry(entry: XmlElement, context: CamtEntryContext): StatementTransactionDraft {
  const place: CamtPlace = { fileName: context.fileName, where: context.where };
  const { amount, credit, currency } = signedCamtAmount(entry, place);
  const valueDate = camtDate(entry, 'ValDt', place);
  const bookingDate = camtDate(entry, 'BookgDt', place) ?? valueDate ?? context.recordDate;
  if (bookingDate === null) throw new DomainError('STATEMENT_FIELD_MISSING', { ...place, field: 'booking date (BookgDt)' });
  const details = elements(entry, 'NtryDtls').flatMap((entryDetails) => elements(entryDetails, 'TxDtls'));
  const reversal = textOf(entry, 'RvslInd') === 'true';
  // The counterparty of money received is the debtor; a reversed credit (booked as a debit) still names it so.
  const received = credit !== reversal;
  const party = relatedParty(details, received ? 'Dbtr' : 'Cdtr');
  return {
    bookingDate,
    valueDate,
    amount,
    currency: currency || context.statementCurrency,
    status: entryStatus(entry),
    reversal,
    transactionText: joinTexts(details.flatMap((detail) => textsOf(detail, 'RmtInf', 'Ustrd'))),
    additionalTransactionInfo: joinTexts([
      textOf(entry, 'AddtlNtryInf'),
      ...details.map((detail) => textOf(detail, 'AddtlTxInf')),
      ...details.flatMap((detail) => elements(element(detail, 'RmtInf'), 'Strd').flatMap((block) => textsOf(block, 'AddtlRmtInf'))),
    ]),
    relatedPartyName: party.name,
    relatedPartyAddress: party.address,
    relatedPartyCity: party.city,
    relatedPartyBankAccountNo: party.bankAccountNo,
    paymentReferenceNo: firstOf(details.flatMap((detail) => creditorReferences(detail))),
    bankReference: textOf(entry, 'AcctSvcrRef') || firstOf(details.map((detail) => textOf(detail, 'Refs', 'AcctSvcrRef'))),
    endToEndId: firstOf(details.map((detail) => textOf(detail, 'Refs', 'EndToEndId')).filter((id) => id !== 'NOTPROVIDED')),
    bankTransactionCode: transactionCode(entry) || firstOf(details.map(transactionCode)),
  };
}

function firstOf(values: readonly string[]): string {
  return values.find((value) => value !== '') ?? '';
}

function entryStatus(entry: XmlElement): StatementTransactionStatus {
  // Up to version 6 the status is text; from version 7 on it is a code element.
  const status = textOf(entry, 'Sts') || textOf(entry, 'Sts', 'Cd');
  if (status === 'PDNG' || status === 'FUTR') return 'pending';
  if (status === 'INFO') return 'information';
  return 'booked';
}

function creditorReferences(detail: XmlElement): string[] {
  return elements(element(detail, 'RmtInf'), 'Strd').map((block) => textOf(block, 'CdtrRefInf', 'Ref')).filter((ref) => ref !== '');
}

/** Domain/Family/SubFamily (PMNT/RCDT/ESCT), else the proprietary code. */
function transactionCode(node: XmlElement): string {
  const domain = element(node, 'BkTxCd', 'Domn');
  if (domain) return [textOf(domain, 'Cd'), textOf(domain, 'Fmly', 'Cd'), textOf(domain, 'Fmly', 'SubFmlyCd')].filter(Boolean).join('/');
  return textOf(node, 'BkTxCd', 'Prtry', 'Cd');
}

/** The first transaction detail naming the party in this role (Dbtr or Cdtr), with its account. */
function relatedParty(details: readonly XmlElement[], role: 'Dbtr' | 'Cdtr'): RelatedParty {
  for (const detail of details) {
    const parties = element(detail, 'RltdPties');
    // The ultimate party stands in only when the bank names no direct one.
    const roleElement = element(parties, role) ?? element(parties, `Ultmt${role}`);
    // From version 8 on the party sits in a <Pty> wrapper, or is a bank (<Agt><FinInstnId>).
    const party = element(roleElement, 'Pty') ?? element(roleElement, 'Agt', 'FinInstnId') ?? roleElement;
    const bankAccountNo = textOf(parties, `${role}Acct`, 'Id', 'IBAN') || textOf(parties, `${role}Acct`, 'Id', 'Othr', 'Id');
    if (!party && bankAccountNo === '') continue;
    return { name: textOf(party, 'Nm'), ...postalAddress(element(party, 'PstlAdr')), bankAccountNo };
  }
  return noParty;
}

/** Street and city from the structured fields, else from the address lines (the last one is the city). */
function postalAddress(address: XmlElement | undefined): { address: string; city: string } {
  const lines = textsOf(address, 'AdrLine');
  const street = joinTexts([textOf(address, 'StrtNm'), textOf(address, 'BldgNb')]);
  const city = joinTexts([textOf(address, 'PstCd'), textOf(address, 'TwnNm')]);
  if (street !== '' || city !== '') return { address: street || joinTexts(lines), city };
  if (lines.length <= 1) return { address: joinTexts(lines), city: '' };
  return { address: joinTexts(lines.slice(0, -1)), city: joinTexts(lines.slice(-1)) };
}
