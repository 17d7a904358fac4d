import { Select, SimpleGrid } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DateField } from '../components/date-field.tsx';
import { locationLookup } from '../components/lookup-sources.ts';
import { useCaptions } from '../i18n/captions.ts';
import type { DocumentKind } from './document-kinds.ts';
import { HeaderCodeField } from './header-code-field.tsx';
import {
  HeaderChoice, headerEditable, HeaderText, shipmentMethodLookup, shippingAgentLookup, shipToLookup, type HeaderCommit, type HeaderDocument,
} from './header-inputs.tsx';

interface ShippingFieldsProps {
  kind: DocumentKind;
  document: HeaderDocument;
  errors: Readonly<Record<string, string>>;
  onCommit: HeaderCommit;
}

/** BC's Ship-to option: the customer's own address, one of its ship-to addresses, or an address typed on the document. */
type ShipToOption = 'default' | 'alternate' | 'custom';

const shipToOptions: ReadonlyArray<{ value: ShipToOption; label: string }> = [
  { value: 'default', label: 'Default (Sell-to Address)' },
  { value: 'alternate', label: 'Alternate Shipping Address' },
  { value: 'custom', label: 'Custom Address' },
];

const addressParts = ['Name', 'Name2', 'Address', 'Address2', 'PostCode', 'City', 'CountryRegionCode', 'Contact'] as const;

/** The ship-to fields the document has, with BC's captions; typed only under Custom Address. */
const shipToAddressFields: ReadonlyArray<{ part: (typeof addressParts)[number]; label: string }> = [
  { part: 'Name', label: 'Ship-to Name' },
  { part: 'Address', label: 'Ship-to Address' },
  { part: 'Address2', label: 'Ship-to Address 2' },
  { part: 'PostCode', label: 'Ship-to Post Code' },
  { part: 'City', label: 'Ship-to City' },
  { part: 'CountryRegionCode', label: 'Ship-to Country/Region Code' },
  { part: 'Contact', label: 'Ship-to Contact' },
];

const shippingAdvices = [{ value: 'partial', label: 'Partial' }, { value: 'complete', label: 'Complete' }] as const;

/** Which shipping fields a document type has on its page, as BC's pages show them. */
function shippingOf(kind: DocumentKind) {
  const outbound = kind.direction === 'outbound';
  return {
    carrier: outbound,
    trackingNo: kind.type === 'order' || kind.type === 'invoice',
    advice: kind.type === 'order',
    deliveryDates: kind.type === 'order' || kind.type === 'quote' || kind.type === 'blanketOrder',
  };
}

/** The ship-to option the saved header shows: a code, the sell-to address as it is, or something else typed. */
function savedShipToOption(document: HeaderDocument): ShipToOption {
  if (document.shipToCode) return 'alternate';
  const same = addressParts.every((part) => (document[`shipTo${part}`] ?? '') === (document[`sellTo${part}`] ?? ''));
  return same ? 'default' : 'custom';
}

/**
 * BC's Shipping and Billing FastTab: where the goods go (the customer's address, a ship-to address
 * or one typed here), the location they ship from, how and by whom, and the delivery dates.
 */
export function ShippingFields({ kind, document, errors, onCommit }: ShippingFieldsProps) {
  const t = useCaptions();
  const open = document.status === 'open';
  const shows = shippingOf(kind);
  const [chosen, setChosen] = useState<ShipToOption | null>(null);
  // Another customer brings its own address: the option follows what is saved again.
  useEffect(() => setChosen(null), [document.sellToCustomerNo]);
  const saved = savedShipToOption(document);
  const option = chosen ?? saved;
  const choose = (next: ShipToOption) => {
    setChosen(next === 'default' ? null : next);
    // Default and Custom Address start from the customer's own address, as BC's Validate("Ship-to Code", '') does.
    if ((next === 'default' && saved !== 'default') || (next === 'custom' && saved === 'alternate')) onCommit('shipToCode', '');
  };
  const date = (field: 'requestedDeliveryDate' | 'promisedDeliveryDate', label: string) => (
    <DateField label={t(label)} value={document[field] ?? null} error={errors[field]} readOnly={!headerEditable(document, field)}
      onCommit={(value) => onCommit(field, value ?? '')} />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
      <Select label={t('Ship-to')} data={shipToOptions.map((choice) => ({ value: choice.value, label: t(choice.label) }))} value={option} allowDeselect={false} readOnly={!open}
        variant={open ? 'default' : 'filled'} comboboxProps={{ withinPortal: true }} onChange={(value) => value && value !== option && choose(value as ShipToOption)} />
      {option === 'alternate' && (
        <HeaderCodeField source={shipToLookup(document.sellToCustomerNo)} label={t('Ship-to Code')} saved={document.shipToCode} open={open} error={errors.shipToCode}
          onCommit={(code) => onCommit('shipToCode', code)} />
      )}
      {/* Typed only under Custom Address, once the code is gone (what is typed before its reset lands would be overwritten). */}
      {shipToAddressFields.map(({ part, label }) => (
        <HeaderText key={part} label={t(label)} field={`shipTo${part}`} saved={document[`shipTo${part}`] ?? ''} error={errors[`shipTo${part}`]} onCommit={onCommit}
          readOnly={!open || option !== 'custom' || document.shipToCode !== null} />
      ))}
      <HeaderCodeField source={locationLookup} label={t('Location Code')} saved={document.locationCode} open={open} error={errors.locationCode}
        onCommit={(code) => onCommit('locationCode', code)} />
      {shows.carrier && (
        <>
          <HeaderCodeField source={shipmentMethodLookup} label={t('Shipment Method Code')} saved={document.shipmentMethodCode} open={open} error={errors.shipmentMethodCode}
            onCommit={(code) => onCommit('shipmentMethodCode', code)} />
          <HeaderCodeField source={shippingAgentLookup} label={t('Shipping Agent Code')} saved={document.shippingAgentCode} open={headerEditable(document, 'shippingAgentCode')}
            error={errors.shippingAgentCode} onCommit={(code) => onCommit('shippingAgentCode', code)} />
          <HeaderText label={t('Shipping Agent Service Code')} field="shippingAgentServiceCode" saved={document.shippingAgentServiceCode ?? ''} error={errors.shippingAgentServiceCode}
            onCommit={onCommit} readOnly={!headerEditable(document, 'shippingAgentServiceCode')} />
        </>
      )}
      {shows.trackingNo && (
        <HeaderText label={t('Package Tracking No.')} field="packageTrackingNo" saved={document.packageTrackingNo ?? ''} error={errors.packageTrackingNo} onCommit={onCommit} />
      )}
      {shows.advice && (
        <HeaderChoice label={t('Shipping Advice')} saved={document.shippingAdvice} options={shippingAdvices} readOnly={!open} error={errors.shippingAdvice}
          onCommit={(value) => onCommit('shippingAdvice', value)} />
      )}
      {shows.deliveryDates && (
        <>
          {date('requestedDeliveryDate', 'Requested Delivery Date')}
          {date('promisedDeliveryDate', 'Promised Delivery Date')}
        </>
      )}
    </SimpleGrid>
  );
}
