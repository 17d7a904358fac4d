import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { fieldErrorsOfRequest } from '../api/field-errors.ts';
import type { Job } from '../api/posting-types.ts';

export const pollInterval = 500;

export const jobFinished = (job: Job | undefined) => job?.status === 'succeeded' || job?.status === 'incomplete' || job?.status === 'failed';

/** A background job, asked for every half second until it has succeeded or failed. */
export function useJob<Result>(id: string | null) {
  return useQuery({
    queryKey: ['job', id],
    queryFn: () => api.get<Job<Result>>(`/jobs/${encodeKey(id!)}`),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (jobFinished(query.state.data) ? false : pollInterval),
  });
}

/**
 * A batch job's page (Combine Shipments, Create Recurring Sales Invoices): its options, the request
 * that starts the job, and the job followed until it has finished. A submit while it runs is ignored.
 */
export function useBatchJob<Input extends object, Result>(initial: Input, startJob: (input: Input) => Promise<{ job: Job }>) {
  const [input, setInput] = useState<Input>(initial);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({ mutationFn: startJob, onSuccess: (answer) => setJobId(answer.job.id) });
  const job = useJob<Result>(jobId);
  const running = start.isPending || (jobId !== null && !jobFinished(job.data));
  const set = <K extends keyof Input>(field: K, value: Input[K]) => setInput((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (running) return;
    setJobId(null);
    start.mutate(input);
  };
  return { input, set, submit, running, errors: fieldErrorsOfRequest(start.error), startError: start.error, job };
}

/** A failed job's error as text: its message when it has one. */
export function jobErrorText(error: unknown, fallback: string): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return typeof error === 'string' ? error : fallback;
}
