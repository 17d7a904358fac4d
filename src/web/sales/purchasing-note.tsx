import { Anchor, Badge, Text, VisuallyHidden } from '@mantine/core';
import type { DocumentFamily } from '../../core/documents/document-types.ts';
import { Link } from 'react-router';
import { useCaptions } from '../i18n/captions.ts';
import { linkedOrderOf, purchasingKindCaptions, type PurchasingKind, type PurchasingLine } from './purchasing.ts';

export function PurchasingBadge({ kind }: { kind: PurchasingKind }) {
  const t = useCaptions();
  return <Badge size="sm" variant="light" color={kind === 'dropShipment' ? 'grape' : 'cyan'}>{t(purchasingKindCaptions[kind])}</Badge>;
}

interface PurchasingNoteProps {
  line: PurchasingLine;
  family: DocumentFamily;
  /** 1-based position of the row, for the accessible name ("Purchasing, line 2"). */
  position: number;
}

/** Drop Shipment / Special Order, and the order on the other side once linked (a link), or that there is none yet. */
export function PurchasingNote({ line, family, position }: PurchasingNoteProps) {
  const t = useCaptions();
  const linked = linkedOrderOf(line, family);
  if (!linked) return null;
  // The colon is for screen readers (and reads as "Drop Shipment: purchase order …"); the badge sets it apart on screen.
  return (
    <Text component="div" size="xs" c="dimmed" mt={2} aria-label={t('{{column}}, line {{position}}', { column: t('Purchasing'), position })}>
      <PurchasingBadge kind={linked.kind} /><VisuallyHidden>:</VisuallyHidden>{' '}
      {linked.no === null || linked.path === null ? t('no {{order}} yet', { order: t(linked.caption) }) : (
        <>{t(linked.caption)} <Anchor component={Link} to={linked.path} inherit>{linked.no}</Anchor></>
      )}
    </Text>
  );
}
