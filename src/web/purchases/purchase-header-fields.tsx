import { Fieldset, SimpleGrid } from '@mantine/core';
import type { DocumentDateField } from '../../core/documents/document-types.ts';
import { DateField } from '../components/date-field.tsx';
import { locationLookup } from '../components/lookup-sources.ts';
import { HeaderCodeField, HeaderText, PartyField } from '../sales/document-header-fields.tsx';
import { dateFieldCaptions } from '../sales/document-kinds.ts';
import type { PurchaseKind } from './purchase-kinds.ts';
import { currencyLookup, vendorLookup } from './purchase-lookups.ts';
import type { PurchaseDocument } from './purchase-types.ts';

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
  const open = document.status === 'open';
  const vendorDocumentNo = kind.vendorDocumentNoField;
  return (
    <Fieldset legend="General">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <PartyField source={vendorLookup} label="Vendor No." testId="vendor-name" saved={document.buyFromVendorNo} name={document.buyFromName} open={open}
          error={errors.buyFromVendorNo} onCommit={(no) => onCommit('buyFromVendorNo', no)} />
        <HeaderText label={kind.vendorDocumentNoCaption} field={vendorDocumentNo} saved={document[vendorDocumentNo]} error={errors[vendorDocumentNo]} onCommit={onCommit} />
        <HeaderText label="Your Reference" field="yourReference" saved={document.yourReference} error={errors.yourReference} onCommit={onCommit} />
        <HeaderCodeField source={locationLookup} label="Location Code" saved={document.locationCode} open={open} error={errors.locationCode}
          onCommit={(code) => onCommit('locationCode', code)} />
        <HeaderCodeField source={currencyLookup} label="Currency Code" saved={document.currencyCode} open={open} error={errors.currencyCode}
          onCommit={(code) => onCommit('currencyCode', code)} />
        {kind.dateFields.map((field) => (
          <DateField key={field} label={dateFieldCaptions[field]} value={document[field] ?? null} error={errors[field]}
            onCommit={(value) => onCommit(field, value ?? '')} readOnly={!open && !datesEditableWhenReleased.includes(field)} />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
