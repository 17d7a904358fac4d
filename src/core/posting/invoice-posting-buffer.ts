/**
 * BC's Invoice Posting Buffer (codeunits "Sales Post Invoice", "Purch. Post Invoice", PrepareLine): the revenue (purchase)
 * lines of an invoice or credit memo, one per account and posting groups, with the discounts
 * posted on their own accounts as the Discount Posting setting asks (spec §23.2).
 *
 * Per line, in LCY, with N = Amount, V = its VAT, L = Line Discount Amount, I = Inv. Discount Amount:
 *   - Invoice Discounts / All Discounts: Dr Sales Inv. Disc. Account I (excl. VAT), sales account + I;
 *   - Line Discounts / All Discounts:    Dr Sales Line Disc. Account L (excl. VAT), sales account + L;
 *   - the sales account is credited what is left: N (+ I) (+ L).
 * When prices include VAT the discount amounts include VAT; BC's CalcDiscount takes the VAT out
 * (round(D / (1 + VAT %) × VAT %)) so the discount account gets the net part only. Reverse charge
 * discounts carry no VAT (CalcDiscountNoVAT). A discount account is required only when the line
 * has that discount.
 */
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import type { SalesLineType } from '../sales/types.ts';
import type { PostingLineAmounts } from './lcy-amounts.ts';
import {
  type GeneralPostingSetupSalesAccounts,
  type VatPostingSetupSales,
  findGeneralPostingSetup,
  generalPostingSetupName,
  requireAccount,
} from './posting-setup.ts';

/** Sales & Receivables Setup: Discount Posting. */
export type DiscountPosting = 'noDiscounts' | 'invoiceDiscounts' | 'lineDiscounts' | 'allDiscounts';

/** A line as the buffer sees it: its facts, its VAT setup and its amounts in LCY. */
export interface BufferLine {
  lineNo: number;
  type: SalesLineType;
  /** On G/L Account lines, the account credited. */
  no: string;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  vatBusPostingGroup: string;
  vatProdPostingGroup: string;
  vat: VatPostingSetupSales;
  amountsLcy: PostingLineAmounts;
  /** Where the line came from in the input (`lines.3`), for the field of an error. */
  inputPath: string;
}

/** Whose invoice: a sales invoice credits revenue, a purchase invoice debits purchases (spec §23; BC Purch. Post Invoice). */
export type InvoicePostingFamily = 'sales' | 'purchase';

type AccountKind = 'invoice' | 'creditMemo' | 'invoiceDiscount' | 'lineDiscount';
type PurchaseAccountField = 'purchaseAccount' | 'purchaseCreditMemoAccount' | 'purchaseInvoiceDiscountAccount' | 'purchaseLineDiscountAccount';

/** The General Posting Setup fields (and BC's captions) each family's lines post to. */
const lineAccounts: Readonly<Record<InvoicePostingFamily, Record<AccountKind, { field: keyof GeneralPostingSetupSalesAccounts | PurchaseAccountField; caption: string }>>> = {
  sales: {
    invoice: { field: 'salesAccount', caption: 'Sales Account' },
    creditMemo: { field: 'salesCreditMemoAccount', caption: 'Sales Credit Memo Account' },
    invoiceDiscount: { field: 'salesInvoiceDiscountAccount', caption: 'Sales Inv. Disc. Account' },
    lineDiscount: { field: 'salesLineDiscountAccount', caption: 'Sales Line Disc. Account' },
  },
  purchase: {
    invoice: { field: 'purchaseAccount', caption: 'Purch. Account' },
    creditMemo: { field: 'purchaseCreditMemoAccount', caption: 'Purch. Credit Memo Account' },
    invoiceDiscount: { field: 'purchaseInvoiceDiscountAccount', caption: 'Purch. Inv. Disc. Account' },
    lineDiscount: { field: 'purchaseLineDiscountAccount', caption: 'Purch. Line Disc. Account' },
  },
};

/** A General Posting Setup row with the accounts of either family ('' or absent = blank). */
export type GeneralPostingSetupInvoiceAccounts = Pick<GeneralPostingSetupSalesAccounts, 'genBusPostingGroup' | 'genProdPostingGroup'>
  & Partial<Omit<GeneralPostingSetupSalesAccounts, 'genBusPostingGroup' | 'genProdPostingGroup'>> & Partial<Record<PurchaseAccountField, string>>;

export interface BufferContext {
  /** Default sales. */
  family?: InvoicePostingFamily;
  documentType: 'invoice' | 'creditMemo';
  pricesIncludingVat: boolean;
  discountPosting: DiscountPosting;
  generalPostingSetups: readonly GeneralPostingSetupInvoiceAccounts[];
  lcyAmountRoundingPrecision: Decimal | string;
}

/**
 * One buffer line. Amounts in the sales direction: positive = revenue (a credit on an invoice,
 * a debit on a credit memo); discounts come out negative.
 */
export interface InvoicePostingBufferEntry {
  lineType: SalesLineType;
  accountNo: string;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  vatBusPostingGroup: string;
  vatProdPostingGroup: string;
  amount: Decimal;
  vatAmount: Decimal;
}

/** The buffer, in order of first appearance; BC's key is Type + account + the four posting groups. */
export function fillInvoicePostingBuffer(
  lines: readonly BufferLine[],
  context: BufferContext,
): InvoicePostingBufferEntry[] {
  const buffer = new Map<string, InvoicePostingBufferEntry>();
  for (const line of lines) {
    for (const entry of bufferEntriesOfLine(line, context)) {
      const key = [entry.lineType, entry.accountNo, entry.genBusPostingGroup, entry.genProdPostingGroup,
        entry.vatBusPostingGroup, entry.vatProdPostingGroup].join('\u0000');
      const existing = buffer.get(key);
      if (existing) {
        existing.amount = existing.amount.plus(entry.amount);
        existing.vatAmount = existing.vatAmount.plus(entry.vatAmount);
      } else {
        buffer.set(key, entry);
      }
    }
  }
  return [...buffer.values()];
}

type DiscountKind = 'invoice' | 'line';

function bufferEntriesOfLine(line: BufferLine, context: BufferContext): InvoicePostingBufferEntry[] {
  const setupPath = `${line.inputPath}.genProdPostingGroup`;
  let setup: GeneralPostingSetupInvoiceAccounts | undefined;
  const generalPostingSetup = () => setup ??= findGeneralPostingSetup(
    context.generalPostingSetups, line.genBusPostingGroup, line.genProdPostingGroup, setupPath,
  );
  const entries: InvoicePostingBufferEntry[] = [];
  let amount = line.amountsLcy.amount;
  let vatAmount = line.amountsLcy.amountIncludingVat.minus(line.amountsLcy.amount);
  // BC's order: the invoice discount first, then the line discount.
  for (const kind of discountsPostedSeparately(context.discountPosting)) {
    const discount = kind === 'invoice' ? line.amountsLcy.invoiceDiscountAmount : line.amountsLcy.lineDiscountAmount;
    const split = splitDiscount(discount, line.vat, context);
    if (split.amount.isZero()) continue;
    const { field, caption } = lineAccounts[context.family ?? 'sales'][kind === 'invoice' ? 'invoiceDiscount' : 'lineDiscount'];
    const account = requireAccount(generalPostingSetup()[field] ?? '', setupName(line), caption, setupPath);
    entries.push(bufferEntry(line, account, split.amount.negated(), split.vatAmount.negated()));
    amount = amount.plus(split.amount);
    vatAmount = vatAmount.plus(split.vatAmount);
  }
  entries.push(bufferEntry(line, lineAccount(line, context, generalPostingSetup), amount, vatAmount));
  return entries;
}

function discountsPostedSeparately(discountPosting: DiscountPosting): DiscountKind[] {
  switch (discountPosting) {
    case 'noDiscounts': return [];
    case 'invoiceDiscounts': return ['invoice'];
    case 'lineDiscounts': return ['line'];
    case 'allDiscounts': return ['invoice', 'line'];
  }
}

/** BC's CalcDiscount / CalcDiscountNoVAT: the discount's net amount and its VAT, in LCY. */
function splitDiscount(
  discount: Decimal,
  vat: VatPostingSetupSales,
  context: BufferContext,
): { amount: Decimal; vatAmount: Decimal } {
  if (vat.vatCalculationType === 'reverseCharge' || vat.vatPercent.isZero()) return { amount: discount, vatAmount: ZERO };
  const rate = vat.vatPercent.div(100);
  const unrounded = context.pricesIncludingVat ? discount.div(rate.plus(1)).times(rate) : discount.times(rate);
  const vatAmount = roundAmount(unrounded, context.lcyAmountRoundingPrecision);
  return { amount: context.pricesIncludingVat ? discount.minus(vatAmount) : discount, vatAmount };
}

/** The account the line's net amount goes to: its own G/L account, else the setup's sales (purchase) or credit memo account. */
function lineAccount(
  line: BufferLine,
  context: BufferContext,
  generalPostingSetup: () => GeneralPostingSetupInvoiceAccounts,
): string {
  if (line.type === 'glAccount') return requireAccount(line.no, `line ${line.lineNo}`, 'No. (G/L account)', `${line.inputPath}.no`);
  const { field, caption } = lineAccounts[context.family ?? 'sales'][context.documentType];
  return requireAccount(generalPostingSetup()[field] ?? '', setupName(line), caption, `${line.inputPath}.genProdPostingGroup`);
}

function setupName(line: BufferLine): string {
  return generalPostingSetupName(line.genBusPostingGroup, line.genProdPostingGroup);
}

function bufferEntry(line: BufferLine, accountNo: string, amount: Decimal, vatAmount: Decimal): InvoicePostingBufferEntry {
  return {
    lineType: line.type,
    accountNo,
    genBusPostingGroup: line.genBusPostingGroup,
    genProdPostingGroup: line.genProdPostingGroup,
    vatBusPostingGroup: line.vatBusPostingGroup,
    vatProdPostingGroup: line.vatProdPostingGroup,
    amount,
    vatAmount,
  };
}
