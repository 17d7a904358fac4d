import type { Customer } from '../api/types.ts';
import { withNoField, type FieldGroup } from '../components/record-fields.ts';

export const blockedCaptions: Readonly<Record<Customer['blocked'], string>> = {
  none: 'Not blocked',
  ship: 'Ship',
  invoice: 'Invoice',
  all: 'All',
};

/** The customer card's FastTabs, as in Business Central. */
export const customerFieldGroups: readonly FieldGroup[] = [
  {
    title: 'General',
    fields: [
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'name2', label: 'Name 2', kind: 'text' },
      { name: 'salespersonCode', label: 'Salesperson Code', kind: 'code', lookup: '/salespeople' },
      { name: 'creditLimitLcy', label: 'Credit Limit (LCY)', kind: 'decimal' },
      { name: 'blocked', label: 'Blocked', kind: 'choice', options: blockedCaptions },
    ],
  },
  {
    title: 'Address & Contact',
    fields: [
      { name: 'address', label: 'Address', kind: 'text' },
      { name: 'address2', label: 'Address 2', kind: 'text' },
      { name: 'postCode', label: 'Post Code', kind: 'text' },
      { name: 'city', label: 'City', kind: 'text' },
      { name: 'countryRegionCode', label: 'Country/Region Code', kind: 'text' },
      { name: 'contact', label: 'Contact', kind: 'text' },
      { name: 'phoneNo', label: 'Phone No.', kind: 'text' },
      { name: 'email', label: 'Email', kind: 'text' },
    ],
  },
  {
    title: 'Invoicing',
    fields: [
      { name: 'vatRegistrationNo', label: 'VAT Registration No.', kind: 'text' },
      { name: 'gln', label: 'GLN', kind: 'text' },
      { name: 'electronicAddress', label: 'E-Invoice Endpoint ID', kind: 'text' },
      { name: 'electronicAddressScheme', label: 'E-Invoice Endpoint Scheme (EAS)', kind: 'text' },
      { name: 'genBusPostingGroup', label: 'Gen. Bus. Posting Group', kind: 'code', lookup: '/genBusinessPostingGroups' },
      { name: 'vatBusPostingGroup', label: 'VAT Bus. Posting Group', kind: 'code', lookup: '/vatBusinessPostingGroups' },
      { name: 'customerPostingGroup', label: 'Customer Posting Group', kind: 'code', lookup: '/customerPostingGroups' },
      { name: 'customerPriceGroup', label: 'Customer Price Group', kind: 'code', lookup: '/customerPriceGroups' },
      { name: 'customerDiscountGroup', label: 'Customer Disc. Group', kind: 'code', lookup: '/customerDiscountGroups' },
      { name: 'currencyCode', label: 'Currency Code', kind: 'code', lookup: '/currencies' },
      { name: 'pricesIncludingVat', label: 'Prices Including VAT', kind: 'boolean' },
      { name: 'allowLineDiscount', label: 'Allow Line Disc.', kind: 'boolean' },
    ],
  },
  {
    title: 'Payments & Shipping',
    fields: [
      { name: 'paymentTermsCode', label: 'Payment Terms Code', kind: 'code', lookup: '/paymentTerms' },
      { name: 'paymentMethodCode', label: 'Payment Method Code', kind: 'code', lookup: '/paymentMethods' },
      { name: 'prepaymentPercent', label: 'Prepayment %', kind: 'decimal' },
      { name: 'locationCode', label: 'Location Code', kind: 'code', lookup: '/locations' },
      // How posted documents go to the customer (spec §21.2): empty uses the default profile.
      { name: 'documentSendingProfile', label: 'Document Sending Profile', kind: 'code', lookup: '/documentSendingProfiles', emptyAsText: true },
    ],
  },
];

/** A new customer may be given its number; left empty, the number series assigns one. */
export const newCustomerFieldGroups: readonly FieldGroup[] = withNoField(customerFieldGroups);

/** What a new customer starts with (the server fills the number from the number series). */
export const newCustomerDefaults: Partial<Customer> = { blocked: 'none', allowLineDiscount: true, creditLimitLcy: '0' };
