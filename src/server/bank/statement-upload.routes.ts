/**
 * Statement upload as a browser or curl sends a file: multipart/form-data with a `file` field (and
 * optional `statementNo` and `applyAutomatically` fields). Multipart parsing is registered for this
 * route's plugin only, so no other route accepts multipart bodies.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { statementImportView } from '../../core/bank/reconciliation.views.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { importStatementFile } from './statement-import.ts';

const maxFileBytes = 50 * 1024 * 1024;

export function registerStatementUploadRoute(app: FastifyInstance, getDb: () => Executor) {
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxFileBytes, files: 1, fields: 5 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/bankAccounts/:no/statementImports/upload', {
      config: { area: 'posting' as const },
      schema: {
        tags: ['paymentReconciliations'], params: z.object({ no: z.string() }), consumes: ['multipart/form-data'],
        summary: 'Upload a bank statement file (multipart/form-data, field `file`) into a new journal, or into `statementNo`',
        response: { 201: statementImportView.extend({ bankAccountNo: z.string(), statementNo: z.string() }) },
      },
    }, async (request, reply) => {
      const upload = await readUpload(request);
      const result = await getDb().transaction(async (tx) => {
        const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
        return importStatementFile(tx as Executor, request.params.no.trim().toUpperCase(), { fileName: upload.fileName, content: upload.content }, {
          statementNo: upload.statementNo, applyAutomatically: upload.applyAutomatically, lcyCode: context.glSetup.lcyCode, workDate: request.workDate,
        });
      });
      return reply.status(201).send(result);
    });
  });
}

async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw new DomainError('INVALID_INPUT', { detail: 'Send the statement as multipart/form-data with a file field named file.' }, 'file');
  let file: { fileName: string; content: string } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.file.truncated) throw new DomainError('INVALID_INPUT', { detail: `The file is larger than ${maxFileBytes / 1024 / 1024} MB.` }, 'file');
      file = { fileName: part.filename || 'statement', content: buffer.toString('utf8') };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new DomainError('INVALID_INPUT', { detail: 'No file was sent: add a field named file.' }, 'file');
  return {
    ...file, statementNo: fields.statementNo ? fields.statementNo.trim().toUpperCase() : undefined,
    applyAutomatically: fields.applyAutomatically !== 'false',
  };
}
