/**
 * Print: downloads the document's PDF (GET …/{no}/pdf, spec §21) with the session's token (a plain
 * link would carry none) and saves it under the server's file name, "Sales Invoice PSI000001.pdf".
 * `layout="proForma"` prints an unposted order or invoice as its pro forma invoice (GET …/{no}/proForma/pdf).
 */
import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { encodeKey } from '../api/client.ts';
import { downloadFile } from '../api/download.ts';
import { useCaptions } from '../i18n/captions.ts';

type PrintLayout = 'document' | 'proForma';

function downloadPdf(resource: string, no: string, layout: PrintLayout): Promise<void> {
  const path = layout === 'proForma' ? 'proForma/pdf' : 'pdf';
  return downloadFile(`/api/v1/${resource}/${encodeKey(no)}/${path}`, 'application/pdf', `${no}.pdf`);
}

/** The resources that answer …/{no}/pdf (posted shipments and return receipts: the packing slip). */
export const printableResources: readonly string[] = [
  'postedSalesInvoices', 'postedSalesCreditMemos', 'postedSalesShipments', 'postedReturnReceipts', 'salesQuotes', 'salesOrders',
];

/** The resources that answer …/{no}/proForma/pdf. */
export const proFormaResources: readonly string[] = ['salesOrders', 'salesInvoices'];

interface PrintButtonProps {
  resource: string;
  no: string;
  layout?: PrintLayout;
  disabled?: boolean;
  /** The refusal, for the page's banner; null when the button is pressed again, which clears it. */
  onError: (error: unknown) => void;
}

export function PrintButton({ resource, no, layout = 'document', disabled, onError }: PrintButtonProps) {
  const t = useCaptions();
  const print = useMutation({ mutationFn: () => downloadPdf(resource, no, layout), onMutate: () => onError(null), onError });
  return (
    <Button variant="default" onClick={() => print.mutate()} loading={print.isPending} disabled={disabled}>
      {layout === 'proForma' ? t('Pro Forma Invoice') : t('Print')}
    </Button>
  );
}
