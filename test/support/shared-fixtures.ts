import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The team's shared fixtures (../shared/fixtures beside the repository). A clone elsewhere finds them
 * through LEDGERLINE_SHARED_DIR, or in /work/shared where the team's machines keep them.
 */
export function sharedFixtures(...path: string[]): string {
  const candidates = [process.env.LEDGERLINE_SHARED_DIR, resolve(import.meta.dirname, '../../../shared'), '/work/shared'].filter((dir): dir is string => Boolean(dir));
  const root = candidates.find((dir) => existsSync(resolve(dir, 'fixtures'))) ?? candidates[0]!;
  return resolve(root, 'fixtures', ...path);
}
