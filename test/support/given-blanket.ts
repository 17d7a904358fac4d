import type { TestApi } from './api.ts';
import { withFixtureCache } from './fixture-cache.ts';
import { givenInventory, givenPostingCompany } from './given-posting.ts';
import { created } from './given.ts';

/**
 * givenPostingCompany with blanket orders (spec §14): Blanket Order Nos. S-BLK (BO0001 …), item X
 * at 20.00 per PCS that also comes in BOX of 12, location BLUE, and 3,000 PCS of X on hand.
 */
export async function givenBlanketCompany(api: TestApi) {
  const admin = api.as('admin');
  await withFixtureCache(api.db, 'blanket-orders', async () => {
    await givenPostingCompany(api);
    await created(admin, '/api/v1/noSeries', { code: 'S-BLK', manualNos: true });
    await created(admin, '/api/v1/noSeries/S-BLK/lines', { startingNo: 'BO0001' });
    await admin('PATCH', '/api/v1/salesReceivablesSetup', { blanketOrderNos: 'S-BLK' });
    await created(admin, '/api/v1/items', {
      no: 'X', description: 'Item X', unitPrice: '20', unitCost: '12', baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25',
    });
    await admin('PATCH', '/api/v1/items/X', { inventoryPostingGroup: 'RESALE' });
    await created(admin, '/api/v1/items/X/unitsOfMeasure', { code: 'BOX', quantityPerUnitOfMeasure: '12' });
    await created(admin, '/api/v1/locations', { code: 'BLUE', name: 'Warehouse BLUE' });
    await givenInventory(admin, '2026-01-01', [{ itemNo: 'X', quantity: '3000', unitCost: '12' }]);
  });
  return admin;
}
