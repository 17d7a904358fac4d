/**
 * Journal templates, batches and their lines over the API (spec §20.2 item 1, the cash receipt
 * journal): templates and batches are setup (generic resource routes), lines are drafts anyone who
 * posts may edit, and Post / Preview act on the whole batch with the posting permission, as the
 * general journal's routes do.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { journalBatchPost } from '../../core/journal/journal-batch.schemas.ts';
import { journalBatchPostingResultView, journalBatchPreviewView } from '../../core/journal/journal-batch.views.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { registerResource } from '../master-data/resource.routes.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { postJournalBatch, previewJournalBatch } from './journal-batches.commands.ts';
import { journalBatchResource, journalTemplateResource } from './journal-batches.resources.ts';
import { batchKeyOf, batchParams, batchPath, registerJournalLineRoutes } from './journal-lines.routes.ts';

const postingDescription = 'The batch\'s lines in line order: consecutive lines with the same posting date and document no. form one transaction '
  + '(one register), which must balance in LCY. With a number series on the batch, each document no. must be the series\' next number, '
  + 'drawn at posting. One bad line refuses the whole batch and names it as lines.<lineNo>.<field>.';

export function registerJournalBatchRoutes(app: FastifyInstance, getDb: () => Executor) {
  registerResource(app, getDb, journalTemplateResource);
  registerResource(app, getDb, journalBatchResource);
  registerJournalLineRoutes(app, getDb);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'posting' as const };
  const tags = ['journalTemplates'];

  routes.post(`${batchPath}/post`, {
    config,
    schema: {
      tags, params: batchParams, body: journalBatchPost, description: postingDescription,
      summary: 'Post the journal batch in one database transaction and delete its lines',
      response: { 201: journalBatchPostingResultView },
    },
  }, async (request, reply) => {
    const result = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      return postJournalBatch(tx as Executor, batchKeyOf(request), request.body ?? {}, context);
    });
    return reply.status(201).send(result);
  });

  routes.post(`${batchPath}/preview`, {
    config,
    schema: {
      tags, params: batchParams, body: journalBatchPost, description: postingDescription,
      summary: 'Preview posting the journal batch: every entry each transaction would write, numbered provisionally; nothing is written',
      response: { 200: journalBatchPreviewView },
    },
  }, async (request) => {
    // Reads only: no transaction to roll back, no number drawn.
    const db = getDb();
    const context = await loadSalesContext(db, request.workDate, actorOf(request).username);
    return previewJournalBatch(db, batchKeyOf(request), request.body ?? {}, context);
  });
}
