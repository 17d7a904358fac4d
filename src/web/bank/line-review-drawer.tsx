import { Alert, Drawer, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { ApplyManuallyPanel } from './apply-manually-panel.tsx';
import { LineReview, type ReviewPanel } from './line-review.tsx';
import { MapTextPanel } from './map-text-panel.tsx';
import type { StatementKey } from './reconciliation-types.ts';
import { TransferDifferencePanel } from './transfer-difference-panel.tsx';
import { useReconciliationLine } from './use-reconciliation.ts';

interface LineReviewDrawerProps {
  statement: StatementKey;
  /** The line reviewed; null: the drawer is closed. */
  lineNo: number | null;
  onClose: () => void;
}

/**
 * BC's Payment Application Review of one line, beside the journal: why it was matched as it is and
 * what it pays, with the actions that change it. Apply Manually, Transfer Difference and Map Text
 * to Account open in the drawer in place of the review, and return to it when done.
 */
export function LineReviewDrawer({ statement, lineNo, onClose }: LineReviewDrawerProps) {
  const t = useCaptions();
  const line = useReconciliationLine(statement, lineNo);
  const [panel, setPanel] = useState<ReviewPanel>('review');
  useEffect(() => setPanel('review'), [lineNo]);
  const back = () => setPanel('review');
  const data = line.data;
  return (
    <Drawer opened={lineNo !== null} onClose={onClose} position="right" size="xl" title={t('Why? Line {{lineNo}}', { lineNo: lineNo ?? '' })}>
      {line.error && <Alert color="red" role="alert">{messageOf(line.error)}</Alert>}
      {line.isPending && lineNo !== null && <Loader size="sm" />}
      {data && panel === 'review' && <LineReview statement={statement} line={data} onOpen={setPanel} onDeleted={onClose} />}
      {data && panel === 'applyManually' && <ApplyManuallyPanel statement={statement} line={data} onDone={back} />}
      {data && panel === 'transferDifference' && <TransferDifferencePanel statement={statement} line={data} onDone={back} />}
      {data && panel === 'mapText' && <MapTextPanel statement={statement} line={data} onDone={back} />}
    </Drawer>
  );
}
