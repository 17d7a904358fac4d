import {
  customerDiscountGroupSchemas, customerPriceGroupSchemas, customerSchemas, shipToAddressSchemas,
} from '../../core/master-data/customer.schemas.ts';
import { eq, or } from 'drizzle-orm';
import { checkPrepaymentPercent } from '../../core/sales/prepayment.ts';
import { dec } from '../../core/money/decimal.ts';
import { DomainError } from '../../core/errors.ts';
import { customer, customerDiscountGroup, customerPriceGroup, salesHeader, salesReceivablesSetup, shipToAddress } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
import { code } from '../../core/master-data/fields.ts';
import { applyCustomerTemplate } from './customer-template.resources.ts';

const byCode = { param: 'code', field: 'code', kind: 'code' } as const;

/** The groups every customer needs before its first document line can be priced and posted. */
const requiredPostingGroups = [
  ['customerPostingGroup', 'Customer Posting Group'],
  ['genBusPostingGroup', 'Gen. Bus. Posting Group'],
  ['vatBusPostingGroup', 'VAT Bus. Posting Group'],
] as const;

/**
 * A new customer is refused without its posting groups (issue 19), rather than failing later on its
 * first document line; a customer that has them may not lose them.
 */
function checkPostingGroups(record: Row, previous: Row | undefined) {
  for (const [field, fieldCaption] of requiredPostingGroups) {
    const missing = record[field] === null || record[field] === undefined || record[field] === '';
    if (missing && (!previous || (previous[field] !== null && previous[field] !== ''))) {
      throw new DomainError('CUSTOMER_POSTING_GROUP_MISSING', { fieldCaption, field }, field);
    }
  }
}

export const customerResource: ResourceDefinition = {
  name: 'customers', entity: 'Customer', table: customer, area: 'customers',
  key: { param: 'no', field: 'no', kind: 'code' },
  // templateCode: the Customer Template whose values fill the fields the request leaves out.
  createSchema: customerSchemas.create.extend({ templateCode: code(20).optional() }), updateSchema: customerSchemas.update,
  filters: [
    'city', 'postCode', 'countryRegionCode', 'blocked', 'customerPostingGroup', 'genBusPostingGroup', 'vatBusPostingGroup',
    'paymentTermsCode', 'currencyCode', 'salespersonCode', 'customerPriceGroup', 'billToCustomerNo', 'locationCode',
  ],
  search: ['name', 'searchName', 'city', 'email', 'phoneNo', 'vatRegistrationNo'],
  numberSeries: async (tx) => {
    const [setup] = await tx.select({ series: salesReceivablesSetup.customerNos }).from(salesReceivablesSetup);
    return { seriesCode: setup?.series ?? null, setup: 'Sales & Receivables Setup (customerNos)' };
  },
  // BC fills Search Name from Name and Invoice Disc. Code with the customer's own number.
  prepare: async (tx, values, previous) => {
    const { templateCode, ...given } = values;
    const prepared = typeof templateCode === 'string' ? await applyCustomerTemplate(tx, templateCode, given) : given;
    if (typeof values.name === 'string' && (!previous || previous.searchName === String(previous.name).toUpperCase()) && values.searchName === undefined) {
      prepared.searchName = values.name.toUpperCase();
    }
    if (!previous && !prepared.invoiceDiscountCode) prepared.invoiceDiscountCode = values.no;
    return prepared;
  },
  validate: async (_tx, record, previous) => {
    checkPostingGroups(record, previous);
    if (record.prepaymentPercent !== undefined && record.prepaymentPercent !== null) checkPrepaymentPercent(dec(String(record.prepaymentPercent)));
  },
  // Spec §12.2: not while sales documents for the customer are outstanding.
  beforeDelete: async (tx, record) => {
    const documents = await tx.select({ documentType: salesHeader.documentType, no: salesHeader.no }).from(salesHeader)
      .where(or(eq(salesHeader.sellToCustomerNo, record.no as string), eq(salesHeader.billToCustomerNo, record.no as string))).limit(5);
    if (documents.length > 0) {
      throw new DomainError('CUSTOMER_HAS_ACTIVITY', { customerNo: record.no as string, documents: documents.map((row) => `${row.documentType} ${row.no}`).join(', ') });
    }
  },
};

export const shipToAddressResource: ResourceDefinition = {
  name: 'shipToAddresses', entity: 'Ship-to Address', table: shipToAddress, area: 'customers',
  parent: { resource: 'customers', entity: 'Customer', param: 'customerNo', field: 'customerNo', table: customer, parentField: 'no' },
  key: byCode,
  createSchema: shipToAddressSchemas.create, updateSchema: shipToAddressSchemas.update, filters: ['city'], search: ['name', 'city'],
};

export const customerGroupResources: ResourceDefinition[] = [
  {
    name: 'customerPriceGroups', entity: 'Customer Price Group', table: customerPriceGroup, area: 'customers', key: byCode,
    createSchema: customerPriceGroupSchemas.create, updateSchema: customerPriceGroupSchemas.update, filters: [], search: ['description'],
  },
  {
    name: 'customerDiscountGroups', entity: 'Customer Discount Group', table: customerDiscountGroup, area: 'customers', key: byCode,
    createSchema: customerDiscountGroupSchemas.create, updateSchema: customerDiscountGroupSchemas.update, filters: [], search: ['description'],
  },
];
