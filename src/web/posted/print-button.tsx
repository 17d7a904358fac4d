/**
 * Print: downloads the document's PDF (GET …/{no}/pdf, spec §21) with the session's token (a plain
 * link would carry none) and saves it under the server's file name, "Sales Invoice PSI000001.pdf".
 */
import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ApiError, encodeKey } from '../api/client.ts';
import type { Problem } from '../api/types.ts';
import { getSession } from '../session/session-store.ts';

async function downloadPdf(resource: string, no: string): Promise<void> {
  const session = getSession();
  const response = await fetch(`/api/v1/${resource}/${encodeKey(no)}/pdf`, {
    headers: { accept: 'application/pdf', 'x-work-date': session.workDate, ...(session.token ? { authorization: `Bearer ${session.token}` } : {}) },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(problem ?? { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP_ERROR', detail: `The server answered ${response.status}.` });
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${no}.pdf`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The resources that answer …/{no}/pdf. */
export const printableResources: readonly string[] = ['postedSalesInvoices', 'postedSalesCreditMemos', 'salesQuotes', 'salesOrders'];

export function PrintButton({ resource, no, onError }: { resource: string; no: string; onError: (error: unknown) => void }) {
  const print = useMutation({ mutationFn: () => downloadPdf(resource, no), onError });
  return <Button variant="default" onClick={() => print.mutate()} loading={print.isPending}>Print</Button>;
}
