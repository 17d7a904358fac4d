/**
 * What an approval approves (issue 18 point 5): a stable hash of the document's content — customer,
 * currency, salesperson, price basis, invoice discount and every line's type, no., unit, quantity,
 * unit price, discount and amount — of a canonical serialisation: fixed key order, decimals
 * normalised ("100.00000" = "100"), lines in line order. Document type and number are not part of
 * it, so an order made from an approved quote with the same content carries the approval; any
 * change of what is sold, to whom or for how much gives another hash.
 *
 * Amounts that release recalculates (invoice discount per line, VAT) are left out: they follow from
 * the content, and a release must not void the approval it completes.
 */
import { createHash } from 'node:crypto';
import { dec } from '../money/decimal.ts';

export interface ApprovalContentHeader {
  sellToCustomerNo: string;
  billToCustomerNo: string;
  currencyCode: string | null;
  pricesIncludingVat: boolean;
  salespersonCode: string | null;
  invoiceDiscountCalculation: string;
  invoiceDiscountValue: string;
}

export interface ApprovalContentLine {
  lineNo: number;
  type: string;
  no: string;
  unitOfMeasureCode: string | null;
  quantity: string;
  unitPrice: string;
  lineDiscountPercent: string;
  lineDiscountAmount: string;
  lineAmount: string;
}

const decimal = (value: string) => dec(value).toString();

/** The canonical text the hash is taken of (JSON of arrays: no key order to depend on). */
export function canonicalApprovalContent(header: ApprovalContentHeader, lines: readonly ApprovalContentLine[]): string {
  const headerPart = [
    header.sellToCustomerNo, header.billToCustomerNo, header.currencyCode ?? '', header.pricesIncludingVat, header.salespersonCode ?? '',
    header.invoiceDiscountCalculation, header.invoiceDiscountCalculation === 'none' ? '0' : decimal(header.invoiceDiscountValue),
  ];
  const lineParts = [...lines]
    .filter((line) => line.type !== 'comment')
    .sort((a, b) => a.lineNo - b.lineNo)
    .map((line) => [
      line.type, line.no, line.unitOfMeasureCode ?? '', decimal(line.quantity), decimal(line.unitPrice),
      decimal(line.lineDiscountPercent), decimal(line.lineDiscountAmount), decimal(line.lineAmount),
    ]);
  return JSON.stringify({ v: 1, header: headerPart, lines: lineParts });
}

/** SHA-256 (hex) of the canonical content. */
export function approvalContentHash(header: ApprovalContentHeader, lines: readonly ApprovalContentLine[]): string {
  return createHash('sha256').update(canonicalApprovalContent(header, lines), 'utf8').digest('hex');
}
