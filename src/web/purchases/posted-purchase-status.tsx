import { PostedStatusBadges } from '../posted/posted-status-badges.tsx';
import type { PostedPurchaseHeader } from './purchase-types.ts';

/**
 * Open / Partly paid / Paid / Overdue of a posted purchase invoice or credit memo, with the posted sales
 * documents' badges. Purchase documents are never prepayments, cancelled or corrective here.
 */
export function PostedPurchaseStatus({ header }: { header: PostedPurchaseHeader }) {
  return (
    <PostedStatusBadges header={{
      prepayment: false, prepaymentOrderNo: null, cancelled: false, corrective: false,
      closed: header.closed ?? false, remainingAmount: header.remainingAmount ?? null, amountIncludingVat: header.amountIncludingVat, dueDate: header.dueDate,
    }} />
  );
}
