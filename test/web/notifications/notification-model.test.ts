import { describe, expect, it } from 'vitest';
import { absoluteLink, approvalDocumentPath, notificationEmail, notificationMessage } from '../../../src/core/approvals/notifications.ts';
import { dutchCaptions } from '../../../src/web/i18n/nl/index.ts';
import { badgeLabel, notificationLinks, unreadIds } from '../../../src/web/notifications/notification-model.ts';

describe('the notification bell', () => {
  it('shows no badge at 0, the count up to 99, then 99+', () => {
    expect(badgeLabel(0)).toBeNull();
    expect(badgeLabel(1)).toBe('1');
    expect(badgeLabel(99)).toBe('99');
    expect(badgeLabel(100)).toBe('99+');
  });

  it('links to the document, and to Requests to Approve when the recipient has to act', () => {
    expect(notificationLinks({ notificationType: 'approvalRequest', link: '/sales/orders/SO0001', documentNo: 'SO0001' })).toEqual([
      { to: '/sales/orders/SO0001', label: 'Open SO0001' }, { to: '/requests-to-approve', label: 'Requests to Approve' },
    ]);
    expect(notificationLinks({ notificationType: 'rejected', link: '/sales/orders/SO0001', documentNo: 'SO0001' })).toEqual([{ to: '/sales/orders/SO0001', label: 'Open SO0001' }]);
  });

  it('words the links with the caption function it is given (Dutch)', () => {
    const t = (english: string, values: Record<string, string> = {}) => (dutchCaptions[english] ?? english).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
    expect(notificationLinks({ notificationType: 'delegated', link: '/sales/orders/SO0001', documentNo: 'SO0001' }, t)).toEqual([
      { to: '/sales/orders/SO0001', label: 'SO0001 openen' }, { to: '/requests-to-approve', label: 'Goed te keuren aanvragen' },
    ]);
  });

  it('marks only the unread ones', () => {
    expect(unreadIds([{ id: 1, readAt: null }, { id: 2, readAt: '2026-03-02T10:00:00Z' }, { id: 3, readAt: null }])).toEqual([1, 3]);
  });
});

describe('notification texts and links (core)', () => {
  it('links each document type to its page in the web app', () => {
    expect(approvalDocumentPath('order', 'SO0001')).toBe('/sales/orders/SO0001');
    expect(approvalDocumentPath('creditMemo', 'CM 1')).toBe('/sales/credit-memos/CM%201');
    expect(absoluteLink('https://erp.example/', '/sales/quotes/Q1')).toBe('https://erp.example/sales/quotes/Q1');
  });

  it('says who did what to which document, and escapes the email', () => {
    const facts = { documentType: 'order', documentNo: 'SO0001', amount: '8000.00', currencyCode: 'USD', actorId: 'b', dueDate: '2026-03-03' } as const;
    expect(notificationMessage({ ...facts, type: 'approvalRequest' })).toBe('b requests your approval of Sales Order SO0001 (8000.00 USD, due 2026-03-03).');
    expect(notificationMessage({ ...facts, type: 'overdue' })).toBe('The approval of Sales Order SO0001 (8000.00 USD) by b is overdue, due 2026-03-03.');
    expect(notificationEmail('a <b> & c', 'Sales Order SO0001', 'https://erp.example/x?a=1&b=2')).toEqual({
      subject: 'Approval: Sales Order SO0001',
      htmlBody: '<p>a &lt;b&gt; &amp; c</p><p><a href="https://erp.example/x?a=1&amp;b=2">Open Sales Order SO0001</a></p>',
    });
  });
});
