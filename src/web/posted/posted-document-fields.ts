import type { PostedSalesHeader } from '../api/posting-types.ts';
import type { ReadOnlyGroup } from '../components/read-only-fields.tsx';
import { captionOf } from '../format/captions.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import type { PostedDocumentKind } from './posted-document-kinds.ts';

/** The FastTabs of a posted document page: what was posted, read-only. */
export function postedHeaderGroups(kind: PostedDocumentKind, header: PostedSalesHeader, locale: SupportedLocale): ReadOnlyGroup[] {
  const date = (value: string | null) => formatDate(value, locale);
  const groups: ReadOnlyGroup[] = [
    {
      title: 'General',
      fields: [
        { label: 'Sell-to Customer No.', value: header.sellToCustomerNo },
        { label: 'Sell-to Customer Name', value: header.sellToName },
        { label: 'External Document No.', value: header.externalDocumentNo },
        { label: 'Your Reference', value: header.yourReference },
        { label: `${captionOf(header.sourceDocumentType)} No.`, value: header.sourceDocumentNo },
        { label: 'Quote No.', value: header.quoteNo ?? '' },
        { label: 'Salesperson Code', value: header.salespersonCode ?? '' },
        { label: 'Posting Date', value: date(header.postingDate) },
        { label: 'Document Date', value: date(header.documentDate) },
        ...(kind.billed ? [{ label: 'Due Date', value: date(header.dueDate) }] : [{ label: 'Shipment Date', value: date(header.shipmentDate) }]),
      ],
    },
  ];
  if (!kind.billed) return groups;
  return [...groups, {
    title: 'Invoicing',
    fields: [
      { label: 'Bill-to Customer No.', value: header.billToCustomerNo },
      { label: 'Bill-to Name', value: header.billToName },
      { label: 'Currency Code', value: header.currencyCode ?? '' },
      { label: 'Payment Terms Code', value: header.paymentTermsCode ?? '' },
      { label: 'Remaining Amount', value: header.remainingAmount ? formatAmount(header.remainingAmount, locale) : '' },
      { label: 'Cancelled By', value: header.cancelledBy ?? '' },
      ...(kind.type === 'creditMemo' ? [{ label: 'Corrects Invoice No.', value: header.correctsInvoiceNo ?? header.correctedInvoiceNo ?? '' }] : []),
      { label: 'Applies-to Doc. No.', value: header.appliesToDocumentNo ?? '' },
      ...(header.prepayment ? [{ label: 'Prepayment Order No.', value: header.prepaymentOrderNo ?? '' }] : []),
    ],
  }];
}
