/**
 * The purchase side of the posting model (issue 14): purchase orders received and invoiced in parts,
 * purchase invoices posted directly (Receipt on Invoice), and what the books must say about them —
 * the vendor entries and payables, purchase VAT, and the cost the receipts bring into inventory.
 * Written from the spec's purchase reading of §4.5–4.6 and §7.3–7.6 (BC Purch.-Post), as the sales
 * model is: an invoice posts the lines' amounts for the quantity it invoices, prorated as the line is
 * now (§4.5); a receipt's item entry expects its share of the line's Amount for what is not invoiced
 * (Cost Amount (Expected), in LCY), and each invoice turns that share into its own amount (actual).
 *
 * Purchase lines are item lines only, and the vendors have no invoice discount terms. The steps that
 * drive this model are in posting-model-purchase-steps.ts, the checks in posting-model-payables.ts.
 */
import { type Decimal, sum, ZERO } from '../../src/core/money/decimal.ts';
import { roundAmount } from '../../src/core/money/rounding.ts';
import { modelVendors, type VendorFacts } from './given-model-company.ts';
import { netAmount, type PostingAmounts, postingAmounts, type PriceFacts, type Quantity, toLcy } from './posting-model-amounts.ts';

export const vendorNos = modelVendors.map((vendor) => vendor.no);
export const vendorFacts = (no: string): VendorFacts => modelVendors.find((vendor) => vendor.no === no)!;
/** Direct unit costs with three to five decimals, so no share of a line comes out even. */
export const directUnitCosts = ['17.995', '38.4567', '52.12345', '7.125', '44.4449'] as const;
/** Purchase quantities (thousandths): larger than the sales ones, so the stock the sales take is bought. */
export const purchaseQuantities: readonly Quantity[] = [1000, 2500, 3333, 5000, 6750, 8000];

/** A purchase line's price facts: the model's PriceFacts with the Direct Unit Cost as the unit amount. */
export interface PurchaseLineFacts { itemNo: string; directUnitCost: string; lineDiscountPercent: string }
export const purchasePrice = (line: PurchaseLineFacts): PriceFacts => ({ type: 'item', no: line.itemNo, unitPrice: line.directUnitCost, lineDiscountPercent: line.lineDiscountPercent });

/** One posted receipt line: its item entry's quantity, what invoices took of it, and the cost still expected (LCY). */
export interface Receipt {
  receiptNo: string;
  lineNo: number;
  itemNo: string;
  quantity: Quantity;
  invoiced: Quantity;
  expected: Decimal;
}

export interface PurchaseOrderLine extends PurchaseLineFacts {
  lineNo: number;
  quantity: Quantity;
  received: Quantity;
  invoiced: Quantity;
  toReceive: Quantity;
  toInvoice: Quantity;
  /** Its receipts, oldest first: the order in which an invoice bills them (purchase-post.receipts.ts). */
  receipts: Receipt[];
}
export interface PurchaseOrder { no: string; vendorNo: string; lines: PurchaseOrderLine[] }

export interface PostedPurchaseInvoice {
  no: string;
  vendorNo: string;
  vendorInvoiceNo: string;
  /** Positive, in the vendor's currency and LCY; the vendor entry carries them negated. */
  amounts: PostingAmounts;
}

/** `quantity` of a line in one posting; `of` is the line's Quantity when this is only part of it (§4.5). */
export interface PurchasePart { line: PurchaseLineFacts; lineNo: number; quantity: Quantity; of: Quantity }

export class PurchaseModel {
  readonly orders = new Map<string, PurchaseOrder>();
  readonly receipts: Receipt[] = [];
  readonly invoices = new Map<string, PostedPurchaseInvoice>();
  /** Vendor Invoice Nos. handed out: each invoicing gets a new one (Ext. Doc. No. Mandatory, unique per vendor). */
  private vendorDocuments = 0;

  nextVendorInvoiceNo(): string {
    this.vendorDocuments += 1;
    return `VI-${String(this.vendorDocuments).padStart(4, '0')}`;
  }

  /** What one posting invoices (§4.3–4.6): each part's Line Amount, VAT per identifier, LCY by running total. */
  invoiceAmounts(vendorNo: string, parts: readonly PurchasePart[]): PostingAmounts {
    return postingAmounts(parts.map((part) => ({
      lineNo: part.lineNo, type: 'item', no: part.line.itemNo, net: netAmount(purchasePrice(part.line), part.quantity, part.of),
    })), vendorFacts(vendorNo).factor);
  }

  /**
   * A receipt of `quantity` of an order line of which `invoicedNow` is invoiced in the same posting
   * (its actual cost is what the invoice posts for it, counted in costActualLcy); the rest is
   * expected at its share of the line's Amount (BC Purch.-Post: Amount × qty / Quantity, rounded,
   * then to LCY).
   */
  receive(
    vendorNo: string, receiptNo: string, line: PurchaseLineFacts & { lineNo: number; quantity: Quantity }, quantity: Quantity, invoicedNow: Quantity,
  ): Receipt {
    const notInvoiced = quantity - invoicedNow;
    const share = roundAmount(netAmount(purchasePrice(line), line.quantity).times(notInvoiced).div(line.quantity));
    const expected = toLcy(share, vendorFacts(vendorNo).factor);
    const receipt: Receipt = { receiptNo, lineNo: line.lineNo, itemNo: line.itemNo, quantity, invoiced: invoicedNow, expected };
    this.receipts.push(receipt);
    return receipt;
  }

  /** An invoice bills `quantity` of an earlier receipt: that share of what it still expects is reversed (§7.6). */
  bill(receipt: Receipt, quantity: Quantity) {
    receipt.expected = receipt.expected.minus(roundAmount(receipt.expected.times(quantity).div(receipt.quantity - receipt.invoiced)));
    receipt.invoiced += quantity;
  }

  private total(pick: (amounts: PostingAmounts) => Decimal): Decimal {
    return sum([...this.invoices.values()].map((invoice) => pick(invoice.amounts)));
  }
  /** LCY owed to the vendors: Σ invoices incl. VAT (nothing is paid). Signed as the vendor entries: negative. */
  payablesLcy(): Decimal {
    return this.total((amounts) => amounts.totalLcy).negated();
  }
  /** In the vendor's currency, signed as its entries. */
  balance(vendorNo: string): Decimal {
    return sum([...this.invoices.values()].filter((invoice) => invoice.vendorNo === vendorNo).map((invoice) => invoice.amounts.total)).negated();
  }
  /** LCY net purchases: what the Purchase Account gets (every purchase line is an item line). */
  purchasesLcy(): Decimal {
    return this.total((amounts) => amounts.netLcy);
  }
  /** LCY VAT base and VAT of one identifier on the purchase VAT entries (positive). */
  vatLcy(identifier: string): { base: Decimal; amount: Decimal } {
    const of = (field: 'base' | 'amount') => this.total((amounts) => amounts.vatByIdentifier.get(identifier)?.[field] ?? ZERO);
    return { base: of('base'), amount: of('amount') };
  }
  /** Σ Cost Amount (Actual) of the purchase value entries: each invoiced item line's LCY amount. */
  costActualLcy(): Decimal {
    return this.total((amounts) => amounts.itemNetLcy);
  }
  /** Σ Cost Amount (Expected) of the purchase value entries: what the receipts still expect. */
  costExpectedLcy(): Decimal {
    return sum(this.receipts.map((receipt) => receipt.expected));
  }
}
