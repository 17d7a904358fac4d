import { useParams } from 'react-router';
import { purchaseDocumentCreate } from '../../core/purchases/purchase-document.schemas.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { NewDocumentForm, type NewDocumentParty } from '../sales/new-sales-document-page.tsx';
import { purchaseKindByPath } from './purchase-kinds.ts';
import { vendorLookup } from './purchase-lookups.ts';

const vendorParty: NewDocumentParty<{ no: string; name: string; city: string }> = {
  noun: 'vendor', label: 'Vendor No.', field: 'buyFromVendorNo', lookup: vendorLookup, createSchema: purchaseDocumentCreate,
};

/** A new purchase document starts from its vendor (?vendor=V00010 chooses one ahead). */
export function NewPurchaseDocumentPage() {
  const kind = purchaseKindByPath(useParams().kind);
  return kind ? <NewDocumentForm key={kind.type} kind={kind} party={vendorParty} /> : <NotFoundPage />;
}
