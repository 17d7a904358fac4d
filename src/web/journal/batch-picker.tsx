import { Group, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { JournalTemplateType } from '../../core/journal/journal-batch.ts';
import { api, encodeKey, withQuery } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { captionOf } from '../format/captions.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import type { BatchKey } from './use-batch-lines.ts';

/** The fields of GET /journalTemplates and …/batches the page reads (journal-batches.resources.ts). */
interface JournalTemplate { name: string; description: string | null }
interface JournalBatch { name: string; description: string | null; noSeriesCode: string | null; balAccountType: string | null; balAccountNo: string | null }

/**
 * Which template and batch the page shows: kept in the address (`?template=&batch=`), else the
 * first template of the type and its first batch, as BC opens the journal on the last one used.
 */
export function useBatchChoice(templateType: JournalTemplateType) {
  const [params, setParams] = useSearchParams();
  const templates = useQuery({
    queryKey: ['journalTemplates', templateType],
    queryFn: () => api.get<Page<JournalTemplate>>(withQuery('/journalTemplates', { type: templateType, limit: 100 })),
  });
  const templateName = params.get('template') ?? templates.data?.items[0]?.name ?? null;
  const batches = useQuery({
    queryKey: ['journalBatches', templateName], enabled: templateName !== null,
    queryFn: () => api.get<Page<JournalBatch>>(withQuery(`/journalTemplates/${encodeKey(templateName!)}/batches`, { limit: 100 })),
  });
  const batchName = params.get('batch') ?? batches.data?.items[0]?.name ?? null;
  const batch = batches.data?.items.find((candidate) => candidate.name === batchName) ?? null;
  const key: BatchKey | null = templateName !== null && batch ? { templateName, batchName: batch.name } : null;
  const choose = (template: string, batchChosen: string | null) => setParams(batchChosen ? { template, batch: batchChosen } : { template });
  // What stops the page from showing lines, said in words (BC would ask for a template or a batch).
  const missing = templates.isSuccess && templateName === null ? caption('There is no journal template of type {{type}}.', { type: caption(captionOf(templateType)) })
    : batches.isSuccess && !batch ? (batchName ? caption('Template {{template}} has no batch {{batch}}.', { template: templateName, batch: batchName })
      : caption('Template {{template}} has no batch.', { template: templateName }))
      : null;
  return { templates, batches, templateName, batch, key, choose, missing, error: templates.error ?? batches.error };
}

type BatchChoice = ReturnType<typeof useBatchChoice>;

/** Template and batch, chosen as BC's journal page chooses its batch; the batch's series and balancing account beside them. */
export function BatchPicker({ choice, disabled }: { choice: BatchChoice; disabled: boolean }) {
  const templates = choice.templates.data?.items ?? [];
  const batches = choice.batches.data?.items ?? [];
  const { batch } = choice;
  const t = useCaptions();
  return (
    <Group align="end">
      <NativeSelect label={t('Template')} w={200} disabled={disabled} value={choice.templateName ?? ''} onChange={(event) => choice.choose(event.currentTarget.value, null)}
        data={templates.map((template) => ({ value: template.name, label: template.description ? `${template.name} – ${template.description}` : template.name }))} />
      <NativeSelect label={t('Batch Name')} w={200} disabled={disabled} value={batch?.name ?? ''} onChange={(event) => choice.choose(choice.templateName!, event.currentTarget.value)}
        data={batches.map((candidate) => ({ value: candidate.name, label: candidate.description ? `${candidate.name} – ${candidate.description}` : candidate.name }))} />
      {batch && (
        <Text size="sm" c="dimmed" pb={6} data-testid="batch-facts">
          {batch.noSeriesCode ? t('Numbered by {{noSeries}}', { noSeries: batch.noSeriesCode }) : t('Numbered by hand')}
          {batch.balAccountNo ? ` · ${t('balanced by {{account}} {{accountNo}}', { account: t(captionOf(batch.balAccountType ?? '')), accountNo: batch.balAccountNo })}` : ''}
        </Text>
      )}
    </Group>
  );
}
