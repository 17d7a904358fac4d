import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { todayIsoDate } from '../shared/clock.ts';
import { peekNumber } from './no-series.commands.ts';

export function registerNoSeriesRoutes(app: FastifyInstance, getDb: () => Executor) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/noSeries/:code/nextNumber', {
    config: { area: 'setup' },
    schema: {
      tags: ['noSeries'],
      summary: 'The number the series would assign next on a date, without using it up',
      params: z.object({ code: z.string() }),
      querystring: z.strictObject({ date: isoDate().optional() }),
      response: { 200: z.object({ number: z.string(), warning: z.boolean() }) },
    },
  }, async (request) => peekNumber(getDb(), request.params.code.trim().toUpperCase(), request.query.date ?? todayIsoDate()));
}
