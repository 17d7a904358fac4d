import { Anchor, Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { runWithBanner, type BannerSetter } from '../components/banner-action.ts';
import type { SalesDocument } from '../api/types.ts';
import { useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { documentKinds, documentPath, type DocumentKind } from './document-kinds.ts';
import { changeScope, documentQueryKey, refreshDocumentLists } from './use-sales-document.ts';

interface BlanketMakeOrderProps {
  kind: DocumentKind;
  no: string;
  busy: boolean;
  /** The page's banner: cleared when Make Order starts, set by a refusal. */
  onError: BannerSetter;
}

/**
 * Make Order on a blanket sales order (spec §14.2): a new sales order of every line's Qty. to Ship.
 * The blanket order stays (its Qty. to Ship reset); a notice names the new order, which opens.
 * Refusals (nothing to create, more than the linked orders leave) show above the page.
 */
export function BlanketMakeOrder({ kind, no, busy, onError }: BlanketMakeOrderProps) {
  const t = useCaptions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const make = useMutation({
    mutationKey: documentQueryKey(kind, no),
    scope: changeScope(kind, no),
    mutationFn: () => api.post<SalesDocument>(`/${kind.resource}/${encodeKey(no)}/makeOrder`),
    onSuccess: (order) => {
      const orderKind = documentKinds.order;
      queryClient.setQueryData(documentQueryKey(orderKind, order.no), order);
      void queryClient.invalidateQueries({ queryKey: documentQueryKey(kind, no) });
      refreshDocumentLists(queryClient);
    },
  });

  const run = () => runWithBanner(onError, async () => {
    const order = await make.mutateAsync();
    const orderPath = documentPath(documentKinds.order, order.no);
    showNotice({
      title: t('Sales Order {{no}} created', { no: order.no }),
      color: 'teal',
      body: (
        <Text size="sm">
          <Anchor component={Link} to={orderPath} size="sm">{t('Sales Order {{no}}', { no: order.no })}</Anchor> {t('was made from')}{' '}
          <Anchor component={Link} to={documentPath(kind, no)} size="sm">{t(kind.caption)} {no}</Anchor>.
        </Text>
      ),
    });
    navigate(orderPath);
  });

  return <Button onClick={() => void run()} disabled={busy} loading={make.isPending}>{t('Make Order')}</Button>;
}
