import { describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline make-order` (issue 15): the command reaches Make Order of blanket orders and quotes.
const workspace = useCliWorkspace('ledgerline-make-order-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-01-02', ...args]);

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline make-order', () => {
  it('calls Make Order of the blanket order or quote named, and refuses other document types', async () => {
    const missing = await ledgerline('make-order', 'blanketOrder', 'BO0404');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND: Blanket Sales Order BO0404 does not exist.');
    expect((await ledgerline('make-order', 'quote', 'SQ0404')).stderr).toContain('NOT_FOUND: Sales Quote SQ0404 does not exist.');
    const wrongType = await ledgerline('make-order', 'invoice', 'SI0001');
    expect(wrongType.status).toBe(1);
    expect(wrongType.stderr).toContain("Unknown document type 'invoice'");
    const listed = await ledgerline('list', 'salesBlanketOrders');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.json()).toEqual([]);
  });
});
