import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifacts } from './build-web.ts';

/**
 * A test file's screenshots, saved as test-artifacts/e2e/<prefix>-<name>.png, and its steps: a step
 * that fails leaves a screenshot of the page as it was (`<name>-failed`), and with `everyStep` one that
 * passes leaves one too. `page` is a getter: the files open their page in beforeAll.
 */
export function screenshotSteps(page: () => Page, prefix: string, options: { everyStep?: boolean } = {}) {
  const screenshot = (name: string, fullPage = true) => page().screenshot({ path: join(artifacts, `${prefix}-${name}.png`), fullPage });
  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
      if (options.everyStep) await screenshot(name);
    } catch (error) {
      await screenshot(`${name}-failed`);
      throw error;
    }
  }
  return { screenshot, step };
}
