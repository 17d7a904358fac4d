import { describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline notifications` and `approval send-overdue-notifications | delegate-due` on the demo company (in-process: the user `cli`).
const workspace = useCliWorkspace('ledgerline-approval-notifications-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-11-25', ...args]);

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline notifications', () => {
  it('lists the user\'s notifications, marks them read, sends overdue notices and runs the automatic delegation', { timeout: 240_000 }, async () => {
    expect((await ledgerline('demo')).status).toBe(0);
    const list = await ledgerline('notifications', '--unread');
    expect(list.status, list.stderr).toBe(0);
    expect(list.json()).toEqual({ items: [], unreadCount: 0 });
    const unmarked = await ledgerline('notifications', 'mark-read');
    expect(unmarked.status).toBe(1);
    expect(unmarked.stderr).toContain('Give notification ids or --all.');
    expect((await ledgerline('notifications', 'mark-read', 'x1')).stderr).toContain("'x1' is not a notification id.");
    const marked = await ledgerline('notifications', 'mark-read', '--all');
    expect(marked.json()).toEqual({ marked: 0 });
    const overdue = await ledgerline('approval', 'send-overdue-notifications');
    expect(overdue.status, overdue.stderr).toBe(0);
    expect(overdue.json()).toEqual({ overdueEntries: 0, notified: [] });
    const delegated = await ledgerline('approval', 'delegate-due');
    expect(delegated.status, delegated.stderr).toBe(0);
    expect(delegated.json()).toEqual({ delegated: [], skipped: [] });
  });
});
