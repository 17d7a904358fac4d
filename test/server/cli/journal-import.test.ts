import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline journal import --csv` and `journal post-batch` as a clerk runs them on the demo company's cash receipts journal
// (in this process, on one database kept open for the file; preview-batch and the entries' G/L are the HTTP tests').
const workspace = useCliWorkspace('ledgerline-journal-import-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-11-25', ...args]);

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline journal import / post-batch', () => {
  it('imports receipts from CSV into CASHRCPT/GENERAL and posts them; bad rows and bad lines are named', { timeout: 600_000 }, async () => {
    expect((await ledgerline('demo')).status).toBe(0);
    const file = (name: string, text: string) => {
      const path = join(workspace.environment().LEDGERLINE_DATA_DIR!, '..', name);
      writeFileSync(path, text);
      return path;
    };

    const bad = file('bad.csv', 'accountNo,amount,colour\nC00010,-100,red\n');
    const unknownColumn = await ledgerline('journal', 'import', '--batch', 'CASHRCPT/GENERAL', '--csv', bad);
    expect(unknownColumn.status).toBe(1);
    expect(unknownColumn.stderr).toContain("row 1: column 'colour' is not a field of a journal line");
    const badValues = await ledgerline('journal', 'import', '--batch', 'CASHRCPT/GENERAL', '--csv',
      file('values.csv', 'postingDate,accountNo,amount\n2026-11-25,C00010,-100\n2026-11-31,C00020,12.5.0\n'));
    expect(badValues.status).toBe(1);
    expect(badValues.stderr).toContain('row 3, column postingDate');
    expect(badValues.stderr).toContain('row 3, column amount');
    expect(badValues.stderr).toContain('nothing was imported');

    const receipts = file('receipts.csv', 'postingDate,accountNo,amount,externalDocumentNo,description\n'
      + '2026-11-25,C00010,-100.00,CHQ 1,Payment October\n2026-11-25,C00020,-250.50,,"Payment, thank you"\n');
    const imported = await ledgerline('journal', 'import', '--batch', 'cashrcpt/general', '--csv', receipts);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.json()).toEqual({ imported: 2, lines: [{ lineNo: 10000, documentNo: 'G02001' }, { lineNo: 20000, documentNo: 'G02002' }] });

    const posted = await ledgerline('journal', 'post-batch', '--batch', 'CASHRCPT/GENERAL');
    expect(posted.status, posted.stderr).toBe(0);
    expect(posted.json().transactions.map((row: { documentNo: string; lines: number[] }) => [row.documentNo, row.lines])).toEqual([['G02001', [10000]], ['G02002', [20000]]]);
    const bank = await ledgerline('list', 'bankAccountLedgerEntries', '--filter', 'bankAccountNo=CHECKING');
    expect(bank.json().map((entry: { documentNo: string; amount: string; externalDocumentNo: string }) => [entry.documentNo, entry.amount, entry.externalDocumentNo]))
      .toEqual([['G02001', '100.00', 'CHQ 1'], ['G02002', '250.50', '']]);

    // A line the API refuses at posting is named by its line no.; nothing is posted and the lines stay.
    expect((await ledgerline('journal', 'import', '--batch', 'CASHRCPT/GENERAL', '--csv', file('unknown.csv', 'accountNo,amount\nC99999,-5\n'))).status).toBe(0);
    const refused = await ledgerline('journal', 'post-batch', '--batch', 'CASHRCPT/GENERAL');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('RELATED_RECORD_NOT_FOUND');
    expect(refused.stderr).toContain('lines.10000.accountNo');
    const taken = await ledgerline('journal', 'import', '--batch', 'CASHRCPT/GENERAL', '--csv', file('taken.csv', 'lineNo,accountNo,amount\n30000,C00010,-1\n10000,C00010,-2\n'));
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('ALREADY_EXISTS');
    expect(taken.stderr).toContain('row 3, column lineNo');
    expect((await ledgerline('journal', 'post-batch', '--batch', 'CASHRCPT')).stderr).toContain('--batch must name the template and the batch');
  });
});
