/** Amounts, credit/debit marks and dates as every camt version writes them, refused clearly when wrong. */
import { DomainError } from '../../errors.ts';
import type { IsoDate } from '../../dates/calendar-date.ts';
import { dec, type Decimal } from '../../money/decimal.ts';
import { isoDatePrefix } from './statement-values.ts';
import { attributeOf, element, textOf, type XmlElement } from './xml-node.ts';

/** Where a value sits, for the refusal: the file and e.g. 'statement 2, entry 5'. */
export interface CamtPlace {
  readonly fileName: string;
  readonly where: string;
}

/** A signed amount from <Amt Ccy=…> and its <CdtDbtInd> sibling: CRDT positive, DBIT negative. */
export function signedCamtAmount(node: XmlElement, place: CamtPlace): { amount: Decimal; credit: boolean; currency: string } {
  const amountText = textOf(node, 'Amt');
  if (amountText === '') throw new DomainError('STATEMENT_FIELD_MISSING', { ...place, field: 'amount (Amt)' });
  if (!/^\d+(\.\d+)?$/.test(amountText)) {
    throw new DomainError('STATEMENT_FIELD_INVALID', { ...place, field: 'Amt', value: amountText, expected: 'an amount like 1234.56' });
  }
  const mark = textOf(node, 'CdtDbtInd');
  if (mark !== 'CRDT' && mark !== 'DBIT') {
    if (mark === '') throw new DomainError('STATEMENT_FIELD_MISSING', { ...place, field: 'credit/debit indicator (CdtDbtInd)' });
    throw new DomainError('STATEMENT_FIELD_INVALID', { ...place, field: 'CdtDbtInd', value: mark, expected: 'CRDT or DBIT' });
  }
  const magnitude = dec(amountText);
  const credit = mark === 'CRDT';
  // dec() again so that a zero debit is 0, not -0.
  return { amount: credit ? magnitude : dec(magnitude.negated()), credit, currency: attributeOf(element(node, 'Amt'), 'Ccy') };
}

/** The date of a <Dt> or <DtTm> under path ('BookgDt', 'ValDt', 'Dt'); null when absent. */
export function camtDate(node: XmlElement, path: string, place: CamtPlace): IsoDate | null {
  const text = textOf(node, path, 'Dt') || textOf(node, path, 'DtTm');
  if (text === '') return null;
  const date = isoDatePrefix(text);
  if (date === null) throw new DomainError('STATEMENT_FIELD_INVALID', { ...place, field: path, value: text, expected: 'a date (YYYY-MM-DD)' });
  return date;
}

/** The calendar date a date-time element (CreDtTm, FrDtTm …) starts with; null when absent or unreadable. */
export function camtDateTimeDate(node: XmlElement | undefined, ...path: string[]): IsoDate | null {
  return isoDatePrefix(textOf(node, ...path));
}
