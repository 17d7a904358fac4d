/**
 * A vendor as GET /api/v1/vendors answers it (server/vendors/vendor.resources.ts, every column of
 * the vendor table). Core has no response view for vendors yet, so the fields the pages read are
 * written out here, from the API's schema (core/master-data/vendor.schemas.ts).
 */
export type VendorBlocked = 'none' | 'payment' | 'all';
export type ApplicationMethod = 'manual' | 'applyToOldest';

export interface Vendor {
  no: string;
  name: string;
  name2: string;
  address: string;
  address2: string;
  postCode: string;
  city: string;
  countryRegionCode: string;
  phoneNo: string;
  email: string;
  contact: string;
  vendorPostingGroup: string | null;
  genBusPostingGroup: string | null;
  vatBusPostingGroup: string | null;
  paymentTermsCode: string | null;
  paymentMethodCode: string | null;
  currencyCode: string | null;
  blocked: VendorBlocked;
  vatRegistrationNo: string;
  applicationMethod: ApplicationMethod;
  blockPaymentTolerance: boolean;
  version: number;
}
