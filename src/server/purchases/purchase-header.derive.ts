import { eq } from 'drizzle-orm';
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { defaultDates } from '../../core/sales/header-defaults.ts';
import type { Executor } from '../db/connection.ts';
import { companyInformation, companyInformationWithoutLogo, vendor } from '../db/schema/index.ts';
import { partyBlock } from '../sales/sales-header.derive.ts';
import type { PurchaseContext } from './purchase-context.ts';
import type { PurchaseHeaderRow } from './purchase-document.types.ts';
import type { EditablePurchaseDocumentType } from '../../core/documents/document-types.ts';

type HeaderValues = Partial<PurchaseHeaderRow>;
type VendorRow = typeof vendor.$inferSelect;

/** A vendor blocked for All takes no purchase document (BC CheckBlockedVendOnDocs); Payment blocks only payments. */
async function loadVendor(tx: Executor, documentType: EditablePurchaseDocumentType, no: string, field: string): Promise<VendorRow> {
  const [row] = await tx.select().from(vendor).where(eq(vendor.no, no));
  if (!row) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Vendor', value: no, field }, field);
  if (row.blocked === 'all') {
    throw new DomainError('VENDOR_BLOCKED', { documentTypeText: `a ${purchaseDescriptor(documentType).caption.toLowerCase()}`, vendorNo: no, blockedText: 'all transactions' }, field);
  }
  return row;
}

/**
 * What choosing the vendors puts on the header (BC Purchase Header, Buy-from / Pay-to Vendor No.):
 * the buy-from vendor gives the address, the pay-to vendor (itself unless another is named) who
 * is paid: posting groups, terms, currency, VAT registration. The goods come to our own address
 * and default location until a drop shipment sends them to the customer.
 */
export async function vendorFields(
  tx: Executor, documentType: EditablePurchaseDocumentType, buyFromNo: string, payToNo: string | undefined, context: PurchaseContext,
): Promise<HeaderValues> {
  const buyFrom = await loadVendor(tx, documentType, buyFromNo, 'buyFromVendorNo');
  const payTo = payToNo && payToNo !== buyFrom.no ? await loadVendor(tx, documentType, payToNo, 'payToVendorNo') : buyFrom;
  const [company] = await tx.select(companyInformationWithoutLogo).from(companyInformation);
  return {
    buyFromVendorNo: buyFrom.no, ...partyBlock('buyFrom', buyFrom),
    payToVendorNo: payTo.no, ...partyBlock('payTo', payTo),
    ...(company ? { ...partyBlock('shipTo', { ...company, name2: '' }), shipToCode: null, sellToCustomerNo: null } : {}),
    locationCode: context.inventorySetup.defaultLocationCode,
    vendorPostingGroup: payTo.vendorPostingGroup, genBusPostingGroup: payTo.genBusPostingGroup, vatBusPostingGroup: payTo.vatBusPostingGroup,
    paymentTermsCode: payTo.paymentTermsCode, paymentMethodCode: payTo.paymentMethodCode, currencyCode: payTo.currencyCode,
    vatRegistrationNo: payTo.vatRegistrationNo,
  };
}

/** Order, posting and document date: the work date; quotes are never posted (as sales, spec §2.2). */
export function newPurchaseDates(documentType: EditablePurchaseDocumentType, context: PurchaseContext): HeaderValues {
  return defaultDates(documentType, context.workDate, 'workDate');
}
