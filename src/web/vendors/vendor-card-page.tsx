import { Alert, Button, Loader, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { vendorSchemas } from '../../core/master-data/vendor.schemas.ts';
import { messageOf } from '../api/field-errors.ts';
import { PartyDocumentsPanel } from '../components/party-documents-panel.tsx';
import type { RecordCardSpec } from '../components/record-card.ts';
import { RecordCardForm, useCardRecord } from '../components/record-card-form.tsx';
import { EntriesPanel } from '../ledgers/entries-panel.tsx';
import { ledgerSpecs } from '../ledgers/ledger-specs.ts';
import { purchaseKindList, purchaseKinds } from '../purchases/purchase-kinds.ts';
import { useSession } from '../session/session-store.ts';
import { VendorBalancePanel } from './vendor-balance-panel.tsx';
import { newPurchaseDocumentPath } from './vendor-links.ts';
import { newVendorDefaults, newVendorFieldGroups, vendorFieldGroups } from './vendor-fields.ts';
import type { Vendor } from './vendor-types.ts';
import { useCaptions } from '../i18n/captions.ts';

const vendorCard: RecordCardSpec<Vendor> = {
  caption: 'Vendor', resource: '/vendors', queryKey: 'vendor', schemas: vendorSchemas,
  fieldGroups: vendorFieldGroups, newFieldGroups: newVendorFieldGroups, newDefaults: newVendorDefaults,
};

export function VendorCardPage() {
  const { no } = useParams();
  const { locale } = useSession();
  return no ? <ExistingVendorCard key={no} no={no} /> : <RecordCardForm key={locale} spec={vendorCard} />;
}

function ExistingVendorCard({ no }: { no: string }) {
  const { locale } = useSession();
  const vendor = useCardRecord(vendorCard, no);
  if (vendor.error) return <Alert color="red" role="alert">{messageOf(vendor.error)}</Alert>;
  if (!vendor.data) return <Loader />;
  return (
    <Stack gap="sm">
      {/* The form holds values as the locale writes them: another locale starts it afresh. */}
      <RecordCardForm key={locale} spec={vendorCard} record={vendor.data} deletable actions={(record) => <NewPurchaseDocumentButtons vendorNo={record.no} />} />
      <VendorBalancePanel vendorNo={vendor.data.no} />
      <PartyDocumentsPanel kinds={purchaseKindList} noun="vendor" partyField="buyFromVendorNo" partyNo={vendor.data.no} />
      <EntriesPanel spec={ledgerSpecs.vendorLedgerEntries} filters={{ vendorNo: vendor.data.no }} />
    </Stack>
  );
}

/** BC's New Document actions on the vendor card: the new document page with this vendor chosen. */
function NewPurchaseDocumentButtons({ vendorNo }: { vendorNo: string }) {
  const t = useCaptions();
  const navigate = useNavigate();
  return [purchaseKinds.order, purchaseKinds.invoice].map((kind) => (
    <Button key={kind.type} variant="default" onClick={() => navigate(newPurchaseDocumentPath(kind, vendorNo))}>{t('New {{document}}', { document: t(kind.caption) })}</Button>
  ));
}
