/**
 * Customer blocking (refuses), credit and overdue warnings and the stockout warning (notify only)
 * — spec §12.3–12.5. The caller sums the customer's ledger and documents; these functions decide.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, toFixedString } from '../money/decimal.ts';
import { type IsoDate } from '../dates/calendar-date.ts';
import { salesDescriptor } from '../documents/document-descriptors.ts';
import { type SalesDocumentType, type Warning, salesDocumentTypeCaptions } from './types.ts';

export type CustomerBlocked = 'none' | 'ship' | 'invoice' | 'all';

export type SalesAction = 'createDocument' | 'postShipment' | 'postInvoiceOfShipped' | 'postReturn' | 'payment';

/** The columns of the §12.3 table. */
type BlockingColumn =
  | 'createQuoteOrderBlanketOrder'
  | 'createInvoice'
  | 'postShipment'
  | 'postInvoiceOfShipped'
  | 'creditMemoOrReturnOrder'
  | 'payment';

const refusedBy: Readonly<Record<BlockingColumn, readonly CustomerBlocked[]>> = {
  createQuoteOrderBlanketOrder: ['ship', 'invoice', 'all'],
  createInvoice: ['invoice', 'all'],
  postShipment: ['ship', 'invoice', 'all'],
  postInvoiceOfShipped: ['invoice', 'all'],
  creditMemoOrReturnOrder: ['all'],
  payment: ['all'],
};

const blockedCaptions: Readonly<Record<CustomerBlocked, string>> = { none: '', ship: 'Ship', invoice: 'Invoice', all: 'All' };

/** Refuses what the customer's Blocked value forbids; check the sell-to and the bill-to customer alike. */
export function assertCustomerNotBlocked(
  customer: { no: string; blocked: CustomerBlocked },
  documentType: SalesDocumentType,
  action: SalesAction,
): void {
  const column = blockingColumn(documentType, action);
  if (!refusedBy[column].includes(customer.blocked)) return;
  throw new DomainError('CUSTOMER_BLOCKED', {
    customerNo: customer.no,
    blocked: customer.blocked,
    blockedText: blockedCaptions[customer.blocked],
    action,
    documentType,
    ...actionPhrase(documentType, action),
  });
}

function blockingColumn(documentType: SalesDocumentType, action: SalesAction): BlockingColumn {
  if (action === 'payment') return 'payment';
  // Like BC's CheckBlockedCustOnDocs, credit documents are only stopped by All, whatever the step.
  if (salesDescriptor(documentType).sign < 0) return 'creditMemoOrReturnOrder';
  switch (action) {
    case 'createDocument': return documentType === 'invoice' ? 'createInvoice' : 'createQuoteOrderBlanketOrder';
    case 'postShipment': return 'postShipment';
    // A "return" posted from a sales document ships nothing: BC treats it as invoicing.
    case 'postInvoiceOfShipped':
    case 'postReturn': return 'postInvoiceOfShipped';
  }
}

function actionPhrase(documentType: SalesDocumentType, action: SalesAction): { actionText: string; documentTypeText: string } {
  const documentTypeText = `a ${salesDocumentTypeCaptions[documentType]}`;
  switch (action) {
    case 'createDocument': return { actionText: 'create', documentTypeText };
    case 'postShipment': return { actionText: 'post the shipment of', documentTypeText };
    case 'postInvoiceOfShipped': return { actionText: 'invoice the shipped quantities of', documentTypeText };
    case 'postReturn': return { actionText: 'post', documentTypeText };
    case 'payment': return { actionText: 'post', documentTypeText: 'payments or journal lines' };
  }
}

export type CreditWarningsSetting = 'bothWarnings' | 'creditLimit' | 'overdueBalance' | 'noWarning';

/** All in LCY including VAT; balances measured up to the work date. */
export interface CreditExposure {
  creditLimitLcy: Decimal;
  balanceLcy: Decimal;
  shippedNotInvoicedLcy: Decimal;
  returnReceivedNotInvoicedLcy: Decimal;
  /** Other open orders, net of what is already shipped (counted in shippedNotInvoicedLcy) and of invoiced prepayments. */
  outstandingOrdersLcy: Decimal;
  outstandingInvoicesLcy: Decimal;
  outstandingReturnOrdersLcy: Decimal;
  /** What the current document adds (its new outstanding amount minus the one already counted). */
  currentDocumentChangeLcy: Decimal;
  /** Balance Due (LCY): open entries due before the work date (core/receivables/balance-due.ts). */
  balanceDueLcy: Decimal;
}

/** The §12.4 total compared with the credit limit. */
export function creditExposureTotalLcy(exposure: CreditExposure): Decimal {
  return exposure.balanceLcy
    .plus(exposure.shippedNotInvoicedLcy)
    .minus(exposure.returnReceivedNotInvoicedLcy)
    .plus(exposure.outstandingOrdersLcy)
    .plus(exposure.outstandingInvoicesLcy)
    .minus(exposure.outstandingReturnOrdersLcy)
    .plus(exposure.currentDocumentChangeLcy);
}

/**
 * The words of the credit warnings, from their details (amounts as text): the server words them with
 * plain amounts, the web app again with the amounts in the user's locale.
 */
export const creditWarningMessages = {
  OVERDUE_BALANCE: (d: { balanceDueLcy: string }) => `The customer has an overdue balance of ${d.balanceDueLcy} (LCY).`,
  CREDIT_LIMIT_EXCEEDED: (d: { creditLimitLcy: string; totalAmountLcy: string; overLimitLcy: string }) =>
    `The customer's credit limit of ${d.creditLimitLcy} (LCY) is exceeded: with this document the total is ${d.totalAmountLcy} (LCY), ${d.overLimitLcy} over the limit.`,
} as const;

/** Which checks the Credit Warnings setting asks for this customer: a credit limit of 0 means "no limit", not "no credit". */
export function creditChecks(setting: CreditWarningsSetting, creditLimitLcy: Decimal): { limit: boolean; overdue: boolean } {
  return {
    limit: (setting === 'creditLimit' || setting === 'bothWarnings') && !creditLimitLcy.isZero(),
    overdue: setting === 'overdueBalance' || setting === 'bothWarnings',
  };
}

/** Warnings never block: the user is told and may continue, and posting stays allowed. */
export function creditWarnings(setting: CreditWarningsSetting, exposure: CreditExposure): Warning[] {
  const warnings: Warning[] = [];
  const checks = creditChecks(setting, exposure.creditLimitLcy);
  if (checks.limit) {
    const total = creditExposureTotalLcy(exposure);
    if (total.greaterThan(exposure.creditLimitLcy)) warnings.push(creditLimitWarning(exposure, total));
  }
  if (checks.overdue && exposure.balanceDueLcy.greaterThan(0)) {
    warnings.push({
      code: 'OVERDUE_BALANCE',
      message: creditWarningMessages.OVERDUE_BALANCE({ balanceDueLcy: amountText(exposure.balanceDueLcy) }),
      details: { balanceDueLcy: amountText(exposure.balanceDueLcy) },
    });
  }
  return warnings;
}

function creditLimitWarning(exposure: CreditExposure, total: Decimal): Warning {
  const overLimit = total.minus(exposure.creditLimitLcy);
  return {
    code: 'CREDIT_LIMIT_EXCEEDED',
    message: creditWarningMessages.CREDIT_LIMIT_EXCEEDED({ creditLimitLcy: amountText(exposure.creditLimitLcy), totalAmountLcy: amountText(total), overLimitLcy: amountText(overLimit) }),
    details: {
      creditLimitLcy: amountText(exposure.creditLimitLcy),
      totalAmountLcy: amountText(total),
      overLimitLcy: amountText(overLimit),
      balanceLcy: amountText(exposure.balanceLcy),
      shippedNotInvoicedLcy: amountText(exposure.shippedNotInvoicedLcy),
      returnReceivedNotInvoicedLcy: amountText(exposure.returnReceivedNotInvoicedLcy),
      outstandingOrdersLcy: amountText(exposure.outstandingOrdersLcy),
      outstandingInvoicesLcy: amountText(exposure.outstandingInvoicesLcy),
      outstandingReturnOrdersLcy: amountText(exposure.outstandingReturnOrdersLcy),
      currentDocumentChangeLcy: amountText(exposure.currentDocumentChangeLcy),
      // BC's credit limit notification shows the overdue part of the balance as well (spec §12.4).
      balanceDueLcy: amountText(exposure.balanceDueLcy),
    },
  };
}

export interface StockoutCheck {
  itemNo: string;
  /** Projected available inventory at the location on the shipment date, in the same unit as requestedQuantity. */
  availableQuantity: Decimal;
  requestedQuantity: Decimal;
  locationCode: string;
  shipmentDate: IsoDate | null;
}

/**
 * Notifies when the available inventory is lower than the quantity entered (spec §12.5). Only
 * demand can run short, so a zero or negative quantity never warns.
 */
export function stockoutWarning(
  setupStockoutWarning: boolean,
  itemStockoutWarning: 'default' | 'no' | 'yes',
  check: StockoutCheck,
): Warning | null {
  const enabled = itemStockoutWarning === 'default' ? setupStockoutWarning : itemStockoutWarning === 'yes';
  const { itemNo, availableQuantity, requestedQuantity, locationCode, shipmentDate } = check;
  if (!enabled || !requestedQuantity.greaterThan(0) || !availableQuantity.lessThan(requestedQuantity)) return null;
  const where = locationCode === '' ? '' : ` at location ${locationCode}`;
  const when = shipmentDate ? ` on ${shipmentDate}` : '';
  return {
    code: 'STOCKOUT',
    message:
      `The available inventory of item ${itemNo}${where}${when} (${availableQuantity.toString()}) ` +
      `is lower than the entered quantity (${requestedQuantity.toString()}).`,
    details: {
      itemNo,
      locationCode,
      shipmentDate: shipmentDate ?? '',
      availableQuantity: availableQuantity.toString(),
      requestedQuantity: requestedQuantity.toString(),
      shortageQuantity: requestedQuantity.minus(availableQuantity).toString(),
    },
  };
}

// At least two decimals ("5500.00"), more when the LCY precision has them.
function amountText(value: Decimal): string {
  return toFixedString(value, Math.max(2, value.decimalPlaces()));
}
