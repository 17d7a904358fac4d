import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenSalesCompany } from '../../support/given.ts';

/** An item's Assembly BOM (spec §15.3, worked example 7's KIT): components, Quantity per, units, and no BOM made of itself. */
describe('assembly BOM', () => {
  let api: TestApi;
  let admin: ReturnType<TestApi['as']>;

  beforeEach(async () => {
    api = await testApi();
    admin = await givenSalesCompany(api);
    for (const no of ['KIT', 'PART-A', 'PART-B']) await created(admin, '/api/v1/items', { no, description: no, baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25' });
  });
  afterEach(() => api.close());

  it('lists the components of KIT with their quantity per, description and base unit, numbered by 10000', async () => {
    await created(admin, '/api/v1/items/KIT/assemblyBom', { no: 'part-a', quantityPer: '1' });
    await created(admin, '/api/v1/items/KIT/assemblyBom', { no: 'PART-B', quantityPer: '2' });
    const bom = (await admin('GET', '/api/v1/items/KIT/assemblyBom')).json();
    expect(bom.items.map((row: Record<string, unknown>) => [row.lineNo, row.no, row.description, row.quantityPer, row.unitOfMeasureCode])).toEqual([
      [10000, 'PART-A', 'PART-A', '1.00000', 'PCS'], [20000, 'PART-B', 'PART-B', '2.00000', 'PCS'],
    ]);
    const changed = await admin('PATCH', '/api/v1/items/KIT/assemblyBom/20000', { quantityPer: '3' });
    expect(changed.json()).toMatchObject({ quantityPer: '3.00000', no: 'PART-B' });
  });

  it('refuses a component that is the item itself or is made of it, an unknown item, a zero quantity and a unit the component lacks', async () => {
    await created(admin, '/api/v1/items/KIT/assemblyBom', { no: 'PART-A', quantityPer: '1' });
    const refusals = [
      await admin('POST', '/api/v1/items/KIT/assemblyBom', { no: 'KIT', quantityPer: '1' }),
      await admin('POST', '/api/v1/items/PART-A/assemblyBom', { no: 'KIT', quantityPer: '1' }),
      await admin('POST', '/api/v1/items/KIT/assemblyBom', { no: 'NOPE', quantityPer: '1' }),
      await admin('POST', '/api/v1/items/KIT/assemblyBom', { no: 'PART-B', quantityPer: '0' }),
      await admin('POST', '/api/v1/items/KIT/assemblyBom', { no: 'PART-B', quantityPer: '1', unitOfMeasureCode: 'BOX' }),
    ];
    expect(refusals.map((response) => [response.statusCode, response.json().errors?.[0]?.field])).toEqual([
      [400, 'no'], [400, 'no'], [422, 'no'], [400, 'quantityPer'], [400, 'unitOfMeasureCode'],
    ]);
    expect((await admin('GET', '/api/v1/items/KIT/assemblyBom')).json().items).toHaveLength(1);
  });
});
