import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approve, afterSend, cancel, delegate, reject, substituteFor } from '../../../src/core/approvals/approval-state.ts';
import { isSufficientApprover, planApprovalEntries } from '../../../src/core/approvals/approver-determination.ts';
import { approvalContentHash, type ApprovalContentLine } from '../../../src/core/approvals/content-hash.ts';
import type {
  ApprovalEntryState, ApprovalStepArgument, ApprovalUserSetup, ApproverLimitType, PlannedApprovalEntry, UserSetups,
} from '../../../src/core/approvals/types.ts';
import { applicableWorkflow, workflowCodeFromTemplate, workflowsOverlap, type WorkflowCandidate } from '../../../src/core/approvals/workflow.ts';
import { dec } from '../../../src/core/money/decimal.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

function user(userId: string, fields: Partial<Omit<ApprovalUserSetup, 'salesAmountApprovalLimit'>> & { limit?: string } = {}): ApprovalUserSetup {
  const { limit = '0', ...rest } = fields;
  return { userId, approverId: null, salesAmountApprovalLimit: dec(limit), unlimitedSalesApproval: false, salespersonCode: null, substitute: null, approvalAdministrator: false, ...rest };
}
const setups = (...users: ApprovalUserSetup[]): UserSetups => new Map(users.map((entry) => [entry.userId, entry]));

/** Worked example 12 (§19.9): A (approver B, no limit), B (limit 5,000, approver C), C (unlimited). */
const example12 = () => setups(user('A', { approverId: 'B' }), user('B', { limit: '5000', approverId: 'C' }), user('C', { unlimitedSalesApproval: true }));
const step = (limitType: ApproverLimitType, fields: Partial<ApprovalStepArgument> = {}): ApprovalStepArgument =>
  ({ approverType: 'approver', limitType, specificApproverId: null, groupMembers: [], ...fields });
const request = (amount: string, requesterId = 'A', salespersonCode: string | null = null) => ({ requesterId, amountLcy: dec(amount), salespersonCode });
const states = (planned: PlannedApprovalEntry[]): ApprovalEntryState[] => planned.map((entry, index) => ({ entryNo: index + 1, ...entry }));

function applyChanges(entries: ApprovalEntryState[], changes: { entryNo: number; status: ApprovalEntryState['status']; approverId: string }[]) {
  return entries.map((entry) => {
    const change = changes.find((candidate) => candidate.entryNo === entry.entryNo);
    return change ? { ...entry, status: change.status, approverId: change.approverId } : entry;
  });
}
const actor = (users: UserSetups, userId: string) => ({ userId, setup: users.get(userId) });

describe('sufficient approver (§19.4)', () => {
  it.each([
    ['unlimited', user('X', { unlimitedSalesApproval: true }), '1000000', true],
    ['within the limit', user('X', { limit: '5000' }), '5000', true],
    ['above the limit', user('X', { limit: '5000' }), '5000.01', false],
    ['limit 0 means none', user('X', { limit: '0' }), '0.01', false],
    ['own approver: top of the hierarchy', user('X', { approverId: 'X' }), '999999', true],
  ])('%s', (_name, setup, amount, expected) => {
    expect(isSufficientApprover(setup, dec(amount))).toBe(expected);
  });
});

describe('worked example 12 (§19.9)', () => {
  it('approver chain, 8,000: B (seq 1, open) then C (seq 2); B approves, C opens; C approves, released', () => {
    const users = example12();
    const planned = planApprovalEntries(request('8000'), step('approverChain'), users);
    expect(planned).toEqual([{ sequenceNo: 1, approverId: 'B', status: 'created' }, { sequenceNo: 2, approverId: 'C', status: 'created' }]);
    let entries = states(planned);
    const sent = afterSend(entries);
    expect(sent).toEqual({ changes: [{ entryNo: 1, status: 'open', approverId: 'B' }], document: 'pendingApproval' });
    entries = applyChanges(entries, sent.changes);
    const byB = approve(entries, 1, actor(users, 'B'), { senderId: 'A', amountLcy: dec('8000') });
    expect(byB).toEqual({ changes: [{ entryNo: 1, status: 'approved', approverId: 'B' }, { entryNo: 2, status: 'open', approverId: 'C' }], document: 'pendingApproval' });
    entries = applyChanges(entries, byB.changes);
    const byC = approve(entries, 2, actor(users, 'C'), { senderId: 'A', amountLcy: dec('8000') });
    expect(byC).toEqual({ changes: [{ entryNo: 2, status: 'approved', approverId: 'C' }], document: 'released' });
  });

  it('variant 3,000: only B', () => {
    expect(planApprovalEntries(request('3000'), step('approverChain'), example12())).toEqual([{ sequenceNo: 1, approverId: 'B', status: 'created' }]);
  });

  it('variant First Qualified Approver, 8,000: a single entry for C', () => {
    expect(planApprovalEntries(request('8000'), step('firstQualifiedApprover'), example12())).toEqual([{ sequenceNo: 1, approverId: 'C', status: 'created' }]);
  });

  it('variant Direct Approver, 8,000: a single entry for B, who may approve although above the limit', () => {
    const users = example12();
    const entries = applyChanges(states(planApprovalEntries(request('8000'), step('directApprover'), users)), [{ entryNo: 1, status: 'open', approverId: 'B' }]);
    expect(entries).toEqual([{ entryNo: 1, sequenceNo: 1, approverId: 'B', status: 'open' }]);
    expect(approve(entries, 1, actor(users, 'B'), { senderId: 'A', amountLcy: dec('8000') }).document).toBe('released');
  });

  it('B rejects: B and C rejected, document open', () => {
    const users = example12();
    const entries = applyChanges(states(planApprovalEntries(request('8000'), step('approverChain'), users)), [{ entryNo: 1, status: 'open', approverId: 'B' }]);
    expect(reject(entries, 1, actor(users, 'B'))).toEqual({
      changes: [{ entryNo: 1, status: 'rejected', approverId: 'B' }, { entryNo: 2, status: 'rejected', approverId: 'C' }], document: 'open',
    });
  });

  it('A cancels: every pending entry canceled, document open; B may not cancel', () => {
    const users = example12();
    const entries = applyChanges(states(planApprovalEntries(request('8000'), step('approverChain'), users)), [{ entryNo: 1, status: 'open', approverId: 'B' }]);
    expect(cancel(entries, actor(users, 'A'), 'A')).toEqual({
      changes: [{ entryNo: 1, status: 'canceled', approverId: 'B' }, { entryNo: 2, status: 'canceled', approverId: 'C' }], document: 'open',
    });
    expect(domainErrorOf(() => cancel(entries, actor(users, 'B'), 'A')).code).toBe('APPROVAL_CANCEL_NOT_ALLOWED');
  });

  it('C may not approve B\'s entry, nor anyone a created one', () => {
    const users = example12();
    const entries = applyChanges(states(planApprovalEntries(request('8000'), step('approverChain'), users)), [{ entryNo: 1, status: 'open', approverId: 'B' }]);
    expect(domainErrorOf(() => approve(entries, 1, actor(users, 'C'), { senderId: 'A', amountLcy: dec('8000') })).code).toBe('APPROVAL_NOT_APPROVER');
    expect(domainErrorOf(() => approve(entries, 2, actor(users, 'C'), { senderId: 'A', amountLcy: dec('8000') })).code).toBe('APPROVAL_ENTRY_NOT_OPEN');
  });
});

describe('approver determination, the other paths (§19.4)', () => {
  it('a sufficient requester gets one self-entry, approved at once; the document is released', () => {
    const users = example12();
    const planned = planApprovalEntries(request('3000', 'B'), step('approverChain'), users);
    expect(planned).toEqual([{ sequenceNo: 1, approverId: 'B', status: 'approved' }]);
    expect(afterSend(states(planned))).toEqual({ changes: [], document: 'released' });
    expect(planApprovalEntries(request('3000', 'B'), step('firstQualifiedApprover'), users)).toEqual([{ sequenceNo: 1, approverId: 'B', status: 'approved' }]);
  });

  it('a requester above their limit never approves their own request', () => {
    const users = setups(user('A', { limit: '1000' }), user('B', { unlimitedSalesApproval: true }));
    const error = domainErrorOf(() => planApprovalEntries(request('8000'), step('specificApprover', { specificApproverId: 'A' }), users));
    expect(error.code).toBe('SELF_APPROVAL_ABOVE_LIMIT');
    expect(error.message).toBe('A cannot approve their own request: 8000.00 (LCY) is above their sales amount approval limit (1000.00).');
  });

  it('errors: requester not in the setup, no suitable approver, a loop', () => {
    expect(domainErrorOf(() => planApprovalEntries(request('10', 'Z'), step('approverChain'), example12())).code).toBe('APPROVAL_USER_SETUP_MISSING');
    const noTop = setups(user('A', { approverId: 'B' }), user('B', { limit: '5000' }));
    const error = domainErrorOf(() => planApprovalEntries(request('8000'), step('approverChain'), noTop));
    expect(error.code).toBe('NO_SUITABLE_APPROVER');
    expect(error.message).toContain('B has no approver');
    const loop = setups(user('A', { approverId: 'B' }), user('B', { approverId: 'A', limit: '10' }));
    expect(domainErrorOf(() => planApprovalEntries(request('8000'), step('approverChain'), loop)).code).toBe('APPROVER_CHAIN_LOOP');
    expect(domainErrorOf(() => planApprovalEntries(request('8000'), step('directApprover'), setups(user('A')))).code).toBe('NO_SUITABLE_APPROVER');
  });

  it('direct approver: an approval administrator without approver approves alone if sufficient', () => {
    const users = setups(user('A', { approvalAdministrator: true, limit: '10000' }));
    expect(planApprovalEntries(request('8000'), step('directApprover'), users)).toEqual([{ sequenceNo: 1, approverId: 'A', status: 'approved' }]);
  });

  it('specific approver: the step\'s user, who must be in the setup', () => {
    expect(planApprovalEntries(request('8000'), step('specificApprover', { specificApproverId: 'C' }), example12())).toEqual([{ sequenceNo: 1, approverId: 'C', status: 'created' }]);
    expect(domainErrorOf(() => planApprovalEntries(request('8000'), step('specificApprover', { specificApproverId: 'Q' }), example12())).code).toBe('APPROVAL_USER_SETUP_MISSING');
  });

  it('salesperson: the salesperson\'s user first, then up the chain; first qualified only if sufficient', () => {
    const users = setups(user('A', { approverId: 'B' }), user('S', { salespersonCode: 'JO', limit: '1000', approverId: 'B' }),
      user('B', { limit: '5000', approverId: 'C' }), user('C', { unlimitedSalesApproval: true }));
    const salesperson = (limitType: ApproverLimitType) => ({ ...step(limitType), approverType: 'salespersonPurchaser' as const });
    expect(planApprovalEntries(request('8000', 'A', 'JO'), salesperson('approverChain'), users).map((entry) => entry.approverId)).toEqual(['S', 'B', 'C']);
    expect(planApprovalEntries(request('800', 'A', 'JO'), salesperson('firstQualifiedApprover'), users).map((entry) => entry.approverId)).toEqual(['S']);
    expect(domainErrorOf(() => planApprovalEntries(request('8000', 'A', 'JO'), salesperson('firstQualifiedApprover'), users)).code).toBe('NO_SUITABLE_APPROVER');
    expect(planApprovalEntries(request('8000', 'A', 'JO'), salesperson('directApprover'), users).map((entry) => entry.approverId)).toEqual(['S']);
    expect(domainErrorOf(() => planApprovalEntries(request('8000', 'A', 'XX'), salesperson('approverChain'), users)).code).toBe('SALESPERSON_APPROVER_MISSING');
  });

  it('workflow user group: parallel members of one sequence all approve before the next opens', () => {
    const users = setups(user('A'), user('P'), user('Q'), user('R'));
    const group = { ...step('approverChain'), approverType: 'workflowUserGroup' as const, groupMembers: [{ userId: 'R', sequenceNo: 2 }, { userId: 'Q', sequenceNo: 1 }, { userId: 'P', sequenceNo: 1 }] };
    const planned = planApprovalEntries(request('99999'), group, users);
    expect(planned).toEqual([
      { sequenceNo: 1, approverId: 'P', status: 'created' }, { sequenceNo: 1, approverId: 'Q', status: 'created' }, { sequenceNo: 2, approverId: 'R', status: 'created' },
    ]);
    let entries = states(planned);
    const sent = afterSend(entries);
    expect(sent.changes.map((change) => change.approverId)).toEqual(['P', 'Q']);
    entries = applyChanges(entries, sent.changes);
    const byQ = approve(entries, 2, actor(users, 'Q'), { senderId: 'A', amountLcy: dec('99999') });
    expect(byQ).toEqual({ changes: [{ entryNo: 2, status: 'approved', approverId: 'Q' }], document: 'pendingApproval' });
    entries = applyChanges(entries, byQ.changes);
    const byP = approve(entries, 1, actor(users, 'P'), { senderId: 'A', amountLcy: dec('99999') });
    expect(byP.changes).toEqual([{ entryNo: 1, status: 'approved', approverId: 'P' }, { entryNo: 3, status: 'open', approverId: 'R' }]);
  });
});

describe('delegation (§19.5)', () => {
  it('goes to the substitute, else the approver\'s approver, else an approval administrator', () => {
    expect(substituteFor('B', setups(user('B', { substitute: 'S', approverId: 'C' }), user('S'), user('C')))).toBe('S');
    expect(substituteFor('B', setups(user('B', { approverId: 'C' }), user('C')))).toBe('C');
    expect(substituteFor('B', setups(user('B'), user('ADM', { approvalAdministrator: true })))).toBe('ADM');
    expect(substituteFor('B', setups(user('B')))).toBeUndefined();
  });

  it('replaces the approver of the open entry, which stays open; an admin may delegate', () => {
    const users = setups(user('A', { approverId: 'B' }), user('B', { substitute: 'S', limit: '100' }), user('S'), user('ADM', { approvalAdministrator: true }));
    const entries: ApprovalEntryState[] = [{ entryNo: 1, sequenceNo: 1, approverId: 'B', status: 'open' }];
    expect(delegate(entries, 1, actor(users, 'ADM'), users)).toEqual({ changes: [{ entryNo: 1, status: 'open', approverId: 'S' }], document: 'pendingApproval' });
    expect(domainErrorOf(() => delegate(entries, 1, actor(users, 'A'), users)).code).toBe('APPROVAL_NOT_APPROVER');
    expect(domainErrorOf(() => delegate(entries, 1, actor(users, 'B'), setups(user('B')))).code).toBe('APPROVAL_NO_SUBSTITUTE');
  });

  it('a request delegated to its own sender cannot be approved by them above their limit', () => {
    const users = setups(user('A', { limit: '100' }), user('B'));
    const entries: ApprovalEntryState[] = [{ entryNo: 1, sequenceNo: 1, approverId: 'A', status: 'open' }];
    expect(domainErrorOf(() => approve(entries, 1, actor(users, 'A'), { senderId: 'A', amountLcy: dec('8000') })).code).toBe('SELF_APPROVAL_ABOVE_LIMIT');
  });
});

describe('property: approving in any order', () => {
  it('releases exactly when every entry of every sequence is approved, and opens only the lowest pending sequence', () => {
    const groups = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(groups, fc.infiniteStream(fc.nat()), (sequenceNos, picks) => {
      const users = setups(user('REQ'), ...sequenceNos.map((_, index) => user(`U${index}`)));
      const group = { ...step('approverChain'), approverType: 'workflowUserGroup' as const, groupMembers: sequenceNos.map((sequenceNo, index) => ({ userId: `U${index}`, sequenceNo })) };
      let entries = states(planApprovalEntries(request('5', 'REQ'), group, users));
      let result = afterSend(entries);
      entries = applyChanges(entries, result.changes);
      const pick = picks[Symbol.iterator]();
      while (result.document === 'pendingApproval') {
        const open = entries.filter((entry) => entry.status === 'open');
        const lowestPending = Math.min(...entries.filter((entry) => entry.status !== 'approved').map((entry) => entry.sequenceNo));
        expect(open.length).toBeGreaterThan(0);
        expect(open.every((entry) => entry.sequenceNo === lowestPending)).toBe(true);
        const chosen = open[pick.next().value % open.length]!;
        result = approve(entries, chosen.entryNo, actor(users, chosen.approverId), { senderId: 'REQ', amountLcy: dec('5') });
        entries = applyChanges(entries, result.changes);
        expect(result.document === 'released').toBe(entries.every((entry) => entry.status === 'approved'));
      }
      expect(entries.every((entry) => entry.status === 'approved')).toBe(true);
    }));
  });
});

describe('content hash', () => {
  const header = { sellToCustomerNo: 'C', billToCustomerNo: 'C', currencyCode: null, pricesIncludingVat: false, salespersonCode: null, invoiceDiscountCalculation: 'none', invoiceDiscountValue: '0' };
  const line: ApprovalContentLine = {
    lineNo: 10000, type: 'item', no: '1000', unitOfMeasureCode: 'PCS', quantity: '80', unitPrice: '100', lineDiscountPercent: '0', lineDiscountAmount: '0', lineAmount: '8000',
  };
  it('is stable under decimal spelling and line order, and changes with any approved field', () => {
    const base = approvalContentHash(header, [line, { ...line, lineNo: 20000, no: 'A' }]);
    expect(approvalContentHash(header, [{ ...line, lineNo: 20000, no: 'A' }, { ...line, quantity: '80.00000', unitPrice: '100.00', lineAmount: '8000.00' }])).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const changed of [{ quantity: '81' }, { unitPrice: '99' }, { lineDiscountPercent: '1' }, { lineAmount: '7999' }, { no: 'B' }, { type: 'glAccount' }]) {
      expect(approvalContentHash(header, [{ ...line, ...changed }, { ...line, lineNo: 20000, no: 'A' }])).not.toBe(base);
    }
    for (const changed of [{ sellToCustomerNo: 'D' }, { currencyCode: 'EUR' }, { salespersonCode: 'JO' }, { invoiceDiscountCalculation: 'percent', invoiceDiscountValue: '5' }]) {
      expect(approvalContentHash({ ...header, ...changed }, [line, { ...line, lineNo: 20000, no: 'A' }])).not.toBe(base);
    }
  });
});

describe('workflows (§19.2)', () => {
  const workflow = (code: string, fields: Partial<WorkflowCandidate> = {}): WorkflowCandidate =>
    ({ code, enabled: true, documentType: 'order', minimumAmountLcy: null, customerNo: null, customerPostingGroup: null, ...fields });
  it('a copy of a template gets the first free suffix', () => {
    expect(workflowCodeFromTemplate('MS-SOAPW', [])).toBe('SOAPW-01');
    expect(workflowCodeFromTemplate('MS-SOAPW', ['SOAPW-01', 'soapw-02'])).toBe('SOAPW-03');
  });
  it('applies by document type and conditions; overlap unless a customer or posting group tells them apart', () => {
    const facts = { documentType: 'order', amountLcy: dec('8000'), customerNo: 'C', customerPostingGroup: 'DOMESTIC' };
    expect(applicableWorkflow([workflow('X', { minimumAmountLcy: dec('10000') }), workflow('Y', { customerNo: 'C' })], facts)?.code).toBe('Y');
    expect(applicableWorkflow([workflow('X', { enabled: false }), workflow('Y', { documentType: 'invoice' })], facts)).toBeUndefined();
    expect(workflowsOverlap(workflow('X'), workflow('Y', { minimumAmountLcy: dec('5') }))).toBe(true);
    expect(workflowsOverlap(workflow('X', { customerNo: 'C' }), workflow('Y', { customerNo: 'D' }))).toBe(false);
    expect(workflowsOverlap(workflow('X'), workflow('Y', { documentType: 'quote' }))).toBe(false);
  });
});
