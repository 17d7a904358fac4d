import { Anchor, Fieldset, SimpleGrid } from '@mantine/core';
import { Link } from 'react-router';
import type { DocumentDateField } from '../../core/documents/document-types.ts';
import { DateField } from '../components/date-field.tsx';
import { locationLookup } from '../components/lookup-sources.ts';
import { ReadOnlyFields } from '../components/read-only-fields.tsx';
import { HeaderText, PartyField } from '../sales/document-header-fields.tsx';
import { HeaderCodeField } from '../sales/header-code-field.tsx';
import { dateFieldCaptions } from '../sales/document-kinds.ts';
import type { PurchaseKind } from './purchase-kinds.ts';
import { currencyLookup, vendorLookup } from './purchase-lookups.ts';
import type { PurchaseDocument } from './purchase-types.ts';
import { useCaptions } from '../i18n/captions.ts';

/** Dates the API lets change on a released purchase document (the rest of the header waits for Reopen). */
const datesEditableWhenReleased: readonly DocumentDateField[] = ['postingDate', 'documentDate', 'dueDate'];

interface PurchaseHeaderFieldsProps {
  kind: PurchaseKind;
  document: PurchaseDocument;
  errors: Readonly<Record<string, string>>;
  onCommit: (field: string, value: string) => void;
}

/** The General FastTab of a purchase document: vendor, the vendor's document number, dates, currency, location; each field saves when left. */
export function PurchaseHeaderFields({ kind, document, errors, onCommit }: PurchaseHeaderFieldsProps) {
  const t = useCaptions();
  const open = document.status === 'open';
  const vendorDocumentNo = kind.vendorDocumentNoField;
  return (
    <Fieldset legend={t('General')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <PartyField source={vendorLookup} label={t('Vendor No.')} testId="vendor-name" saved={document.buyFromVendorNo} name={document.buyFromName} open={open}
          error={errors.buyFromVendorNo} onCommit={(no) => onCommit('buyFromVendorNo', no)} />
        <HeaderText label={t(kind.vendorDocumentNoCaption)} field={vendorDocumentNo} saved={document[vendorDocumentNo]} error={errors[vendorDocumentNo]} onCommit={onCommit} />
        <HeaderText label={t('Your Reference')} field="yourReference" saved={document.yourReference} error={errors.yourReference} onCommit={onCommit} />
        <HeaderCodeField source={locationLookup} label={t('Location Code')} saved={document.locationCode} open={open} error={errors.locationCode}
          onCommit={(code) => onCommit('locationCode', code)} />
        <HeaderCodeField source={currencyLookup} label={t('Currency Code')} saved={document.currencyCode} open={open} error={errors.currencyCode}
          onCommit={(code) => onCommit('currencyCode', code)} />
        {kind.dateFields.map((field) => (
          <DateField key={field} label={t(dateFieldCaptions[field])} value={document[field] ?? null} error={errors[field]}
            onCommit={(value) => onCommit(field, value ?? '')} readOnly={!open && !datesEditableWhenReleased.includes(field)} />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

const joined = (...parts: string[]) => parts.filter((part) => part !== '').join(', ');

/**
 * A drop shipment's delivery: the vendor delivers to the sales order's customer, at its ship-to
 * address, both taken from the sales order by Get Sales Orders (read-only here: they follow the sales order).
 */
export function DropShipmentTo({ document }: { document: PurchaseDocument }) {
  const customerNo = document.sellToCustomerNo;
  if (!customerNo) return null;
  return (
    <ReadOnlyFields groups={[{
      title: 'Drop Shipment',
      fields: [
        { label: 'Drop shipment to', value: <Anchor component={Link} to={`/customers/${encodeURIComponent(customerNo)}`} inherit>{customerNo}</Anchor> },
        { label: 'Ship-to Code', value: document.shipToCode ?? '' },
        { label: 'Ship-to Name', value: document.shipToName },
        { label: 'Ship-to Address', value: joined(document.shipToAddress, document.shipToAddress2) },
        { label: 'Ship-to City', value: joined(`${document.shipToPostCode} ${document.shipToCity}`.trim(), document.shipToCountryRegionCode) },
        { label: 'Ship-to Contact', value: document.shipToContact },
      ],
    }]} />
  );
}
