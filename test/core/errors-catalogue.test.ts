import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError, type DomainErrorCode, domainErrorCodes } from '../../src/core/errors.ts';
import { frameworkProblemCodes, problemFromError } from '../../src/server/http/problem.ts';

/** One stable code per reason, SCREAMING_SNAKE: no variants after a colon, no lower case. */
const wellFormed = /^[A-Z][A-Z0-9_]*$/;
const root = join(import.meta.dirname, '../..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The string literals a code expression can take: `'X'`, or either arm of `cond ? 'X' : 'Y'` (not the condition's literals). */
function codeLiterals(expression: string): string[] {
  return [...expression.matchAll(/(?:^|\?|:)\s*'([^']*)'/g)].map((match) => match[1]!);
}

interface Use { code: string; where: string }

/** Every code src/ hands to a client: domain errors, HTTP problems, the framework map, job outcomes. */
function codesUsedInSource(): { domain: Use[]; problems: Use[]; jobs: Use[] } {
  const domain: Use[] = [];
  const problems: Use[] = [];
  const jobs: Use[] = [];
  for (const path of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(path, 'utf8');
    const where = relative(root, path);
    // The first argument: up to the first comma, brace or closing parenthesis outside a nested call.
    for (const match of text.matchAll(/new DomainError\(\s*((?:[^,{()]|\([^()]*\))*)/g)) {
      for (const code of codeLiterals(match[1]!)) domain.push({ code, where });
    }
    for (const match of text.matchAll(/\bproblem\(\s*[\w.]+,\s*'([^']+)'/g)) problems.push({ code: match[1]!, where });
    for (const match of text.matchAll(/\bFST_ERR_\w+:\s*'([^']+)'/g)) problems.push({ code: match[1]!, where });
    if (where.startsWith('src/server/jobs/') || where.endsWith('combine-shipments.ts')) {
      for (const match of text.matchAll(/\bcode:\s*'([^']+)'/g)) jobs.push({ code: match[1]!, where });
    }
  }
  return { domain, problems, jobs };
}

describe('the error catalogue (src/core/errors.ts)', () => {
  it('lists only well-formed codes', () => {
    expect(domainErrorCodes.length).toBeGreaterThan(50);
    expect(domainErrorCodes.filter((code) => !wellFormed.test(code))).toEqual([]);
    expect(frameworkProblemCodes.filter((code) => !wellFormed.test(code))).toEqual([]);
  });

  // Params never qualify the code (the old `qualifier` made `FIELD_REQUIRED:postingDate`).
  it('answers a domain error under its own code and problem type, nothing appended', () => {
    for (const code of domainErrorCodes) {
      const body = problemFromError(new DomainError(code as DomainErrorCode, { field: 'postingDate', entryField: 'appliesToEntry', qualifier: 'postingDate' } as never));
      expect(body.code).toBe(code);
      expect(body.type).toBe(`urn:ledgerline:problem:${code}`);
    }
  });

  it('every code used in src/ is in the catalogue or a framework code, and well formed', () => {
    const { domain, problems, jobs } = codesUsedInSource();
    // The scan must see the code base, or it proves nothing.
    expect(domain.length).toBeGreaterThan(150);
    expect(problems.map((use) => use.code)).toEqual(expect.arrayContaining(['INVALID_INPUT', 'ROUTE_NOT_FOUND', 'INVALID_JSON']));
    const known = new Set<string>([...domainErrorCodes, ...frameworkProblemCodes]);
    expect(domain.filter((use) => !domainErrorCodes.includes(use.code as DomainErrorCode) || !wellFormed.test(use.code))).toEqual([]);
    expect(problems.filter((use) => !known.has(use.code) || !wellFormed.test(use.code))).toEqual([]);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.filter((use) => !wellFormed.test(use.code))).toEqual([]);
  });

  it('Cancel and Correct refuse with one code per reason (spec §18.2), each with its parameters in the message', () => {
    const refusal = { action: 'correct', no: 'PSI0001' } as const;
    const cases: Array<[DomainError, string]> = [
      [new DomainError('CANNOT_CORRECT_ITEM_RETURNED', { ...refusal, itemNo: '1000' }), 'because item 1000 has already been fully or partially returned'],
      [new DomainError('CANNOT_CORRECT_CUSTOMER_BLOCKED', { ...refusal, customerNo: 'C1' }), 'because customer C1 is blocked'],
      [new DomainError('CANNOT_CORRECT_ITEM_BLOCKED', { ...refusal, itemNo: '1000' }), 'because item 1000 is blocked'],
      [new DomainError('CANNOT_CORRECT_ACCOUNT_BLOCKED', { ...refusal, accountNo: '8000' }), 'because G/L account 8000 is blocked'],
      [new DomainError('CANNOT_CORRECT_POSTING_DATE_NOT_ALLOWED', { ...refusal, postingDate: '2025-12-31' }), 'its posting date 2025-12-31 is not within'],
      [new DomainError('CANNOT_CORRECT_NO_SERIES_MISSING', { ...refusal, seriesFor: 'invoices', series: null }), 'no number series for invoices is set up'],
      [new DomainError('CANNOT_CORRECT_NO_SERIES_MISSING', { ...refusal, seriesFor: 'credit memos', series: 'S-CR' }), 'number series S-CR for credit memos does not exist'],
      [new DomainError('CANNOT_CORRECT_NO_AMOUNT', refusal), 'because it has no amount'],
      [new DomainError('CANNOT_CORRECT_EXTERNAL_DOC_NO_REQUIRED', refusal), 'External Document No. is required'],
    ];
    for (const [error, text] of cases) {
      expect(error.message).toContain('You cannot correct posted invoice PSI0001');
      expect(error.message).toContain(text);
      expect(problemFromError(error).status).toBe(422);
    }
    expect(domainErrorCodes).not.toContain('CANNOT_CORRECT');
  });
});
