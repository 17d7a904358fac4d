/**
 * Line amounts of a foreign-currency document in LCY (spec §4.6), the way BC's sales posting
 * converts them (Sales-Post, RoundAmount): each field is converted on the running total of the
 * lines so far, and a line gets the difference between that rounded total and what the lines
 * before it got:
 *
 *   lineLcy(i) = round(Σ₁..ᵢ lineFcy / Currency Factor) − Σ₁..ᵢ₋₁ lineLcy
 *
 * So each field's LCY total is exactly the rounded conversion of its document total, and no
 * residue is left over. Amount and Amount Including VAT are converted separately; the LCY VAT of a
 * line is their difference, which is where a conversion residue lands. A line without VAT
 * (Amount = Amount Including VAT) takes its LCY Amount from its LCY Amount Including VAT, so a
 * zero-VAT line never gets a cent of VAT from rounding.
 *
 * VAT Base Amount: where it equals the Amount in the document currency (always, unless a VAT
 * base discount applies) its LCY value is the LCY Amount, so the VAT entry's base matches the
 * revenue posted. BC converts it on its own running total, which can put a VAT-free line's base
 * a cent away from its amount; that is the one place we differ.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';

/** The money of one line in one posting. */
export interface PostingLineAmounts {
  amount: Decimal;
  amountIncludingVat: Decimal;
  vatBaseAmount: Decimal;
  lineDiscountAmount: Decimal;
  invoiceDiscountAmount: Decimal;
}

const NO_AMOUNTS: PostingLineAmounts = {
  amount: ZERO,
  amountIncludingVat: ZERO,
  vatBaseAmount: ZERO,
  lineDiscountAmount: ZERO,
  invoiceDiscountAmount: ZERO,
};

/**
 * The lines' amounts in LCY, in the order given (BC walks them in Line No. order).
 * currencyFactor is BC's Currency Factor: document-currency units per 1 LCY, so LCY = amount / factor.
 */
export function convertLineAmountsToLcy(
  lines: readonly PostingLineAmounts[],
  currencyFactor: Decimal,
  lcyAmountRoundingPrecision: Decimal | string,
): PostingLineAmounts[] {
  if (!currencyFactor.greaterThan(0)) {
    throw new DomainError('INVALID_INPUT', { detail: `The currency factor must be greater than 0; it is ${currencyFactor.toString()}.` });
  }
  let totalFcy = NO_AMOUNTS;
  let totalLcy = NO_AMOUNTS;
  return lines.map((line) => {
    totalFcy = add(totalFcy, line);
    const converted = (field: keyof PostingLineAmounts) =>
      roundAmount(totalFcy[field].div(currencyFactor), lcyAmountRoundingPrecision).minus(totalLcy[field]);
    const amountIncludingVat = converted('amountIncludingVat');
    const amount = line.amount.equals(line.amountIncludingVat) ? amountIncludingVat : converted('amount');
    const lineLcy: PostingLineAmounts = {
      amount,
      amountIncludingVat,
      vatBaseAmount: line.vatBaseAmount.equals(line.amount) ? amount : converted('vatBaseAmount'),
      lineDiscountAmount: converted('lineDiscountAmount'),
      invoiceDiscountAmount: converted('invoiceDiscountAmount'),
    };
    totalLcy = add(totalLcy, lineLcy);
    return lineLcy;
  });
}

function add(a: PostingLineAmounts, b: PostingLineAmounts): PostingLineAmounts {
  return {
    amount: a.amount.plus(b.amount),
    amountIncludingVat: a.amountIncludingVat.plus(b.amountIncludingVat),
    vatBaseAmount: a.vatBaseAmount.plus(b.vatBaseAmount),
    lineDiscountAmount: a.lineDiscountAmount.plus(b.lineDiscountAmount),
    invoiceDiscountAmount: a.invoiceDiscountAmount.plus(b.invoiceDiscountAmount),
  };
}
