import { bankAccountResources } from '../bank/bank-account.resources.ts';
import { customerGroupResources, customerResource, shipToAddressResource } from '../customers/customer.resources.ts';
import { customerTemplateResource } from '../customers/customer-template.resources.ts';
import { itemDiscountGroupResource, itemResource, itemUnitOfMeasureResource } from '../items/item.resources.ts';
import { assemblyBomResource } from '../items/assembly-bom.resources.ts';
import { ledgerResources } from '../ledger/ledger.resources.ts';
import { logisticsResources } from '../setup/logistics.resources.ts';
import { calendarResources, orderPromisingSetupSingleton } from '../setup/calendar.resources.ts';
import { pricingResources } from '../pricing/pricing.resources.ts';
import { salesDocumentArchiveResource } from '../sales/sales-document-archive.resource.ts';
import { standardSalesResources } from '../sales/standard-sales.resources.ts';
import { postingResources } from '../setup/posting.resources.ts';
import { noSeriesLineResource, noSeriesResource, setupSingletons } from '../setup/setup.resources.ts';
import { userResource } from '../users/user.resources.ts';
import { vendorResource } from '../vendors/vendor.resources.ts';
import { catalogItemResource } from '../purchases/catalog-items.ts';
import { documentSendingProfileResource } from '../email/document-sending-profile.resources.ts';
import type { ResourceDefinition, SingletonDefinition } from './resource.ts';

/** Every master-data resource the API serves; the CLI and the OpenAPI document read the same list. */
export const resources: ResourceDefinition[] = [
  noSeriesResource, noSeriesLineResource,
  ...postingResources,
  ...logisticsResources,
  ...calendarResources,
  customerResource, shipToAddressResource, ...customerGroupResources, customerTemplateResource,
  itemResource, itemUnitOfMeasureResource, assemblyBomResource, itemDiscountGroupResource, catalogItemResource,
  ...pricingResources,
  salesDocumentArchiveResource,
  ...standardSalesResources,
  ...ledgerResources,
  vendorResource,
  ...bankAccountResources,
  userResource,
  documentSendingProfileResource,
];

export const singletons: SingletonDefinition[] = [...setupSingletons, orderPromisingSetupSingleton];
