import type { PostedPurchaseDocumentType } from '../../core/documents/document-types.ts';
import type { ReadOnlyGroup } from '../components/read-only-fields.tsx';
import { captionOf } from '../format/captions.ts';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import type { SupportedLocale } from '../format/locales.ts';
import type { PostedPurchaseKind } from './purchase-kinds.ts';
import type { PostedPurchaseHeader } from './purchase-types.ts';

/** The vendor's own number each posted purchase document is known by. */
export const vendorNumberFields: Readonly<Record<PostedPurchaseDocumentType, { field: keyof PostedPurchaseHeader & `vendor${string}`; caption: string }>> = {
  receipt: { field: 'vendorShipmentNo', caption: 'Vendor Shipment No.' },
  invoice: { field: 'vendorInvoiceNo', caption: 'Vendor Invoice No.' },
  creditMemo: { field: 'vendorCreditMemoNo', caption: 'Vendor Cr. Memo No.' },
  returnShipment: { field: 'vendorCreditMemoNo', caption: 'Vendor Cr. Memo No.' },
};

/** The FastTabs of a posted purchase document page: what was posted, read-only. */
export function postedPurchaseHeaderGroups(kind: PostedPurchaseKind, header: PostedPurchaseHeader, locale: SupportedLocale): ReadOnlyGroup[] {
  const date = (value: string | null) => formatDate(value, locale);
  const vendorNumber = vendorNumberFields[kind.type];
  const general: ReadOnlyGroup = {
    title: 'General',
    fields: [
      { label: 'Buy-from Vendor No.', value: header.buyFromVendorNo },
      { label: 'Buy-from Vendor Name', value: header.buyFromName },
      { label: vendorNumber.caption, value: header[vendorNumber.field] },
      { label: 'Your Reference', value: header.yourReference },
      { label: `${captionOf(header.sourceDocumentType)} No.`, value: header.sourceDocumentNo },
      { label: 'Location Code', value: header.locationCode ?? '' },
      { label: 'Posting Date', value: date(header.postingDate) },
      { label: 'Document Date', value: date(header.documentDate) },
      ...(kind.billed ? [{ label: 'Due Date', value: date(header.dueDate) }] : []),
    ],
  };
  if (!kind.billed) return [general];
  return [general, {
    title: 'Invoicing',
    fields: [
      { label: 'Pay-to Vendor No.', value: header.payToVendorNo },
      { label: 'Pay-to Name', value: header.payToName },
      { label: 'Currency Code', value: header.currencyCode ?? '' },
      { label: 'Payment Terms Code', value: header.paymentTermsCode ?? '' },
      { label: 'Applies-to Doc. No.', value: header.appliesToDocumentNo ?? '' },
      { label: 'Remaining Amount', value: header.remainingAmount ? formatAmount(header.remainingAmount, locale) : '' },
    ],
  }];
}
