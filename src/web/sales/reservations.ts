import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, encodeKey } from '../api/client.ts';

/** One reservation of a sales order line, as GET …/lines/{lineNo}/reservations answers (quantities in the base unit). */
export interface Reservation {
  id: string;
  itemNo: string;
  locationCode: string;
  quantityBase: string;
  supplyType: 'inventory' | 'purchaseOrder' | 'assemblyOrder';
  purchaseDocumentNo: string | null;
  purchaseLineNo: number | null;
  assemblyDocumentNo: string | null;
  createdBy: string;
  createdAt: string;
}

export interface LineReservations { reservedQuantity: string; items: Reservation[] }

/** Reserve from the API's default supply (inventory, then assembly and purchase orders due in time); no quantity: all not yet reserved. */
export type ReserveRequest = { quantity?: string };

export const supplyCaptions: Readonly<Record<Reservation['supplyType'], string>> = { inventory: 'Inventory', purchaseOrder: 'Purchase Order', assemblyOrder: 'Assembly Order' };

/** Every reservation query of an order starts with this: a change on any line refreshes the dialog and the FactBox. */
export const reservationsQueryKey = (orderNo: string) => ['salesLineReservations', orderNo] as const;

const linePath = (orderNo: string, lineNo: number) => `/salesOrders/${encodeKey(orderNo)}/lines/${lineNo}`;

/**
 * The reservations of one order line. Keyed by the document's version as well: posting a shipment
 * consumes reservations, and a changed quantity gives back what it no longer needs (Reserve = Always).
 */
export function useLineReservations(orderNo: string, lineNo: number | null, version: number, enabled = true) {
  return useQuery({
    queryKey: [...reservationsQueryKey(orderNo), lineNo, version],
    queryFn: () => api.get<LineReservations>(`${linePath(orderNo, lineNo!)}/reservations`),
    enabled: enabled && lineNo !== null,
  });
}

/** Reserve and Cancel Reservation of one line; both refresh every reservation view of the order. */
export function useReservationCommands(orderNo: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: reservationsQueryKey(orderNo) });
  return {
    reserve: async (lineNo: number, request: ReserveRequest) => {
      const answer = await api.post<LineReservations & { reservedNow: string }>(`${linePath(orderNo, lineNo)}/reserve`, request);
      await refresh();
      return answer;
    },
    cancel: async (lineNo: number) => {
      const answer = await api.delete<{ cancelledQuantity: string }>(`${linePath(orderNo, lineNo)}/reservations`);
      await refresh();
      return answer;
    },
  };
}

/**
 * The line the cursor was last in on the page's lines grid (BC's current line), followed from focus
 * so the action bar needs nothing from the page; focus inside a dialog leaves it where it was.
 */
export function useFollowedLineNo(): number | null {
  const [lineNo, setLineNo] = useState<number | null>(null);
  useEffect(() => {
    const follow = (event: FocusEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const row = target?.closest<HTMLElement>('tr[data-line-no]');
      if (row && !row.closest('[role="dialog"]')) setLineNo(Number(row.dataset.lineNo));
    };
    document.addEventListener('focusin', follow);
    return () => document.removeEventListener('focusin', follow);
  }, []);
  return lineNo;
}
