import { Anchor, Fieldset, Group, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import type { PostedDocumentType, PostedSalesHeader } from '../api/posting-types.ts';
import type { Page } from '../api/types.ts';
import { useCaptions } from '../i18n/captions.ts';
import { documentKinds, documentPath, type DocumentKindType } from '../sales/document-kinds.ts';
import { postedDocumentKinds, postedDocumentPath } from './posted-document-kinds.ts';

interface RelatedLink { caption: string; no: string; to: string }

/** The posted documents of the same order (or return order) besides this one: its shipments and invoices. */
const siblingsOf: Readonly<Record<string, readonly PostedDocumentType[]>> = {
  order: ['shipment', 'invoice'], returnOrder: ['returnReceipt', 'creditMemo'],
};

const unposted = (type: string, no: string | null): RelatedLink[] => {
  const kind = documentKinds[type as DocumentKindType];
  return kind && no ? [{ caption: kind.caption, no, to: documentPath(kind, no) }] : [];
};
const posted = (type: PostedDocumentType, no: string | null | undefined): RelatedLink[] => {
  const kind = postedDocumentKinds[type];
  return no ? [{ caption: kind.caption, no, to: postedDocumentPath(kind, no) }] : [];
};

/**
 * Links from a posted sales document to the documents it is related to, where its data names them:
 * the order (or return order) and quote it came from, the other shipments, invoices, receipts and
 * credit memos of that order, the credit memo that cancelled it, the invoice it corrects or applies
 * to, and the credit memos applied to it.
 */
export function RelatedDocuments({ type, header }: { type: PostedDocumentType; header: PostedSalesHeader }) {
  const t = useCaptions();
  const siblingTypes = siblingsOf[header.sourceDocumentType] ?? [];
  const searches: Array<{ type: PostedDocumentType; filter: Record<string, string> }> = [
    ...siblingTypes.map((sibling) => ({ type: sibling, filter: { sourceDocumentType: header.sourceDocumentType, sourceDocumentNo: header.sourceDocumentNo } })),
    ...(type === 'invoice' ? [{ type: 'creditMemo' as const, filter: { appliesToDocumentNo: header.no } }, { type: 'creditMemo' as const, filter: { correctedInvoiceNo: header.no } }] : []),
  ];
  const found = useQueries({
    queries: searches.map((search) => ({
      queryKey: ['relatedPostedDocuments', search.type, search.filter],
      queryFn: () => api.get<Page<PostedSalesHeader>>(withQuery(`/${postedDocumentKinds[search.type].resource}`, { ...search.filter, limit: 100 })),
    })),
  });
  const links: RelatedLink[] = [
    ...unposted(header.sourceDocumentType, siblingTypes.length > 0 ? header.sourceDocumentNo : null),
    ...unposted('quote', header.quoteNo),
    ...unposted('order', header.prepaymentOrderNo),
    ...found.flatMap((result, index) => (result.data?.items ?? []).flatMap((row) => posted(searches[index]!.type, row.no))),
    ...posted('creditMemo', header.cancelledBy),
    ...(type === 'creditMemo' ? posted('invoice', header.correctsInvoiceNo ?? header.correctedInvoiceNo) : []),
    ...(header.appliesToDocumentType === 'invoice' ? posted('invoice', header.appliesToDocumentNo) : []),
  ];
  // Each once, and never this document itself.
  const unique = links.filter((link, index) => links.findIndex((other) => other.to === link.to) === index && !(link.no === header.no && link.caption === postedDocumentKinds[type].caption));
  return (
    <Fieldset legend={t('Related Documents')} aria-label={t('Related Documents')}>
      {unique.length === 0 ? <Text size="sm" c="dimmed">{t('None.')}</Text> : (
        <Group gap="lg">
          {unique.map((link) => <Anchor key={link.to} component={Link} to={link.to} size="sm">{t(link.caption)} {link.no}</Anchor>)}
        </Group>
      )}
    </Fieldset>
  );
}
