/**
 * What the totals will be while the user is still typing: the same core functions the server uses
 * (line amount, VAT per VAT identifier), on the typed values. The server's answer replaces it.
 */
import { DomainError } from '../../core/errors.ts';
import { dec, sum, type Decimal } from '../../core/money/decimal.ts';
import { AMOUNT_ROUNDING_PRECISION } from '../../core/money/rounding.ts';
import { calculateDocumentTotals } from '../../core/sales/document-totals.ts';
import { calculateLineAmount } from '../../core/sales/line-amounts.ts';
import type { AmountLine } from '../../core/sales/types.ts';
import type { DocumentTotals } from '../api/types.ts';
import { decimalOf, type GridDocument, type GridLine, type PriceField } from './line-fields.ts';

/** The typed quantity, price (Unit Price or Direct Unit Cost) and line discount of a line. */
export interface LinePricingDraft {
  quantity?: string;
  price?: string;
  lineDiscountPercent?: string;
}

interface DocumentPreview {
  lineAmounts: ReadonlyMap<number, string>;
  totals: DocumentTotals;
}

interface PreviewLine { line: GridLine; lineAmount: Decimal; lineDiscountAmount: Decimal }

/** A line with the typed pricing applied; null when the typed values are not (yet) valid. */
function previewLine(line: GridLine, draft: LinePricingDraft | undefined, priceField: PriceField): PreviewLine | null {
  const pricing = {
    quantity: dec(draft?.quantity ?? line.quantity),
    unitPrice: dec(draft?.price ?? decimalOf(line, priceField)),
    lineDiscountPercent: dec(draft?.lineDiscountPercent ?? line.lineDiscountPercent),
  };
  try {
    return { line, ...calculateLineAmount(pricing, AMOUNT_ROUNDING_PRECISION) };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/**
 * The preview for the typed drafts (plain decimal strings by Line No.), or null when nothing typed
 * changes an amount. Foreign-currency documents are previewed at the LCY amount precision.
 */
export function previewDocument(document: GridDocument, drafts: ReadonlyMap<number, LinePricingDraft>, priceField: PriceField): DocumentPreview | null {
  const changed = new Map<number, PreviewLine>();
  for (const [lineNo, draft] of drafts) {
    const line = document.lines.find((candidate) => candidate.lineNo === lineNo);
    const preview = line && line.type !== 'comment' ? previewLine(line, draft, priceField) : null;
    if (preview && !preview.lineAmount.eq(dec(line!.lineAmount))) changed.set(lineNo, preview);
  }
  if (changed.size === 0) return null;
  const lines = document.lines.map((line) => changed.get(line.lineNo) ?? { line, lineAmount: dec(line.lineAmount), lineDiscountAmount: dec(line.lineDiscountAmount) });
  const amountLines: AmountLine[] = lines.map(({ line, lineAmount }) => ({
    lineNo: line.lineNo,
    type: line.type,
    lineAmount,
    invoiceDiscountAmount: dec(line.invoiceDiscountAmount),
    allowInvoiceDiscount: line.allowInvoiceDiscount,
    vatPercent: dec(line.vatPercent),
    vatIdentifier: line.vatIdentifier,
    vatCalculationType: line.vatCalculationType,
  }));
  const { totals } = calculateDocumentTotals(amountLines, { pricesIncludingVat: document.pricesIncludingVat, amountRoundingPrecision: dec(AMOUNT_ROUNDING_PRECISION) });
  const money = (value: Decimal) => value.toFixed(2);
  return {
    lineAmounts: new Map([...changed].map(([lineNo, preview]) => [lineNo, money(preview.lineAmount)])),
    totals: {
      lineAmount: money(totals.lineAmount),
      lineDiscountAmount: money(sum(lines.filter(({ line }) => line.type !== 'comment').map((preview) => preview.lineDiscountAmount))),
      invoiceDiscountAmount: money(totals.invoiceDiscountAmount),
      amount: money(totals.amount),
      vatAmount: money(totals.vatAmount),
      amountIncludingVat: money(totals.amountIncludingVat),
    },
  };
}
