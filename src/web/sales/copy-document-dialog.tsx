import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { copyDocumentInput } from '../../core/sales/sales-document.schemas.ts';
import { ApiError } from '../api/client.ts';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { documentKindList, type DocumentKindType } from './document-kinds.ts';

type CopyDocumentInput = z.output<typeof copyDocumentInput>;

interface CopyDocumentDialogProps {
  opened: boolean;
  onClose: () => void;
  onCopy: (input: CopyDocumentInput) => Promise<unknown>;
}

/** BC's Copy Document: another document's lines (and header, if wanted) into this one. */
export function CopyDocumentDialog({ opened, onClose, onCopy }: CopyDocumentDialogProps) {
  const t = useCaptions();
  const [sourceDocumentType, setSourceDocumentType] = useState<DocumentKindType>('quote');
  const [sourceNo, setSourceNo] = useState('');
  const [includeHeader, setIncludeHeader] = useState(true);
  const [recalculateLines, setRecalculateLines] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = copyDocumentInput.safeParse({ sourceDocumentType, sourceNo, includeHeader, recalculateLines });
    setErrors(parsed.success ? {} : fieldErrorsOf(parsed.error));
    setFailure(null);
    if (!parsed.success) return;
    setCopying(true);
    try {
      await onCopy(parsed.data);
      onClose();
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setFailure(messageOf(error));
    } finally {
      setCopying(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('Copy Document')}>
      <Stack component="form" onSubmit={submit} gap="sm">
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        <NativeSelect label={t('Document Type')} value={sourceDocumentType} error={errors.sourceDocumentType}
          onChange={(event) => setSourceDocumentType(event.currentTarget.value as DocumentKindType)}
          data={documentKindList.map((kind) => ({ value: kind.type, label: t(kind.caption) }))} />
        <TextInput label={t('Document No.')} value={sourceNo} error={errors.sourceNo} data-autofocus onChange={(event) => setSourceNo(event.currentTarget.value)} />
        <Checkbox label={t('Include Header')} checked={includeHeader} onChange={(event) => setIncludeHeader(event.currentTarget.checked)} />
        <Checkbox label={t('Recalculate Lines')} checked={recalculateLines} onChange={(event) => setRecalculateLines(event.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button type="submit" loading={copying}>{t('Copy')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
