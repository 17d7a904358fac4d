import { Alert, Button, Checkbox, Group, List, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useCaptions } from '../i18n/captions.ts';
import type { ReconciliationPostRequest } from './reconciliation-types.ts';

/** Why posting was refused: the server's detail and its field errors (`lines.<lineNo>`, `statementEndingBalance`). */
export interface PostRefusal { detail: string; errors: Readonly<Record<string, string>> }

interface PostReconciliationDialogProps {
  opened: boolean;
  busy: boolean;
  refusal: PostRefusal | null;
  onClose: () => void;
  onPost: (request: ReconciliationPostRequest) => void;
}

/**
 * BC's Post: Post Payments and Reconcile Bank Account (the bank entries close as reconciled; the
 * ending balance must equal the balance after posting) or Post Payments Only. The tolerance answers
 * go with the request, as in the other journals; unticked, a difference stays as remaining amount.
 */
export function PostReconciliationDialog({ opened, busy, refusal, onClose, onPost }: PostReconciliationDialogProps) {
  const t = useCaptions();
  const [request, setRequest] = useState<ReconciliationPostRequest>({ reconcile: true, acceptPaymentTolerance: false, acceptPaymentDiscountTolerance: false });
  const set = (changes: Partial<ReconciliationPostRequest>) => setRequest((current) => ({ ...current, ...changes }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('Post Payment Reconciliation Journal')} size="lg">
      <Stack gap="sm">
        <Radio.Group label={t('Post')} value={request.reconcile ? 'reconcile' : 'paymentsOnly'} onChange={(value) => set({ reconcile: value === 'reconcile' })}>
          <Stack gap={6} mt={4}>
            <Radio value="reconcile" label={t('Post Payments and Reconcile Bank Account')}
              description={t('The bank account entries are closed as reconciled; the statement ending balance must equal the balance after posting.')} />
            <Radio value="paymentsOnly" label={t('Post Payments Only')} description={t('The bank account entries stay open, to be reconciled later.')} />
          </Stack>
        </Radio.Group>
        <Checkbox label={t('Post the balance as payment tolerance')} description={t('Unticked: leave the balance as remaining amount.')}
          checked={request.acceptPaymentTolerance} onChange={(event) => set({ acceptPaymentTolerance: event.currentTarget.checked })} />
        <Checkbox label={t('Post a late payment discount as payment discount tolerance')} description={t('Unticked: leave the discount as remaining amount.')}
          checked={request.acceptPaymentDiscountTolerance} onChange={(event) => set({ acceptPaymentDiscountTolerance: event.currentTarget.checked })} />
        {refusal && <PostRefusalAlert refusal={refusal} />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button data-autofocus loading={busy} onClick={() => onPost(request)}>{t('Post')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The refusal: the detail, and the lines it names (those rows are marked in the journal too). */
export function PostRefusalAlert({ refusal }: { refusal: PostRefusal }) {
  const t = useCaptions();
  const lines = Object.entries(refusal.errors).filter(([field]) => field.startsWith('lines.'));
  return (
    <Alert color="red" role="alert" title={t('The journal cannot be posted')}>
      <Text size="sm" data-testid="post-problem">{refusal.detail}</Text>
      {lines.length > 0 && (
        <List size="sm">{lines.map(([field, message]) => <List.Item key={field}>{t('Line {{lineNo}}: {{message}}', { lineNo: field.slice('lines.'.length), message })}</List.Item>)}</List>
      )}
    </Alert>
  );
}
