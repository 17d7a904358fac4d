import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `ledgerline post`, `preview` and `combine-shipments` as a user runs them on the demo company.
const bin = join(import.meta.dirname, '../../../bin/ledgerline.js');
let workDir: string;
let environment: NodeJS.ProcessEnv;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'ledgerline-post-cli-'));
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  environment = { ...rest, LEDGERLINE_DATA_DIR: join(workDir, 'data'), LEDGERLINE_CONFIG_DIR: join(workDir, 'config'), LEDGERLINE_SERVER: '' };
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function ledgerline(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, '--work-date', '2026-11-25', ...args], { env: environment, encoding: 'utf8', timeout: 90_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline post / preview / combine-shipments', () => {
  it('previews and posts a demo order, then runs Combine Shipments with a progress report', { timeout: 240_000 }, async () => {
    expect(ledgerline('demo').status).toBe(0);
    const created = ledgerline('create', 'salesOrders', '--data', JSON.stringify({ sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1000', quantity: '2' }] }));
    expect(created.status, created.stderr).toBe(0);
    const orderNo = created.json().no as string;

    const preview = ledgerline('preview', 'order', orderNo, '--ship', '--invoice');
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.json().glEntries.length).toBeGreaterThan(0);

    const posted = ledgerline('post', 'order', orderNo, '--ship', '--invoice');
    expect(posted.status, posted.stderr).toBe(0);
    expect(posted.json()).toMatchObject({ documentDeleted: true });
    expect(posted.json().invoiceNo).toMatch(/^PSI/);

    const again = ledgerline('post', 'order', orderNo, '--ship');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('DOCUMENT_ALREADY_POSTED');
    expect(ledgerline('post', 'quote', 'X').stderr).toContain('Unknown document type');

    const combined = ledgerline('combine-shipments', '--posting-date', '2026-11-30', '--post');
    expect(combined.status, combined.stderr).toBe(0);
    expect(combined.json()).toMatchObject({ status: 'succeeded', result: { invoicesCreated: 0 } });
  });
});
