import type { Locator } from 'playwright-core';

/** The page's document, typed for the node type-check too (which has no DOM library). */
type BrowserGlobal = { document: { activeElement: unknown } };

/** Whether the element has the keyboard focus. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === (globalThis as unknown as BrowserGlobal).document.activeElement);
}
