import { expect } from 'vitest';
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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The blanket tests' requests as admin on the work date: `ok` expects success, `refused` a 422 with the code. */
export function blanketRequests(currentApi: () => TestApi, workDate: Record<string, string>) {
  const send = (method: Method, url: string, body?: unknown) => currentApi().as('admin')(method, url, body, workDate);
  const get = async (url: string) => (await send('GET', url)).json();
  async function ok(method: Exclude<Method, 'GET'>, url: string, body?: unknown) {
    const response = await send(method, url, body);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json();
  }
  async function refused(method: Exclude<Method, 'GET'>, url: string, body: unknown, code: string) {
    const response = await send(method, url, body);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(422);
    expect(response.json().code).toBe(code);
    return response.json() as { code: string; detail: string; errors?: Array<{ field: string }> };
  }
  return { send, get, ok, refused };
}
