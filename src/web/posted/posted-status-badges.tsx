import { Badge, Group } from '@mantine/core';
import { dec } from '../../core/money/decimal.ts';
import type { PostedSalesHeader } from '../api/posting-types.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';

type StatusHeader = Pick<PostedSalesHeader,
  'prepayment' | 'prepaymentOrderNo' | 'cancelled' | 'corrective' | 'closed' | 'remainingAmount' | 'amountIncludingVat' | 'dueDate'>;

export type PaymentStatus = 'paid' | 'open' | 'partlyPaid' | null;

/**
 * Where a posted invoice or credit memo stands with its customer ledger entry: Paid once the entry
 * is closed, Open while nothing of it is applied, Partly paid in between. Unknown (null) when it has
 * no entry (a zero document) or was cancelled.
 */
export function paymentStatusOf(header: StatusHeader): PaymentStatus {
  if (header.cancelled) return null;
  if (header.closed) return 'paid';
  if (header.remainingAmount === null || header.remainingAmount === undefined) return null;
  const remaining = dec(header.remainingAmount).abs();
  if (remaining.isZero()) return 'paid';
  return remaining.lt(dec(header.amountIncludingVat).abs()) ? 'partlyPaid' : 'open';
}

/** Still (partly) unpaid after its due date, as of the work date. */
export function isOverdue(header: StatusHeader, workDate: string): boolean {
  const status = paymentStatusOf(header);
  return (status === 'open' || status === 'partlyPaid') && header.dueDate !== null && header.dueDate < workDate;
}

/**
 * Prepayment (with its order), Cancelled, Corrective, and Open / Partly paid / Paid / Overdue of a
 * posted invoice or credit memo, as BC's list columns and the posted document page show them.
 */
export function PostedStatusBadges({ header }: { header: StatusHeader }) {
  const t = useCaptions();
  const { workDate } = useSession();
  const status = paymentStatusOf(header);
  return (
    <Group gap={4} wrap="nowrap" data-testid="posted-status">
      {header.prepayment && (
        <Badge color="grape" variant="light" title={t('A prepayment document of sales order {{no}}', { no: header.prepaymentOrderNo ?? '' })}>
          {t('Prepayment')}{header.prepaymentOrderNo ? ` · ${header.prepaymentOrderNo}` : ''}
        </Badge>
      )}
      {header.cancelled && <Badge color="red" variant="light">{t('Cancelled')}</Badge>}
      {header.corrective && <Badge color="orange" variant="light">{t('Corrective')}</Badge>}
      {status === 'paid' && <Badge color="teal" variant="light">{t('Paid')}</Badge>}
      {status === 'open' && <Badge color="blue" variant="light">{t('Open')}</Badge>}
      {status === 'partlyPaid' && <Badge color="yellow" variant="light">{t('Partly paid')}</Badge>}
      {isOverdue(header, workDate) && <Badge color="red" variant="filled" title={t('Due {{date}}', { date: header.dueDate ?? '' })}>{t('Overdue')}</Badge>}
    </Group>
  );
}
