import { shipToAddressSchemas } from '../../core/master-data/customer.schemas.ts';
import { encodeKey } from '../api/client.ts';
import type { FieldGroup } from '../components/record-fields.ts';
import { RecordRowsPanel, type RecordRowsSpec } from '../components/record-rows-panel.tsx';
import { addressFields } from './customer-fields.ts';

const shipToFields: readonly FieldGroup[] = [
  {
    title: 'Ship-to Address',
    fields: [
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'name2', label: 'Name 2', kind: 'text' },
      ...addressFields,
    ],
  },
  {
    title: 'Shipping',
    fields: [
      { name: 'locationCode', label: 'Location Code', kind: 'code', lookup: '/locations' },
      { name: 'shipmentMethodCode', label: 'Shipment Method Code', kind: 'code', lookup: '/shipmentMethods' },
      { name: 'shippingAgentCode', label: 'Shipping Agent Code', kind: 'code', lookup: '/shippingAgents' },
    ],
  },
];

/** The customer's Ship-to Addresses (BC Ship-to Address List): the places its orders can be delivered to. */
export function ShipToAddressesPanel({ customerNo }: { customerNo: string }) {
  const spec: RecordRowsSpec = {
    title: 'Ship-to Addresses', noun: 'ship-to address', resource: `/customers/${encodeKey(customerNo)}/shipToAddresses`,
    keyOf: (row) => String(row.code), describe: (row) => `${String(row.code)} ${String(row.name)}`,
    columns: [
      { header: 'Code', field: 'code' }, { header: 'Name', field: 'name' }, { header: 'Address', field: 'address' },
      { header: 'Post Code', field: 'postCode' }, { header: 'City', field: 'city' }, { header: 'Country/Region', field: 'countryRegionCode' },
      { header: 'Location', field: 'locationCode' },
    ],
    newFields: shipToFields.map((group, index) => (index === 0 ? { ...group, fields: [{ name: 'code', label: 'Code', kind: 'text' }, ...group.fields] } : group)),
    fields: shipToFields,
    schemas: shipToAddressSchemas,
    hint: 'Where orders of this customer can be shipped to; a document picks one by its Ship-to Code.',
  };
  return <RecordRowsPanel spec={spec} />;
}
