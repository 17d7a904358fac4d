import { vendorSchemas } from '../../core/master-data/vendor.schemas.ts';
import { purchasesPayablesSetup, vendor } from '../db/schema/index.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';

export const vendorResource: ResourceDefinition = {
  name: 'vendors', entity: 'Vendor', table: vendor, area: 'vendors',
  key: { param: 'no', field: 'no', kind: 'code' },
  createSchema: vendorSchemas.create, updateSchema: vendorSchemas.update,
  filters: ['city', 'countryRegionCode', 'blocked', 'vendorPostingGroup', 'genBusPostingGroup', 'vatBusPostingGroup', 'currencyCode'],
  search: ['name', 'city', 'email', 'vatRegistrationNo'],
  numberSeries: async (tx) => {
    const [setup] = await tx.select({ series: purchasesPayablesSetup.vendorNos }).from(purchasesPayablesSetup);
    return { seriesCode: setup?.series ?? null, setup: 'Purchases & Payables Setup (vendorNos)' };
  },
};
