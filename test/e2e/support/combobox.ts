import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Picks options in the card's code lookups by typing the code: [label, code typed, option chosen]. */
export async function chooseOptions(page: Page, card: Locator, choices: ReadonlyArray<readonly [string, string, string]>): Promise<void> {
  for (const [label, code, option] of choices) {
    const select = card.getByRole('combobox', { name: label });
    await select.fill(code);
    await page.getByRole('option', { name: option, exact: true }).click();
    await expect.poll(() => select.inputValue()).toBe(option);
  }
}

/** The demo company's domestic posting groups, as a new customer card needs them. */
export const domesticPostingGroups = [
  ['Gen. Bus. Posting Group', 'DOMESTIC', 'DOMESTIC – Domestic customers and vendors'],
  ['VAT Bus. Posting Group', 'DOMESTIC', 'DOMESTIC – Domestic customers and vendors (Binnenland)'],
  ['Customer Posting Group', 'DOMESTIC', 'DOMESTIC – Domestic customers'],
] as const;
