import { z } from 'zod';
import { timestampText } from './wire.schemas.ts';

/** queued → running → succeeded | incomplete | failed */
export const jobStatuses = ['queued', 'running', 'succeeded', 'incomplete', 'failed'] as const;

/**
 * A background job (Combine Shipments …) as GET /api/v1/jobs/{id} answers it; clients poll it until
 * it has finished. `result` is the job type's own answer, `error` what stopped it.
 */
export const jobView = z.object({
  id: z.string(),
  type: z.string(),
  parameters: z.unknown(),
  status: z.enum(jobStatuses),
  progress: z.number(),
  total: z.number(),
  message: z.string(),
  result: z.unknown().nullable(),
  error: z.unknown().nullable(),
  createdBy: z.string(),
  claimedBy: z.string().nullable(),
  createdAt: timestampText(),
  startedAt: timestampText().nullable(),
  finishedAt: timestampText().nullable(),
});
