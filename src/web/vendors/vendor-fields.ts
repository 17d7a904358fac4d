import { withNoField, type FieldGroup } from '../components/record-fields.ts';
import type { ApplicationMethod, Vendor, VendorBlocked } from './vendor-types.ts';

export const vendorBlockedCaptions: Readonly<Record<VendorBlocked, string>> = {
  none: 'Not blocked',
  payment: 'Payment',
  all: 'All',
};

export const applicationMethodCaptions: Readonly<Record<ApplicationMethod, string>> = {
  manual: 'Manual',
  applyToOldest: 'Apply to Oldest',
};

/** The vendor card's FastTabs, as in Business Central. */
export const vendorFieldGroups: readonly FieldGroup[] = [
  {
    title: 'General',
    fields: [
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'name2', label: 'Name 2', kind: 'text' },
      { name: 'blocked', label: 'Blocked', kind: 'choice', options: vendorBlockedCaptions },
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
      { name: 'genBusPostingGroup', label: 'Gen. Bus. Posting Group', kind: 'code', lookup: '/genBusinessPostingGroups' },
      { name: 'vatBusPostingGroup', label: 'VAT Bus. Posting Group', kind: 'code', lookup: '/vatBusinessPostingGroups' },
      { name: 'vendorPostingGroup', label: 'Vendor Posting Group', kind: 'code', lookup: '/vendorPostingGroups' },
      { name: 'currencyCode', label: 'Currency Code', kind: 'code', lookup: '/currencies' },
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
];

/** A new vendor may be given its number; left empty, the purchases setup's number series assigns one. */
export const newVendorFieldGroups: readonly FieldGroup[] = withNoField(vendorFieldGroups);

/** What a new vendor starts with: the database's defaults, shown so that the choices are not blank. */
export const newVendorDefaults: Partial<Vendor> = { blocked: 'none', applicationMethod: 'manual', blockPaymentTolerance: false };
