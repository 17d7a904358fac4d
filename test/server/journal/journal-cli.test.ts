import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline journal preview` and `journal post` as a user runs them on the demo company.
const workspace = useCliWorkspace('ledgerline-journal-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-11-25', ...args]);

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline journal post / preview', () => {
  it('previews and posts rent paid from the bank, and refuses a file that does not balance', { timeout: 480_000 }, async () => {
    expect((await ledgerline('demo')).status).toBe(0);
    const directory = workspace.environment().LEDGERLINE_DATA_DIR!;
    const rent = join(directory, '..', 'rent.json');
    writeFileSync(rent, JSON.stringify({ lines: [
      { postingDate: '2026-11-25', documentNo: 'RENT-11', accountType: 'glAccount', accountNo: '4100', amount: '2500', description: 'Rent November' },
      { postingDate: '2026-11-25', documentNo: 'RENT-11', accountType: 'glAccount', accountNo: '1020', amount: '-2500', description: 'Rent November' },
    ] }));

    const preview = await ledgerline('journal', 'preview', '--file', rent);
    expect(preview.status, preview.stderr).toBe(0);
    const [planned] = preview.json().transactions;
    expect(planned.glEntries.map((entry: { glAccountNo: string; amount: string }) => [entry.glAccountNo, entry.amount])).toEqual([['4100', '2500.00'], ['1020', '-2500.00']]);

    const posted = await ledgerline('journal', 'post', '--file', rent);
    expect(posted.status, posted.stderr).toBe(0);
    const [transaction] = posted.json().transactions;
    expect(transaction).toMatchObject({ documentNo: 'RENT-11', lines: [0, 1], transactionNo: planned.transactionNo });
    const entries = await ledgerline('list', 'glEntries', '--filter', 'documentNo=RENT-11');
    expect(entries.status, entries.stderr).toBe(0);
    expect(entries.json().map((entry: { glAccountNo: string; sourceCode: string }) => [entry.glAccountNo, entry.sourceCode])).toEqual([['4100', 'GENJNL'], ['1020', 'GENJNL']]);

    // A bare array of lines is a journal file too; this one does not balance.
    const unbalanced = join(directory, '..', 'unbalanced.json');
    writeFileSync(unbalanced, JSON.stringify([{ postingDate: '2026-11-25', documentNo: 'X-1', accountType: 'glAccount', accountNo: '4100', amount: '10' }]));
    const refused = await ledgerline('journal', 'post', '--file', unbalanced);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('JOURNAL_NOT_BALANCED');
    expect(refused.stderr).toContain('lines.0.amount');
    expect((await ledgerline('journal', 'post', '--file', join(directory, 'missing.json'))).stderr).toContain('Cannot read the journal file');
  });
});
