import { Checkbox, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { purchaseCopyDocumentInput, type PurchaseCopyDocumentInput } from '../../core/purchases/purchase-document.schemas.ts';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { showNotice } from '../layout/notices.ts';
import type { DocumentChange } from '../sales/use-sales-document.ts';
import { postedPurchaseKindList, purchaseKindList } from './purchase-kinds.ts';
import { useCaptions } from '../i18n/captions.ts';

type SourceType = PurchaseCopyDocumentInput['sourceDocumentType'];

/** BC's Document Type options of Copy Purchase Document: the unposted types, then the posted ones. */
const sourceTypes: ReadonlyArray<{ value: SourceType; label: string }> = [
  ...purchaseKindList.map((kind) => ({ value: kind.type, label: kind.caption })),
  ...postedPurchaseKindList.map((kind) => ({ value: kind.copySourceType, label: kind.caption })),
];

interface PurchaseCopyDocumentDialogProps {
  opened: boolean;
  onClose: () => void;
  send: (change: DocumentChange) => Promise<unknown>;
}

/** BC's Copy Purchase Document: another purchase document's lines (and vendor and header, if wanted) into this one. */
export function PurchaseCopyDocumentDialog({ opened, onClose, send }: PurchaseCopyDocumentDialogProps) {
  const t = useCaptions();
  const [sourceDocumentType, setSourceDocumentType] = useState<SourceType>('order');
  const [sourceNo, setSourceNo] = useState('');
  const [includeHeader, setIncludeHeader] = useState(true);
  const [recalculateLines, setRecalculateLines] = useState(false);
  const request = useDialogRequest(async (input: PurchaseCopyDocumentInput) => {
    const copied = await send({ method: 'POST', path: '/copyDocument', body: input }) as { warnings?: Array<{ message: string }> };
    // Blocked items and accounts are left out: say which.
    if (copied.warnings?.length) showNotice({ title: t('Some lines were not copied'), color: 'orange', body: copied.warnings.map((warning) => warning.message).join(' ') });
  }, ['sourceDocumentType', 'sourceNo'], onClose);
  const submit = () => {
    const parsed = purchaseCopyDocumentInput.safeParse({ sourceDocumentType, sourceNo: sourceNo.trim(), includeHeader, recalculateLines });
    if (parsed.success) request.submit(parsed.data);
  };
  return (
    <FormDialog title={t('Copy Document')} opened={opened} onClose={request.close} submitLabel="Copy" pending={request.pending} failure={request.failure} onSubmit={submit}>
      <NativeSelect label={t('Document Type')} value={sourceDocumentType} error={request.errors.sourceDocumentType} data={sourceTypes.map((option) => ({ ...option, label: t(option.label) }))}
        onChange={(event) => setSourceDocumentType(event.currentTarget.value as SourceType)} />
      <TextInput label={t('Document No.')} value={sourceNo} error={request.errors.sourceNo} data-autofocus required onChange={(event) => setSourceNo(event.currentTarget.value)} />
      <Checkbox label={t('Include Header')} checked={includeHeader} onChange={(event) => setIncludeHeader(event.currentTarget.checked)} />
      <Checkbox label={t('Recalculate Lines')} checked={recalculateLines} onChange={(event) => setRecalculateLines(event.currentTarget.checked)} />
    </FormDialog>
  );
}
