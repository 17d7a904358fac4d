/**
 * Print: downloads the document's PDF (GET …/{no}/pdf, spec §21) with the session's token (a plain
 * link would carry none) and saves it under the server's file name, "Sales Invoice PSI000001.pdf".
 */
import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { encodeKey } from '../api/client.ts';
import { downloadFile } from '../api/download.ts';

function downloadPdf(resource: string, no: string): Promise<void> {
  return downloadFile(`/api/v1/${resource}/${encodeKey(no)}/pdf`, 'application/pdf', `${no}.pdf`);
}

/** The resources that answer …/{no}/pdf. */
export const printableResources: readonly string[] = ['postedSalesInvoices', 'postedSalesCreditMemos', 'salesQuotes', 'salesOrders'];

export function PrintButton({ resource, no, onError }: { resource: string; no: string; onError: (error: unknown) => void }) {
  const print = useMutation({ mutationFn: () => downloadPdf(resource, no), onError });
  return <Button variant="default" onClick={() => print.mutate()} loading={print.isPending}>Print</Button>;
}
