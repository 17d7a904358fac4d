/**
 * src/core is the functional core: no I/O, no clock, no randomness, no floats for amounts, and no
 * imports from the imperative shell (src/server) or the web app (src/web). This test reads the
 * source text, so a violation fails with its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const coreDirectory = join(repositoryRoot, 'src', 'core');
const shellDirectories = [join(repositoryRoot, 'src', 'server'), join(repositoryRoot, 'src', 'web')];

const bannedCalls: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /\bparseFloat\b/, why: 'parseFloat turns amounts into floats; use dec()' },
  { pattern: /\bMath\.round\b/, why: 'Math.round rounds floats; use roundTo / roundAmount' },
  { pattern: /\bNumber\s*\(/, why: 'Number( turns amounts into floats; use dec()' },
  { pattern: /\bDate\.now\b/, why: 'Date.now reads the clock; pass the date in' },
  { pattern: /\bnew\s+Date\s*\(/, why: 'new Date( reads the clock or a time zone; use IsoDate' },
  { pattern: /\bMath\.random\b/, why: 'Math.random is randomness; pass values in' },
  { pattern: /\bprocess\.[A-Za-z_$]/, why: 'process. reads the environment' },
  { pattern: /\bfetch\s*\(/, why: 'fetch( is I/O' },
];

const bannedModules = [
  /^(node:)?(fs|fs\/promises|net|http|https|child_process)$/,
  /^pg(-.*)?$/,
  /^@electric-sql\//,
  /^drizzle-orm(\/.*)?$/,
];

const importSpecifiers = [
  /\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(?\s*['"]([^'"]+)['"]/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]/g,
];

interface Violation {
  file: string;
  line: number;
  problem: string;
}

function findViolations(file: string, source: string): Violation[] {
  const violations: Violation[] = [];
  source.split('\n').forEach((text, index) => {
    const report = (problem: string) => violations.push({ file, line: index + 1, problem });
    for (const { pattern, why } of bannedCalls) if (pattern.test(text)) report(why);
    for (const specifier of specifiersOn(text)) {
      const problem = importProblem(file, specifier);
      if (problem) report(problem);
    }
  });
  return violations;
}

function specifiersOn(line: string): string[] {
  return importSpecifiers.flatMap((pattern) => [...line.matchAll(pattern)].map((match) => match[1]!));
}

function importProblem(file: string, specifier: string): string | null {
  if (bannedModules.some((pattern) => pattern.test(specifier))) return `imports '${specifier}' (I/O)`;
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null;
  const target = resolve(dirname(file), specifier);
  const shell = shellDirectories.find((directory) => target === directory || target.startsWith(directory + sep));
  return shell ? `imports '${specifier}' from ${relative(repositoryRoot, shell)}` : null;
}

function typeScriptFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return typeScriptFilesUnder(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/core purity', () => {
  const files = typeScriptFilesUnder(coreDirectory);

  it('scans the core sources (not an empty directory)', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((file) => relative(coreDirectory, file))).toContain('errors.ts');
  });

  it('has no clock, randomness, float parsing, I/O or imports from server/ or web/', () => {
    const violations = files.flatMap((file) => findViolations(file, readFileSync(file, 'utf8')));
    const report = violations.map(({ file, line, problem }) => `${relative(repositoryRoot, file)}:${line}: ${problem}`);
    expect(report).toEqual([]);
  });
});

describe('the purity check itself', () => {
  const coreFile = join(coreDirectory, 'sales', 'example.ts');

  it.each([
    ['const amount = parseFloat(text);'],
    ['const total = Math.round(amount * 100) / 100;'],
    ['const quantity = Number(text);'],
    ['const now = Date.now();'],
    ['const today = new Date();'],
    ['const today = new Date (2026, 0, 1);'],
    ['const pick = Math.random();'],
    ['const url = process.env.DATABASE_URL;'],
    ['const response = await fetch(url);'],
    ["import { readFileSync } from 'node:fs';"],
    ["import { readFile } from 'fs/promises';"],
    ["import { Socket } from 'node:net';"],
    ["import pg from 'pg';"],
    ["import { PGlite } from '@electric-sql/pglite';"],
    ["import { eq } from 'drizzle-orm';"],
    ["import { sql } from 'drizzle-orm/sql';"],
    ["import { db } from '../../server/db/connection.ts';"],
    ["} from '../../web/components/totals.ts';"],
    ["export * from '../../server/ledger/append.ts';"],
    ["const module = await import('../../server/db/connection.ts');"],
    ["import '../../web/styles.ts';"],
  ])('flags %s', (line) => {
    expect(findViolations(coreFile, line)).toHaveLength(1);
  });

  it.each([
    ['const next = incrementNumber(number);'],
    ['const whole = Number.isInteger(value);'],
    ['const update = prefetch(value);'],
    ["import { DomainError } from '../errors.ts';"],
    ["import { Decimal as DecimalJs } from 'decimal.js';"],
    ["import { dec } from '../money/decimal.ts';"],
    ["import { type IsoDate } from '../dates/calendar-date.ts';"],
    ['// the caller persists the line in one process. Then it commits.'],
    ['const serverTotals = totalsFromServer(document);'],
  ])('allows %s', (line) => {
    expect(findViolations(coreFile, line)).toEqual([]);
  });

  it('names the line of a violation', () => {
    const source = "import { dec } from '../money/decimal.ts';\n\nconst now = Date.now();\n";
    expect(findViolations(coreFile, source)).toEqual([
      { file: coreFile, line: 3, problem: 'Date.now reads the clock; pass the date in' },
    ]);
  });
});
