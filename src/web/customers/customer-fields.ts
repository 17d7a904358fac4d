import type { Customer } from '../api/types.ts';
import { withNoField, type FieldGroup, type FieldSpec } from '../components/record-fields.ts';
import { customerLookup } from '../components/lookup-sources.ts';
import type { LookupSource } from '../components/lookup-source.ts';

/** The address and contact of a customer, and of its ship-to addresses (the same fields in BC). */
export const addressFields: readonly FieldSpec[] = [
  { name: 'address', label: 'Address', kind: 'text' },
  { name: 'address2', label: 'Address 2', kind: 'text' },
  { name: 'postCode', label: 'Post Code', kind: 'text' },
  { name: 'city', label: 'City', kind: 'text' },
  { name: 'county', label: 'County', kind: 'text' },
  { name: 'countryRegionCode', label: 'Country/Region Code', kind: 'text' },
  { name: 'contact', label: 'Contact', kind: 'text' },
  { name: 'phoneNo', label: 'Phone No.', kind: 'text' },
  { name: 'email', label: 'Email', kind: 'text' },
];

export const blockedCaptions: Readonly<Record<Customer['blocked'], string>> = {
  none: 'Not blocked',
  ship: 'Ship',
  invoice: 'Invoice',
  all: 'All',
};

export const shippingAdviceCaptions = { partial: 'Partial', complete: 'Complete' } as const;
export const applicationMethodCaptions = { manual: 'Manual', applyToOldest: 'Apply to Oldest' } as const;
export const reserveCaptions = { never: 'Never', optional: 'Optional', always: 'Always' } as const;

/** The customer card's FastTabs, as in Business Central: every field the API keeps for a customer. */
export const customerFieldGroups: readonly FieldGroup[] = [
  {
    title: 'General',
    fields: [
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'name2', label: 'Name 2', kind: 'text' },
      { name: 'searchName', label: 'Search Name', kind: 'text' },
      { name: 'salespersonCode', label: 'Salesperson Code', kind: 'code', lookup: '/salespeople' },
      { name: 'creditLimitLcy', label: 'Credit Limit (LCY)', kind: 'decimal' },
      { name: 'blocked', label: 'Blocked', kind: 'choice', options: blockedCaptions },
    ],
  },
  {
    title: 'Address & Contact',
    fields: [
      ...addressFields,
      { name: 'languageCode', label: 'Language Code', kind: 'text' },
    ],
  },
  {
    title: 'Invoicing',
    fields: [
      { name: 'billToCustomerNo', label: 'Bill-to Customer No.', kind: 'record', source: customerLookup as LookupSource<never> },
      { name: 'vatRegistrationNo', label: 'VAT Registration No.', kind: 'text' },
      { name: 'gln', label: 'GLN', kind: 'text' },
      { name: 'electronicAddress', label: 'E-Invoice Endpoint ID', kind: 'text' },
      { name: 'electronicAddressScheme', label: 'E-Invoice Endpoint Scheme (EAS)', kind: 'text' },
      { name: 'invoiceDiscountCode', label: 'Invoice Disc. Code', kind: 'text' },
      { name: 'genBusPostingGroup', label: 'Gen. Bus. Posting Group', kind: 'code', lookup: '/genBusinessPostingGroups' },
      { name: 'vatBusPostingGroup', label: 'VAT Bus. Posting Group', kind: 'code', lookup: '/vatBusinessPostingGroups' },
      { name: 'customerPostingGroup', label: 'Customer Posting Group', kind: 'code', lookup: '/customerPostingGroups' },
      { name: 'customerPriceGroup', label: 'Customer Price Group', kind: 'code', lookup: '/customerPriceGroups' },
      { name: 'customerDiscountGroup', label: 'Customer Disc. Group', kind: 'code', lookup: '/customerDiscountGroups' },
      { name: 'currencyCode', label: 'Currency Code', kind: 'code', lookup: '/currencies' },
      { name: 'prepaymentPercent', label: 'Prepayment %', kind: 'decimal' },
      { name: 'pricesIncludingVat', label: 'Prices Including VAT', kind: 'boolean' },
      { name: 'allowLineDiscount', label: 'Allow Line Disc.', kind: 'boolean' },
      // How posted documents go to the customer (spec §21.2): empty uses the default profile.
      { name: 'documentSendingProfile', label: 'Document Sending Profile', kind: 'code', lookup: '/documentSendingProfiles', emptyAsText: true },
    ],
  },
  {
    title: 'Payments',
    fields: [
      { name: 'applicationMethod', label: 'Application Method', kind: 'choice', options: applicationMethodCaptions },
      { name: 'paymentTermsCode', label: 'Payment Terms Code', kind: 'code', lookup: '/paymentTerms' },
      { name: 'paymentMethodCode', label: 'Payment Method Code', kind: 'code', lookup: '/paymentMethods' },
      { name: 'blockPaymentTolerance', label: 'Block Payment Tolerance', kind: 'boolean' },
    ],
  },
  {
    title: 'Shipping',
    fields: [
      { name: 'locationCode', label: 'Location Code', kind: 'code', lookup: '/locations' },
      { name: 'shipmentMethodCode', label: 'Shipment Method Code', kind: 'code', lookup: '/shipmentMethods' },
      { name: 'shippingAgentCode', label: 'Shipping Agent Code', kind: 'code', lookup: '/shippingAgents' },
      { name: 'shippingAgentServiceCode', label: 'Shipping Agent Service Code', kind: 'text' },
      { name: 'shippingTime', label: 'Shipping Time', kind: 'text' },
      // The customer's working days for delivery dates (spec §16.1); its customized changes are a panel of the card.
      { name: 'baseCalendarCode', label: 'Base Calendar Code', kind: 'code', lookup: '/baseCalendars' },
      { name: 'shippingAdvice', label: 'Shipping Advice', kind: 'choice', options: shippingAdviceCaptions },
      { name: 'reserve', label: 'Reserve', kind: 'choice', options: reserveCaptions },
      { name: 'combineShipments', label: 'Combine Shipments', kind: 'boolean' },
    ],
  },
];

/** A new customer may be given its number; left empty, the number series assigns one. */
export const newCustomerFieldGroups: readonly FieldGroup[] = withNoField(customerFieldGroups);

/** What a new customer starts with (the server fills the number from the number series). */
export const newCustomerDefaults: Partial<Customer> & Record<string, unknown> = {
  blocked: 'none', allowLineDiscount: true, creditLimitLcy: '0', applicationMethod: 'manual', shippingAdvice: 'partial', reserve: 'optional',
};
