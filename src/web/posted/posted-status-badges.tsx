import { Badge, Group } from '@mantine/core';
import { dec } from '../../core/money/decimal.ts';
import type { PostedSalesHeader } from '../api/posting-types.ts';
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
  const { workDate } = useSession();
  const status = paymentStatusOf(header);
  return (
    <Group gap={4} wrap="nowrap" data-testid="posted-status">
      {header.prepayment && (
        <Badge color="grape" variant="light" title={`A prepayment document of sales order ${header.prepaymentOrderNo ?? ''}`}>
          Prepayment{header.prepaymentOrderNo ? ` · ${header.prepaymentOrderNo}` : ''}
        </Badge>
      )}
      {header.cancelled && <Badge color="red" variant="light">Cancelled</Badge>}
      {header.corrective && <Badge color="orange" variant="light">Corrective</Badge>}
      {status === 'paid' && <Badge color="teal" variant="light">Paid</Badge>}
      {status === 'open' && <Badge color="blue" variant="light">Open</Badge>}
      {status === 'partlyPaid' && <Badge color="yellow" variant="light">Partly paid</Badge>}
      {isOverdue(header, workDate) && <Badge color="red" variant="filled" title={`Due ${header.dueDate ?? ''}`}>Overdue</Badge>}
    </Group>
  );
}
