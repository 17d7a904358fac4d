import { expect } from 'vitest';
import type { TestApi } from './api.ts';

export type ListItem = Record<string, unknown>;

/**
 * Every page of a list, following nextCursor, with the page size given; sent as the given user with
 * the given headers (a work date, say). Stops after 20 pages so a cursor that never ends fails the
 * test instead of hanging it.
 */
export async function allPages(
  send: ReturnType<TestApi['as']>, url: string, limit: number, headers: Record<string, string> = {},
): Promise<{ pages: number; items: ListItem[] }> {
  const items: ListItem[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const response = await send('GET', `${url}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, undefined, headers);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: ListItem[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 20);
  return { pages, items };
}
