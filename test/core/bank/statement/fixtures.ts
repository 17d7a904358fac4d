/** The bank statement fixtures in ../shared (genkgo/camt and wolph/mt940 test files with their expected results). */
import { sharedFixtures } from '../../../support/shared-fixtures.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const fixtureRoot = sharedFixtures('bank-statements');
export const camtDirectory = join(fixtureRoot, 'camt/genkgo-camt');
export const mt940Directory = join(fixtureRoot, 'mt940/wolph-mt940');

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) throw new Error(`the bank statement fixtures are missing: ${directory}`);
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Fixture files relative to directory, e.g. 'camt053.v2.minimal.xml' or 'jejik/ing.sta'. */
export function fixtureFiles(directory: string, pattern: RegExp): string[] {
  return filesUnder(directory).map((path) => relative(directory, path)).filter((name) => pattern.test(name)).sort();
}

export function readFixture(directory: string, name: string, encoding: BufferEncoding = 'utf8'): string {
  return readFileSync(join(directory, name), encoding);
}

export function readJson<T>(directory: string, name: string): T | null {
  const path = join(directory, name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

/** Whitespace does not count: the libraries join wrapped lines differently. */
export function squeeze(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, '');
}
