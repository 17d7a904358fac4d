import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotSteps } from './support/steps.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Issue 20, point 1: an item's Assembly BOM is kept on the item card; a component made of the item is refused on its field.
describe.skipIf(!chromiumAvailable())('assembly BOM on the item card', () => {
  let session: BrowserSession;
  let page: Page;
  const { screenshot, step } = screenshotSteps(() => page, 'assembly-bom');

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  it('adds two components with their quantity per, changes nothing on a refused one', { timeout: 120_000 }, () => step('bom', async () => {
    const groups = { baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'HIGH', inventoryPostingGroup: 'RESALE' };
    for (const no of ['KIT-E2E', 'PART-A-E2E', 'PART-B-E2E']) await session.api.call('POST', '/api/v1/items', { no, description: `${no} description`, ...groups });
    await page.goto(`${session.server.address}/items/KIT-E2E`);
    const bom = page.getByRole('group', { name: 'Assembly BOM' });
    await bom.waitFor(slow);
    for (const [no, quantity] of [['PART-A-E2E', '1'], ['PART-B-E2E', '2,5']] as const) {
      await bom.getByRole('button', { name: 'Add component' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add component' });
      await dialog.getByLabel('No.', { exact: true }).fill(no);
      await dialog.getByLabel('Quantity per', { exact: true }).fill(quantity);
      await dialog.getByRole('button', { name: 'Add' }).click();
      await bom.getByRole('row', { name: new RegExp(no) }).waitFor(slow);
    }
    await bom.getByRole('row', { name: /PART-B-E2E/ }).getByText('2,5').waitFor(slow);
    await screenshot('components');

    // PART-A made of KIT, which is made of PART-A: refused on the No. field, nothing added.
    await page.goto(`${session.server.address}/items/PART-A-E2E`);
    const partBom = page.getByRole('group', { name: 'Assembly BOM' });
    await partBom.getByRole('button', { name: 'Add component' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add component' });
    await dialog.getByLabel('No.', { exact: true }).fill('KIT-E2E');
    await dialog.getByLabel('Quantity per', { exact: true }).fill('1');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByText(/is KIT-E2E or is made of it|is PART-A-E2E or is made of it/).waitFor(slow);
    await screenshot('refused');
    const stored = await session.api.call<{ items: Array<{ no: string; quantityPer: string }> }>('GET', '/api/v1/items/KIT-E2E/assemblyBom');
    expect(stored.items.map((row) => [row.no, row.quantityPer])).toEqual([['PART-A-E2E', '1.00000'], ['PART-B-E2E', '2.50000']]);
    expect((await session.api.call<{ items: unknown[] }>('GET', '/api/v1/items/PART-A-E2E/assemblyBom')).items).toEqual([]);
  }));
});
