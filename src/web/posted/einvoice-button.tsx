/**
 * E-invoice: downloads the posted invoice's or credit memo's Peppol BIS Billing 3.0 document
 * (GET …/{no}/eInvoice, UBL 2.1 XML) with the session's token, saved as "Sales Invoice PSI000001.xml".
 */
import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { encodeKey } from '../api/client.ts';
import { downloadFile } from '../api/download.ts';
import { useCaptions } from '../i18n/captions.ts';

/** The resources that answer …/{no}/eInvoice. */
export const eInvoiceResources: readonly string[] = ['postedSalesInvoices', 'postedSalesCreditMemos'];

/** `onError` gets the refusal, for the page's banner, and null when the button is pressed again, which clears it. */
export function EInvoiceButton({ resource, no, onError }: { resource: string; no: string; onError: (error: unknown) => void }) {
  const t = useCaptions();
  const download = useMutation({
    mutationFn: () => downloadFile(`/api/v1/${resource}/${encodeKey(no)}/eInvoice`, 'application/xml', `${no}.xml`),
    onMutate: () => onError(null),
    onError,
  });
  return <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>{t('E-invoice')}</Button>;
}
