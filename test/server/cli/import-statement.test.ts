import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { generalJournalPost } from '../../../src/core/journal/general-journal.schemas.ts';
import { httpClient } from '../../../src/server/cli/api-client.ts';
import { registerBankCommands } from '../../../src/server/cli/bank-command.ts';
import type { CliCommandKit } from '../../../src/server/cli/command-kit.ts';
import type { Executor } from '../../../src/server/db/connection.ts';
import { bankAccountLedgerEntry, customerLedgerEntry, textToAccountMapping } from '../../../src/server/db/schema/index.ts';
import { loadDemoCompany } from '../../../src/server/demo/demo-company.ts';
import { postGeneralJournal } from '../../../src/server/journal/general-journal.commands.ts';
import { loadSalesContext } from '../../../src/server/sales/sales-context.ts';
import { camt053 } from '../../support/camt053.ts';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';
import type { TestApi } from '../../support/api.ts';
import { givenReceivablesCompany, postedInvoice } from '../receivables/receivables-fixture.ts';

// `ledgerline import-statement` and `reconciliation post` as a clerk runs them on the embedded database,
// in this process on the database the test file keeps open (test/support/cli.ts): the setup is written
// into it directly, and the HTTP mode is run against a listening server.
const workDate = '2026-11-25';
const workspace = useCliWorkspace('ledgerline-import-statement-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', workDate, ...args]);

/** The demo company with two open invoices of C00040 (Bureau Van Dijk Architecten) and a text mapping for bank fees. */
async function givenDemoWithOpenInvoices(): Promise<void> {
  const handle = await workspace.database();
  await handle.db.transaction(async (transaction) => {
    const tx = transaction as Executor;
    await loadDemoCompany(tx, { workDate });
    const invoice = (documentNo: string, amount: string) => ({
      postingDate: workDate, documentType: 'invoice', documentNo, accountType: 'customer', accountNo: 'C00040', amount, balAccountType: 'glAccount', balAccountNo: '0520',
    });
    await postGeneralJournal(tx, generalJournalPost.parse({ lines: [invoice('OB-1001', '500.00'), invoice('OB-1002', '300.00')] }), await loadSalesContext(tx, workDate, 'test'));
    await tx.insert(textToAccountMapping).values({ mappingText: 'Bank fee', debitAccNo: '4600', creditAccNo: '4600' });
  });
}

function statementFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline import-statement on the embedded database', () => {
  it('imports and matches a camt.053 file with progress on stderr, skips it when imported again, posts and reconciles; a wrong account is refused', { timeout: 900_000 }, async () => {
    await givenDemoWithOpenInvoices();
    const file = statementFile(join(workspace.environment().LEDGERLINE_DATA_DIR!, '..'), 'november.xml', camt053({
      iban: 'NL85INGB0006541237', date: workDate, entries: [
        { amount: '500.00', date: workDate, text: 'Invoice OB-1001', name: 'Bureau Van Dijk Architecten' },
        { amount: '300.00', date: workDate, text: 'Payment OB-1002', name: 'Bureau Van Dijk Architecten' },
        { amount: '-12.50', date: workDate, text: 'Bank fee November' },
      ],
    }));

    const imported = await ledgerline('import-statement', '--bank-account', 'checking', '--progress', file);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.json()).toEqual({
      bankAccountNo: 'CHECKING', statementNo: '1', fileName: 'november.xml', format: 'camt.053', statements: 1,
      imported: 3, skipped: 0, applied: 3, byConfidence: { high: 2, highTextToAccountMapping: 1 }, warnings: [],
    });
    const phases = imported.stderr.trim().split('\n');
    expect(phases).toHaveLength(3);
    expect(phases[0]).toMatch(/^\[#+\.*\] 1\/3 read: november\.xml, \d+ kB \(\d+\.\d s\)$/);
    expect(phases[1]).toMatch(/^\[#+\.*\] 2\/3 import: 3 imported, 0 skipped into journal 1 \(\d+\.\d s\)$/);
    expect(phases[2]).toMatch(/^\[#{20}\] 3\/3 apply automatically: 3 of 3 lines matched \(\d+\.\d s\)$/);

    // Not a terminal and no --progress: standard error stays empty.
    const again = await ledgerline('import-statement', '--bank-account', 'CHECKING', '--statement-no', '1', '--no-apply', file);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.json()).toMatchObject({ statementNo: '1', imported: 0, skipped: 3, applied: 0, byConfidence: {} });

    const posted = await ledgerline('reconciliation', 'post', '--bank-account', 'CHECKING', '--statement-no', '1');
    expect(posted.status, posted.stderr).toBe(0);
    expect(posted.json()).toMatchObject({ bankAccountNo: 'CHECKING', statementNo: '1', reconciled: true, postedLines: 3 });

    const otherAccount = await ledgerline('import-statement', '--bank-account', 'USD', file);
    expect(otherAccount.status).toBe(1);
    expect(otherAccount.stdout).toBe('');
    expect(otherAccount.stderr).toContain('ledgerline: STATEMENT_OTHER_ACCOUNT: november.xml is a statement of account NL85INGB0006541237, not of bank account USD');

    const { db } = await workspace.database();
    const invoices = await db.select({ documentNo: customerLedgerEntry.documentNo, open: customerLedgerEntry.open }).from(customerLedgerEntry)
      .where(and(eq(customerLedgerEntry.documentType, 'invoice'), inArray(customerLedgerEntry.documentNo, ['OB-1001', 'OB-1002'])));
    expect(invoices.map((entry) => entry.open)).toEqual([false, false]);
    const bank = await db.select({ amount: bankAccountLedgerEntry.amount, status: bankAccountLedgerEntry.statementStatus })
      .from(bankAccountLedgerEntry).where(eq(bankAccountLedgerEntry.bankAccountNo, 'CHECKING')).orderBy(bankAccountLedgerEntry.entryNo);
    expect(bank).toEqual([{ amount: '500.00', status: 'closed' }, { amount: '300.00', status: 'closed' }, { amount: '-12.50', status: 'closed' }]);
  });
});

describe('ledgerline import-statement against a server (HTTP)', () => {
  let api: TestApi | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends the file as JSON, applies automatically, posts payments only, and reports a refusal by its code', async () => {
    const company = await givenReceivablesCompany('2026-03-20');
    api = company.api;
    const invoiceNo = await postedInvoice(company.send, { unitPrice: '800' });
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const printed: unknown[] = [];
    const kit: CliCommandKit = {
      io: { stdout: { write: () => true }, stderr: { write: () => true }, env: {} },
      setExitCode: () => undefined,
      withApi: async (_server, work) => work(httpClient(address, inject('apiTokens').admin)),
      expectOk: (response) => {
        const problem = response.body as { code?: string; detail?: string };
        if (response.status >= 400) throw new Error(`${problem.code}: ${problem.detail}`);
        return response.body;
      },
      print: (value) => printed.push(value),
      serverOption: new Option('--server <url>'),
    };
    const run = (...args: string[]) => {
      const program = new Command('ledgerline').exitOverride();
      registerBankCommands(program, kit);
      return program.parseAsync(args, { from: 'user' });
    };
    dir = mkdtempSync(join(tmpdir(), 'ledgerline-statement-http-'));
    const file = statementFile(dir, 'march.xml', camt053({ iban: 'NL02ABNA0123456789', date: '2026-03-20', entries: [{ amount: '1000.00', date: '2026-03-20', text: `Invoice ${invoiceNo}` }] }));

    await run('import-statement', '--bank-account', 'giro', '--no-progress', file);
    expect(printed.at(-1)).toMatchObject({ bankAccountNo: 'GIRO', statementNo: '1', imported: 1, skipped: 0, applied: 1 });
    await run('reconciliation', 'post', '--bank-account', 'GIRO', '--statement-no', '1', '--payments-only');
    expect(printed.at(-1)).toMatchObject({ statementNo: '1', reconciled: false, postedLines: 1 });
    const [entry] = await company.api.db.select({ open: customerLedgerEntry.open }).from(customerLedgerEntry).where(eq(customerLedgerEntry.documentNo, invoiceNo));
    expect(entry).toEqual({ open: false });

    await expect(run('import-statement', '--bank-account', 'NOPE', '--no-progress', file)).rejects.toThrow('NOT_FOUND: Bank Account NOPE does not exist.');
  });
});
