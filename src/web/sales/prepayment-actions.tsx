import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatAmount } from '../format/numbers.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { postedDocumentKinds, postedDocumentPath } from '../posted/posted-document-kinds.ts';
import type { DocumentKind } from './document-kinds.ts';
import { messageOf } from '../api/field-errors.ts';
import { runWithBanner, type BannerSetter } from '../components/banner-action.ts';
import { releasedOrdersMessage, type PrepaymentDocumentType, type PrepaymentPostingResult } from './prepayment.ts';
import { usePostPrepayment, useUpdatePendingPrepayment } from './prepayment-api.ts';

/** English captions, shown through t(); the question names the order as {{no}}. */
const captions: Readonly<Record<PrepaymentDocumentType, { action: string; document: string; question: string }>> = {
  invoice: {
    action: 'Post Prepayment Invoice…',
    document: 'Prepayment Invoice',
    question: 'Do you want to post the prepayments for Sales Order {{no}} to an invoice?',
  },
  creditMemo: {
    action: 'Post Prepayment Credit Memo…',
    document: 'Prepayment Credit Memo',
    question: 'Do you want to post the prepayments for Sales Order {{no}} to a credit memo? It credits all prepayment invoiced and not yet deducted.',
  },
};

interface PrepaymentActionsProps {
  kind: DocumentKind;
  no: string;
  busy: boolean;
  /** The page's banner: cleared when a prepayment posting starts, set by a refusal. */
  onError: BannerSetter;
  locale: SupportedLocale;
}

/**
 * Post Prepayment Invoice… and Post Prepayment Credit Memo… of a sales order (spec §26.4–26.5), each
 * after a confirmation. The order comes back in Pending Prepayment; a notice links the posted
 * document. Refusals (nothing to post, no series, no prepayment account) show above the page.
 */
export function PrepaymentActions({ kind, no, busy, onError, locale }: PrepaymentActionsProps) {
  const t = useCaptions();
  const post = usePostPrepayment(kind, no);
  const [asking, setAsking] = useState<PrepaymentDocumentType | null>(null);

  const run = (documentType: PrepaymentDocumentType) => {
    setAsking(null);
    return runWithBanner(onError, async () => announce(await post.mutateAsync(documentType), locale));
  };

  return (
    <>
      {(['invoice', 'creditMemo'] as const).map((documentType) => (
        <Button key={documentType} variant="default" onClick={() => setAsking(documentType)} disabled={busy}
          loading={post.isPending && post.variables === documentType}>{t(captions[documentType].action)}</Button>
      ))}
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? t('Post {{document}}', { document: t(captions[asking].document) }) : ''}>
        <Stack>
          <Text size="sm">{asking && t(captions[asking].question, { no })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>{t('No')}</Button>
            <Button onClick={() => asking && void run(asking)} data-autofocus>{t('Yes')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function announce(result: PrepaymentPostingResult, locale: SupportedLocale) {
  const postedKind = postedDocumentKinds[result.documentType];
  showNotice({
    title: caption('{{document}} {{no}} posted', { document: caption(captions[result.documentType].document), no: result.postedNo }),
    color: 'teal',
    body: (
      <Text size="sm">
        <Anchor component={Link} to={postedDocumentPath(postedKind, result.postedNo)} size="sm">{caption(postedKind.caption)} {result.postedNo}</Anchor>
        {` ${caption('for Sales Order {{no}}: {{amount}} excl. VAT, {{amountIncludingVat}} incl. VAT.', {
          no: result.no, amount: formatAmount(result.amount, locale), amountIncludingVat: formatAmount(result.amountIncludingVat, locale),
        })}`}
      </Text>
    ),
  });
}

/**
 * Update Pending Prepayment Orders (spec §26.6), on the Sales Orders list: after a confirmation,
 * releases every order in Pending Prepayment whose prepayment is invoiced and (when the setup checks
 * it) paid, and reports which were released.
 */
export function UpdatePendingPrepaymentOrders() {
  const t = useCaptions();
  const update = useUpdatePendingPrepayment();
  const [asking, setAsking] = useState(false);
  const title = t('Update Pending Prepayment Orders');

  const run = async () => {
    setAsking(false);
    try {
      const { released } = await update.mutateAsync();
      showNotice({ title, color: released.length === 0 ? 'blue' : 'teal', body: <Text size="sm">{releasedOrdersMessage(released, caption)}</Text> });
    } catch (error) {
      showNotice({ title, color: 'red', body: <Text size="sm">{messageOf(error)}</Text> });
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)} loading={update.isPending}>{title}…</Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={title}>
        <Stack>
          <Text size="sm">{t('Release every sales order in Pending Prepayment whose prepayment invoices are posted and paid?')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>{t('Cancel')}</Button>
            <Button onClick={() => void run()} data-autofocus>{t('OK')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
