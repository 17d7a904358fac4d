import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { NavigateResult } from '../api/posting-types.ts';
import { PostedDocumentLinks } from '../posted/posted-document-links.tsx';
import { navigatedDocumentKind } from '../posted/posted-document-kinds.ts';
import { useSession } from '../session/session-store.ts';
import { ledgerSections } from './entry-format.ts';
import { LedgerTabs } from './ledger-tabs.tsx';
import { useCaptions } from '../i18n/captions.ts';

/** BC's Navigate: the posted documents and the entries of every ledger that carry one document number. */
export function FindEntriesPage() {
  const t = useCaptions();
  const [searchParams, setSearchParams] = useSearchParams();
  const documentNo = searchParams.get('documentNo') ?? '';
  const [typed, setTyped] = useState(documentNo);
  // A document number followed from an entry replaces what was typed.
  useEffect(() => setTyped(documentNo), [documentNo]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearchParams(typed.trim() ? { documentNo: typed.trim() } : {});
  };
  return (
    <Stack gap="sm">
      <Title order={2}>{t('Find entries')}{documentNo ? ` – ${documentNo}` : ''}</Title>
      <Group component="form" onSubmit={submit} align="end">
        <TextInput label={t('Document No.')} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} w={220} autoComplete="off" />
        <Button type="submit" variant="default">{t('Find')}</Button>
      </Group>
      {documentNo && <FindEntriesResult key={documentNo} documentNo={documentNo} />}
    </Stack>
  );
}

function FindEntriesResult({ documentNo }: { documentNo: string }) {
  const t = useCaptions();
  const { locale } = useSession();
  const result = useQuery({ queryKey: ['navigate', documentNo], queryFn: () => api.get<NavigateResult>(withQuery('/navigate', { documentNo })) });
  if (result.error) return <Alert color="red" role="alert">{messageOf(result.error)}</Alert>;
  if (!result.data) return <Loader />;
  const documents = result.data.postedDocuments.map((document) => ({ kind: navigatedDocumentKind(document.documentType), no: document.no }));
  return (
    <Stack gap="sm">
      <Title order={4}>{t('Posted documents')}</Title>
      {documents.length === 0 ? <Text c="dimmed" size="sm">{t('No posted document has this number.')}</Text> : <PostedDocumentLinks documents={documents} />}
      <Title order={4}>{t('Entries')}</Title>
      <LedgerTabs sections={ledgerSections(result.data)} locale={locale} />
    </Stack>
  );
}
