import { Badge, Group } from '@mantine/core';
import type { PostedSalesHeader } from '../api/posting-types.ts';

/** Prepayment (with its order), Cancelled, Corrective and Paid of a posted invoice or credit memo, as BC's list columns show them. */
export function PostedStatusBadges({ header }: { header: PostedSalesHeader }) {
  return (
    <Group gap={4} wrap="nowrap" data-testid="posted-status">
      {header.prepayment && (
        <Badge color="grape" variant="light" title={`A prepayment document of sales order ${header.prepaymentOrderNo ?? ''}`}>
          Prepayment{header.prepaymentOrderNo ? ` · ${header.prepaymentOrderNo}` : ''}
        </Badge>
      )}
      {header.cancelled && <Badge color="red" variant="light">Cancelled</Badge>}
      {header.corrective && <Badge color="orange" variant="light">Corrective</Badge>}
      {header.closed && <Badge color="teal" variant="light">Paid</Badge>}
    </Group>
  );
}
