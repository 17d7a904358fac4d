import { useQuery } from '@tanstack/react-query';
import { api, encodeKey } from '../api/client.ts';
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
