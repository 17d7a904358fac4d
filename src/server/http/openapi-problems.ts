/**
 * The refusals of every operation in the OpenAPI document (issue 19): the problem body of
 * problem.ts under the statuses the operation can answer with. They are added to the document
 * only, after the routes' own schemas, so the answers themselves are serialized as before.
 */
import { frameworkProblemCodes } from './problem.ts';

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; `code` is stable and names the refusal (the catalogue is src/core/errors.ts).',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', examples: ['VERSION_CONFLICT', 'APPROVAL_REQUIRED', ...frameworkProblemCodes.slice(0, 2)] },
    detail: { type: 'string' },
    errors: {
      type: 'array', description: 'The fields refused, with why (400 and 422).',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    params: {
      type: 'object',
      description: 'Only on a business refusal (a code of the catalogue): the values `detail` was made of, by name, so a client can word the message in its own language and number format. Amounts are decimal strings with a point ("5000.5").',
      additionalProperties: true,
      example: { discountAmount: '6000', base: '5000.5' },
    },
  },
  additionalProperties: true,
};

const descriptions: Record<number, string> = {
  400: 'The input is malformed: not JSON, a field of the wrong type or format, an unknown field.',
  401: 'No valid bearer token.',
  403: 'The signed-in user\'s role may not do this.',
  404: 'No record with that key.',
  409: 'Conflict: the record changed since it was read (version), is being posted, or the Idempotency-Key was used for another request.',
  422: 'A business rule refuses it; `code` and `detail` say which.',
};

interface Operation { parameters?: unknown[]; requestBody?: unknown; security?: unknown[]; responses?: Record<string, unknown> }
interface OpenApiDocument { paths?: Record<string, Record<string, Operation>>; components?: Record<string, unknown> }

const writes = new Set(['post', 'put', 'patch', 'delete']);

/** The statuses an operation can refuse with, from its method, path and security. */
export function problemStatusesOf(method: string, path: string, operation: Operation): number[] {
  const statuses: number[] = [];
  const hasInput = Boolean(operation.requestBody) || (operation.parameters?.length ?? 0) > 0;
  if (hasInput) statuses.push(400);
  if (operation.security?.length !== 0) statuses.push(401, 403);
  if (path.includes('{')) statuses.push(404);
  if (writes.has(method)) statuses.push(409, 422);
  return statuses;
}

/** The refusal responses' names under components/responses. */
const responseNames: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 422: 'UnprocessableContent',
};

/**
 * Adds the refusals to every operation, each a reference to one shared response: written out in full
 * under each of 660 operations they were 40 % of the document, which the docs page parses on every visit.
 */
export function withProblemResponses<D extends OpenApiDocument>(document: D): D {
  const components = (document.components ?? {}) as { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
  const responses = Object.fromEntries(Object.entries(responseNames).map(([status, name]) => [name, {
    description: descriptions[Number(status)],
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  }]));
  document.components = { ...components, schemas: { ...components.schemas, Problem: problemSchema }, responses: { ...components.responses, ...responses } };
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      const operationResponses = (operation.responses ??= {});
      for (const status of problemStatusesOf(method, path, operation)) {
        operationResponses[String(status)] ??= { $ref: `#/components/responses/${responseNames[status]}` };
      }
    }
  }
  return document;
}
