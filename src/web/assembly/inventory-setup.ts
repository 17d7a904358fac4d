import { inventorySetupUpdate } from '../../core/master-data/setup.schemas.ts';
import type { SetupSingletonSpec } from '../setup/setup-page-types.ts';

const series = (name: string, label: string) => ({ name, label, kind: 'code', lookup: '/noSeries' } as const);

/**
 * Inventory Setup (BC page 461), with BC's Assembly Setup number series on it (spec §15.3): the
 * app has one setup page for inventory, so the four assembly series sit in their own group there.
 */
export const inventorySetup: SetupSingletonSpec = {
  kind: 'singleton', path: 'inventory-setup', title: 'Inventory Setup', resource: '/inventorySetup',
  schema: inventorySetupUpdate,
  fields: [
    {
      title: 'General',
      fields: [
        { name: 'automaticCostPosting', label: 'Automatic Cost Posting', kind: 'boolean' },
        { name: 'expectedCostPostingToGl', label: 'Expected Cost Posting to G/L', kind: 'boolean' },
        { name: 'preventNegativeInventory', label: 'Prevent Negative Inventory', kind: 'boolean' },
      ],
    },
    {
      title: 'Location',
      fields: [
        { name: 'locationMandatory', label: 'Location Mandatory', kind: 'boolean' },
        { name: 'defaultLocationCode', label: 'Default Location Code', kind: 'code', lookup: '/locations' },
        { name: 'outboundWarehouseHandlingTime', label: 'Outbound Whse. Handling Time', kind: 'text' },
        { name: 'inboundWarehouseHandlingTime', label: 'Inbound Whse. Handling Time', kind: 'text' },
      ],
    },
    { title: 'Numbering', fields: [series('itemNos', 'Item Nos.')] },
    {
      title: 'Assembly',
      fields: [
        series('assemblyQuoteNos', 'Assembly Quote Nos.'), series('assemblyOrderNos', 'Assembly Order Nos.'),
        series('blanketAssemblyOrderNos', 'Blanket Assembly Order Nos.'), series('postedAssemblyOrderNos', 'Posted Assembly Order Nos.'),
      ],
    },
  ],
};
