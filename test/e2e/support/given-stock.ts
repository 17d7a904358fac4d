import type { Page } from 'playwright-core';
import type { ApiSession } from './session.ts';

const copiedFromTemplate = ['type', 'baseUnitOfMeasure', 'genProdPostingGroup', 'vatProdPostingGroup', 'inventoryPostingGroup', 'costingMethod'];

/** A new inventory item with the posting groups and unit of the demo company's item 1000. */
export async function givenItemLike1000(api: ApiSession, fields: Record<string, unknown> & { no: string }): Promise<void> {
  const template = await api.call<Record<string, unknown>>('GET', '/api/v1/items/1000');
  await api.call('POST', '/api/v1/items', { ...Object.fromEntries(copiedFromTemplate.map((field) => [field, template[field]])), ...fields });
}

/** Stock on 2 January 2026 through the item journal (a positive adjustment). */
export async function givenStock(api: ApiSession, line: { itemNo: string; locationCode: string; quantity: string; unitCost: string; documentNo: string }): Promise<void> {
  await api.call('POST', '/api/v1/itemJournal/post', { lines: [{ postingDate: '2026-01-02', entryType: 'positiveAdjustment', ...line }] });
}

/** The work date typed in the banner, as a user sets it (the page's requests carry it). */
export async function setWorkDate(page: Page, date: string): Promise<void> {
  const workDate = page.getByRole('banner').getByRole('textbox', { name: 'Work date' });
  await workDate.fill(date);
  await workDate.press('Enter');
}
