import { useParams } from 'react-router';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { ListPage } from '../lists/list-page.tsx';
import { documentListPath, documentPath } from '../sales/document-kinds.ts';
import { documentListColumns, statusFilter, textColumn } from '../sales/sales-document-list-page.tsx';
import { purchaseKindByPath, type PurchaseKind } from './purchase-kinds.ts';
import type { PurchaseListItem } from './purchase-types.ts';

const columnsFor = (kind: PurchaseKind) => documentListColumns<PurchaseListItem>(
  kind,
  [textColumn('buyFromVendorNo', 'Buy-from Vendor No.'), textColumn('buyFromName', 'Buy-from Vendor Name')],
  [textColumn(kind.vendorDocumentNoField, kind.vendorDocumentNoCaption)],
);

/** Purchase Orders, Invoices, Credit Memos and Return Orders: the sales lists' columns with the vendor's. */
export function PurchaseDocumentListPage() {
  const kind = purchaseKindByPath(useParams().kind);
  if (!kind) return <NotFoundPage />;
  return (
    <ListPage key={kind.path} title={kind.plural} resource={`/${kind.resource}`} columns={columnsFor(kind)} rowKey={(row) => row.no}
      rowLink={(row) => documentPath(kind, row.no)} filters={[statusFilter]} newLink={`${documentListPath(kind)}/new`} />
  );
}
