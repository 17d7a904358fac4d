/**
 * The lines of a journal batch: list, add (one, or many at once for an import), change and delete,
 * with versions (ETag / If-Match) as master data has them. Editing lines needs the posting
 * permission: the clerks who post a journal are the ones who fill it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { journalLineCreate, journalLinesImport, journalLineUpdate } from '../../core/journal/journal-batch.schemas.ts';
import { journalLinePageView, journalLinesImportView, journalLineView } from '../../core/journal/journal-batch.views.ts';
import type { Executor } from '../db/connection.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { createLines, deleteLine, updateLine } from './journal-lines.commands.ts';
import { type BatchKey, type JournalLineRow, findLine, listLines, loadBatch } from './journal-lines.queries.ts';

export const batchPath = '/api/v1/journalTemplates/:templateName/batches/:name';
export const batchParams = z.object({ templateName: z.string(), name: z.string() });
const lineParams = batchParams.extend({ lineNo: z.string() });

export function batchKeyOf(request: FastifyRequest): BatchKey {
  const params = request.params as { templateName: string; name: string };
  return { templateName: params.templateName.trim().toUpperCase(), batchName: params.name.trim().toUpperCase() };
}

function lineNoOf(request: FastifyRequest): number {
  const raw = (request.params as { lineNo: string }).lineNo;
  const key = batchKeyOf(request);
  if (!/^\d{1,9}$/.test(raw)) throw new DomainError('NOT_FOUND', { entity: 'Journal Line', key: `${key.templateName} ${key.batchName} ${raw}` });
  return Number.parseInt(raw, 10);
}

function sendLine(reply: FastifyReply, line: JournalLineRow, status = 200) {
  reply.header('etag', `"${line.version}"`);
  return reply.status(status).send(line);
}

const newLineDescription = 'Fields left out are set up as Business Central sets up a new line: the posting date and document no. of the line above, '
  + 'the next document no. once the lines above balance (the first line: the work date and the batch\'s number series\' next number, peeked, not used up), '
  + 'Document Type Payment and Account Type Customer (Vendor) in a cash receipts (payments) journal, and the batch\'s balancing account.';

export function registerJournalLineRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'posting' as const };
  const tags = ['journalTemplates'];
  const lines = `${batchPath}/lines`;
  const line = `${lines}/:lineNo`;

  routes.get(lines, {
    config,
    schema: {
      tags, summary: 'List the lines of a journal batch in line order', params: batchParams,
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100), cursor: z.string().optional() }),
      response: { 200: journalLinePageView },
    },
  }, async (request) => {
    await loadBatch(getDb(), batchKeyOf(request), { lock: false });
    return listLines(getDb(), batchKeyOf(request), request.query);
  });

  routes.get(line, {
    config, schema: { tags, summary: 'Get one journal line', params: lineParams, response: { 200: journalLineView } },
  }, async (request, reply) => sendLine(reply, await findLine(getDb(), batchKeyOf(request), lineNoOf(request), { lock: false })));

  routes.post(lines, {
    config,
    schema: { tags, summary: 'Add a line at the bottom of the journal batch', description: newLineDescription, params: batchParams, body: journalLineCreate, response: { 201: journalLineView } },
  }, async (request, reply) => {
    const [created] = await getDb().transaction((tx) => createLines(tx as Executor, batchKeyOf(request), [request.body], request.workDate));
    reply.header('location', `${request.url.split('?')[0]}/${created!.lineNo}`);
    return sendLine(reply, created!, 201);
  });

  routes.post(`${batchPath}/importLines`, {
    config,
    schema: {
      tags, summary: 'Add many lines at the bottom of the journal batch, all or none (an import)', description: `${newLineDescription} Each line is set up from the one before it.`,
      params: batchParams, body: journalLinesImport, response: { 201: journalLinesImportView },
    },
  }, async (request, reply) => {
    const created = await getDb().transaction((tx) => createLines(tx as Executor, batchKeyOf(request), request.body.lines, request.workDate));
    return reply.status(201).send({ lines: created });
  });

  routes.patch(line, {
    config,
    schema: { tags, summary: 'Change a journal line', params: lineParams, body: journalLineUpdate.extend({ version: z.number().int().optional() }), response: { 200: journalLineView } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const expected = expectedVersion(request.headers['if-match'], version);
    return sendLine(reply, await getDb().transaction((tx) => updateLine(tx as Executor, batchKeyOf(request), lineNoOf(request), changes, expected)));
  });

  routes.delete(line, {
    config, schema: { tags, summary: 'Delete a journal line', params: lineParams },
  }, async (request, reply) => {
    const expected = expectedVersion(request.headers['if-match'], undefined);
    await getDb().transaction((tx) => deleteLine(tx as Executor, batchKeyOf(request), lineNoOf(request), expected));
    return reply.status(204).send();
  });
}
