/**
 * The status machine's checks (spec §3.1–3.4; BC codeunit 414 "Release Sales Document" and the
 * TestStatusOpen calls of Sales Header / Sales Line): what Release requires, and which fields may
 * still change once a document is no longer Open.
 */
import { DomainError } from '../errors.ts';
import { assertLocationWhenMandatory } from '../inventory/location-mandatory.ts';
import type { Decimal } from '../money/decimal.ts';
import { type SalesDocumentStatus, type SalesDocumentType, type SalesLineType, salesDocumentTypeCaptions } from './types.ts';

export interface ReleaseLine {
  lineNo: number;
  type: SalesLineType;
  no: string;
  quantity: Decimal;
  unitOfMeasureCode: string | null;
  locationCode: string | null;
  /** False for a service or non-inventory item, whose location is never required; absent counts as inventory. */
  inventoryItem?: boolean;
}

export interface ReleaseDocument {
  documentType: SalesDocumentType;
  sellToCustomerNo: string | null;
  lines: readonly ReleaseLine[];
  /** Purchase documents: their caption and party field (Buy-from Vendor No.) instead of the sales ones. */
  purchase?: { caption: string; buyFromVendorNo: string | null };
}

/**
 * Throws the first reason the document cannot be released, in BC's order: Sell-to Customer No.,
 * then "nothing to release", then per line (in line order) Location Code when Location Mandatory
 * is on (inventory items only, as BC's IsInventoriableItem), then Unit of Measure Code. Only item
 * lines with a quantity are checked, as in BC.
 */
export function releaseProblems(document: ReleaseDocument, setup: { locationMandatory: boolean }): void {
  const documentTypeCaption = document.purchase?.caption.toLowerCase() ?? salesDocumentTypeCaptions[document.documentType];
  const [party, field, fieldCaption] = document.purchase
    ? [document.purchase.buyFromVendorNo, 'buyFromVendorNo', 'Buy-from Vendor No.'] : [document.sellToCustomerNo, 'sellToCustomerNo', 'Sell-to Customer No.'];
  if (isBlank(party)) throw new DomainError('FIELD_REQUIRED', { documentTypeCaption, fieldCaption, field }, field);
  const releasable = document.lines.map((line, index) => ({ line, index })).filter(({ line }) => line.type !== 'comment' && !line.quantity.isZero());
  if (releasable.length === 0) throw new DomainError('NOTHING_TO_RELEASE', { documentTypeCaption, documentType: document.documentType });
  for (const { line, index } of releasable) {
    if (line.type !== 'item') continue;
    assertLocationWhenMandatory(setup.locationMandatory, { ...line, inventoryItem: line.inventoryItem ?? true }, `lines.${index}.locationCode`);
    if (isBlank(line.unitOfMeasureCode)) {
      throw new DomainError('UNIT_OF_MEASURE_MISSING', { lineNo: line.lineNo, no: line.no }, `lines.${index}.unitOfMeasureCode`);
    }
  }
}

/**
 * Header fields a user may change while the document is Released (spec §3.4). Due Date and Pmt.
 * Discount Date have no status check in BC either; Payment Discount % and Payment Terms Code do
 * (they change the amounts posted), so they are not listed. Shipping agent fields follow the spec,
 * although BC itself checks the status on Shipping Agent Code.
 */
export const headerFieldsEditableWhenReleased: readonly string[] = [
  'postingDate',
  'documentDate',
  'externalDocumentNo',
  'yourReference',
  'shipmentDate',
  'requestedDeliveryDate',
  'promisedDeliveryDate',
  'shippingAgentCode',
  'shippingAgentServiceCode',
  'packageTrackingNo',
  'dueDate',
  'paymentDiscountDate',
  'prepaymentDueDate',
  'prepmtPmtDiscountDate',
  'compressPrepayment',
  'paymentServiceSet',
];

/**
 * Line fields a user may change while the document is Released (spec §3.4): the quantities to
 * handle, the shipment and delivery dates, and the descriptions (BC's Description triggers only
 * look up a No. on lines that have none; Description 2 has no trigger).
 */
export const lineFieldsEditableWhenReleased: readonly string[] = [
  'quantityToShip',
  'quantityToInvoice',
  'prepmtAmtToDeduct',
  'returnQuantityToReceive',
  'shipmentDate',
  'requestedDeliveryDate',
  'promisedDeliveryDate',
  'plannedDeliveryDate',
  'plannedShipmentDate',
  'description',
  'description2',
];

const statusCaptions: Readonly<Record<SalesDocumentStatus, string>> = {
  open: 'Open',
  released: 'Released',
  pendingApproval: 'Pending Approval',
  pendingPrepayment: 'Pending Prepayment',
};

/**
 * Refuses a change while Status ≠ Open unless every changed field is in `editable`; the error names
 * the first offending field. Pending Approval and Pending Prepayment lock like Released (§19.6).
 * Pass only the fields the user changed, not the ones derived from them.
 */
export function assertEditable(
  status: SalesDocumentStatus,
  changedFields: readonly string[],
  editable: readonly string[],
  where: 'header' | 'line',
  family: 'sales' | 'purchase' = 'sales',
): void {
  if (status === 'open') return;
  const field = changedFields.find((changed) => !editable.includes(changed));
  if (field === undefined) return;
  throw new DomainError('STATUS_MUST_BE_OPEN', {
    where: `the ${family} ${where === 'header' ? 'header' : 'line'}`,
    status: statusCaptions[status],
    remedy: status === 'pendingApproval' ? 'cancel the approval request or let it complete, then reopen the document' : 'reopen the document',
    field,
  }, field);
}

function isBlank(value: string | null): boolean {
  return value === null || value.trim() === '';
}
