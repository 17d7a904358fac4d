import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useCaptions } from '../i18n/captions.ts';
import type { BatchPostOptions } from './use-journal-batch.ts';

interface BatchPostDialogProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  onPost: (options: BatchPostOptions) => void;
}

/**
 * BC's "Do you want to post the journal lines?", with its two warnings answered beforehand: the API
 * never stops a posting to ask, so the answers go with the request (acceptPaymentTolerance,
 * acceptPaymentDiscountTolerance). Unticked, a difference stays as remaining amount, as BC's "No".
 */
export function BatchPostDialog({ opened, title, onClose, onPost }: BatchPostDialogProps) {
  const t = useCaptions();
  const [options, setOptions] = useState<BatchPostOptions>({ acceptPaymentTolerance: false, acceptPaymentDiscountTolerance: false });
  const set = (field: keyof BatchPostOptions) => (checked: boolean) => setOptions((current) => ({ ...current, [field]: checked }));
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack gap="sm">
        <Text size="sm">{t('Do you want to post the journal lines?')}</Text>
        <Text size="sm" c="dimmed">{t('When a payment leaves a small balance on the entries it is applied to:')}</Text>
        <Checkbox label={t('Post the balance as payment tolerance')} description={t('Unticked: leave the balance as remaining amount.')}
          checked={options.acceptPaymentTolerance} onChange={(event) => set('acceptPaymentTolerance')(event.currentTarget.checked)} />
        <Checkbox label={t('Post a late payment discount as payment discount tolerance')}
          description={t('For a payment after the discount date but within the grace period. Unticked: leave the discount as remaining amount.')}
          checked={options.acceptPaymentDiscountTolerance} onChange={(event) => set('acceptPaymentDiscountTolerance')(event.currentTarget.checked)} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>{t('No')}</Button>
          <Button data-autofocus onClick={() => { onClose(); onPost(options); }}>{t('Yes')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
