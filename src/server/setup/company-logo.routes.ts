/**
 * The company logo (issue 17): `PUT /api/v1/companyInformation/logo` with the image as the body
 * (content-type image/png, image/jpeg or application/octet-stream) or as multipart/form-data with a
 * `file` field, as a browser form sends it; `GET` answers the image, `DELETE` removes it. The file's
 * own bytes decide whether it is a PNG or JPEG, not the content type sent. Raw bodies and multipart
 * are parsed in this plugin only, so no other route accepts them.
 */
import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { companyLogoMimeTypes, maxCompanyLogoBytes } from '../../core/documents/company-logo.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { deleteCompanyLogo, getCompanyLogo, setCompanyLogo } from './company-logo.ts';
import { noContentResponse } from '../http/response-schemas.ts';

const path = '/api/v1/companyInformation/logo';
const rawContentTypes = ['image/png', 'image/jpeg', 'application/octet-stream'];
// Somewhat over the limit, so a file just over 1 MB gets the logo's own message rather than a bare 413.
const bodyLimit = 2 * maxCompanyLogoBytes;

export const companyLogoView = z.object({
  mimeType: z.enum(companyLogoMimeTypes), width: z.number().int(), height: z.number().int(),
  size: z.number().int().describe('bytes'), version: z.number().int().describe('the Company Information version after the change'),
});

/**
 * A raw upload as the route sees it: the bytes are not enumerable, so the NUL guard and the
 * idempotency hash do not walk a megabyte byte by byte; the hash sees the content's digest instead.
 */
interface RawUpload { sha256: string; size: number; content?: Buffer }

function rawUpload(content: Buffer): RawUpload {
  const upload: RawUpload = { sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
  Object.defineProperty(upload, 'content', { value: content, enumerable: false });
  return upload;
}

export function registerCompanyLogoRoutes(app: FastifyInstance, getDb: () => Executor) {
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxCompanyLogoBytes + 1, files: 1, fields: 2 } });
    scope.addContentTypeParser(rawContentTypes, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, rawUpload(body as Buffer)));
    const routes = scope.withTypeProvider<ZodTypeProvider>();
    const config = { area: 'setup' as const };
    const tags = ['setup'];

    routes.put(path, {
      config,
      schema: {
        tags, consumes: [...rawContentTypes, 'multipart/form-data'], response: { 200: companyLogoView },
        // Documents the body only: the file's own bytes are checked by the route (a schema cannot describe raw bytes here).
        body: z.unknown().describe('The PNG or JPEG file itself, or a multipart form with a field named file'),
        summary: 'Upload the company logo printed on the letterhead of documents: a PNG or JPEG of at most 1 MB, '
          + 'sent as the body (image/png, image/jpeg or application/octet-stream) or as multipart/form-data with a field named file',
      },
    }, async (request) => {
      const content = await readLogo(request);
      return getDb().transaction((tx) => setCompanyLogo(tx as Executor, content));
    });

    routes.get(path, {
      config,
      schema: { tags, summary: 'Download the company logo (image/png or image/jpeg); 404 when none is uploaded' },
    }, async (_request, reply) => {
      const logo = await getCompanyLogo(getDb());
      return reply.type(logo.mimeType).header('cache-control', 'no-store').send(logo.content);
    });

    routes.delete(path, { config, schema: { tags, summary: 'Remove the company logo (documents print without one)', response: noContentResponse } }, async (_request, reply) => {
      await getDb().transaction((tx) => deleteCompanyLogo(tx as Executor));
      return reply.status(204).send(null);
    });
  });
}

async function readLogo(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part) throw new DomainError('INVALID_INPUT', { detail: 'No file was sent: add a field named file with the PNG or JPEG logo.' }, 'file');
    const content = await part.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return null;
      throw error;
    });
    if (content === null || part.file.truncated) throw new DomainError('INVALID_INPUT', { detail: 'The logo is larger than 1 MB; it may be at most 1 MB.' }, 'file');
    return content;
  }
  const upload = request.body as RawUpload | undefined;
  if (!upload?.content) {
    throw new DomainError('INVALID_INPUT', {
      detail: 'Send the logo as the request body with content-type image/png or image/jpeg, or as multipart/form-data with a field named file.',
    }, 'file');
  }
  return upload.content;
}
