import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../db/connection.ts';
import { jobStatuses, jobView } from '../../core/api/job.views.ts';
import { getJob, listJobs } from './job-queue.ts';

/** Jobs are read-only over the API: a command that starts one answers with its id, and clients poll here. */
export function registerJobRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { anyRole: true };
  const tags = ['jobs'];

  routes.get('/api/v1/jobs', {
    config,
    schema: {
      tags, summary: 'List background jobs, newest first',
      querystring: z.strictObject({
        status: z.enum(jobStatuses).optional(),
        type: z.string().optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        cursor: z.string().optional(),
      }),
      response: { 200: z.object({ items: z.array(jobView), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => listJobs(getDb(), request.query));

  routes.get('/api/v1/jobs/:id', {
    config,
    schema: { tags, summary: 'A background job: its status, progress and outcome', params: z.object({ id: z.string() }), response: { 200: jobView } },
  }, async (request) => getJob(getDb(), request.params.id));
}
