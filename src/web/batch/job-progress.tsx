import { Group, Progress, Stack, Text } from '@mantine/core';
import type { Job } from '../api/posting-types.ts';
import { captionOf } from '../format/captions.ts';
import { useCaptions } from '../i18n/captions.ts';
import { jobFinished } from './use-job.ts';

const colors = { queued: 'gray', running: 'blue', succeeded: 'teal', incomplete: 'orange', failed: 'red' } as const;

/** A job's status and progress bar: striped while it runs, full when done. */
export function JobProgress({ job }: { job: Job }) {
  const t = useCaptions();
  const finished = jobFinished(job);
  const percent = finished ? 100 : job.total > 0 ? Math.min(100, (job.progress / job.total) * 100) : 5;
  return (
    <Stack gap={4} aria-live="polite">
      <Group justify="space-between">
        <Text size="sm" fw={600} data-testid="job-status">{t(captionOf(job.status))}</Text>
        <Text size="sm" c="dimmed">{job.total > 0 ? t('{{progress}} of {{total}}', { progress: job.progress, total: job.total }) : ''}</Text>
      </Group>
      <Progress value={percent} color={colors[job.status]} striped={!finished} animated={!finished} aria-label={t('Progress')} />
      {job.message && <Text size="sm">{job.message}</Text>}
    </Stack>
  );
}
