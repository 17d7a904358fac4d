import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { messageOf } from '../api/field-errors.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { reconciliationApi, reconciliationKeys } from './reconciliation-api.ts';
import type { Reconciliation } from './reconciliation-types.ts';
import { useJournalChange } from './use-reconciliation.ts';

/**
 * Delete a payment reconciliation journal, after asking: its lines and what they are applied to go
 * with it, and the transactions imported into it may be imported again. A journal posted meanwhile
 * (or deleted elsewhere) is refused by the server; its reason is shown and the list read again.
 */
export function DeleteJournalDialog({ journal, onClose }: { journal: Reconciliation; onClose: () => void }) {
  const queryClient = useQueryClient();
  const t = useCaptions();
  const name = `${journal.bankAccountNo} ${journal.statementNo}`;
  const deleting = useJournalChange(journal.bankAccountNo, () => reconciliationApi.remove(journal), () => {
    showNotice({
      title: caption('Journal {{name}} deleted', { name }), color: 'teal',
      body: caption('Statement {{statementNo}} and its {{lineCount}} line(s) were deleted.', { statementNo: journal.statementNo, lineCount: journal.lineCount }),
    });
    onClose();
  });
  const remove = () => deleting.mutate(undefined, {
    onError: () => void queryClient.invalidateQueries({ queryKey: reconciliationKeys.list(journal.bankAccountNo) }),
  });
  return (
    <Modal opened onClose={onClose} title={t('Delete Payment Reconciliation Journal')}>
      <Stack gap="sm">
        <Text size="sm">
          {t('Delete journal {{name}} with its {{lineCount}} line(s)? What the lines are applied to is lost; transactions imported into it can be imported again.', { name, lineCount: journal.lineCount })}
        </Text>
        {deleting.error && (
          <Alert color="red" role="alert" title={t('The journal was not deleted')}>
            <Text size="sm" data-testid="delete-problem">{messageOf(deleting.error)}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{deleting.error ? t('Close') : t('Cancel')}</Button>
          <Button color="red" loading={deleting.isPending} disabled={deleting.error !== null} onClick={remove}>{t('Delete')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
