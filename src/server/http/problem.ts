import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from '@fastify/type-provider-zod';
import { DomainError, type DomainErrorCode } from '../../core/errors.ts';
import { databaseRetryAfterSeconds, isDatabaseUnavailable } from '../db/connection-errors.ts';
import { dataException, ledgerInvariantError } from '../db/constraint-errors.ts';

/** The one map from domain error code to HTTP status; codes not listed are business refusals (422). */
const statusByCode: Partial<Record<DomainErrorCode, number>> = {
  INVALID_INPUT: 400,
  INVALID_DECIMAL: 400,
  INVALID_DATE: 400,
  INVALID_DATE_FORMULA: 400,
  INVALID_EMAIL: 400,
  EMAIL_MESSAGE_STATUS: 409,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  LOGIN_BUSY: 503,
  FORBIDDEN: 403,
  USER_BLOCKED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  VERSION_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  DOCUMENT_BEING_POSTED: 409,
  DOCUMENT_ALREADY_POSTED: 409,
  DATABASE_LOCKED: 503,
  // An unbalanced batch is a defect in the posting code, never the user's doing.
  POSTING_NOT_BALANCED: 500,
};

export function statusOf(code: DomainErrorCode): number {
  return statusByCode[code] ?? 422;
}

export interface FieldError { field: string; message: string }

/** A domain error's structured parameters (amounts as decimal strings), for clients that word or format the message themselves. */
export type ProblemParams = Record<string, string | number | boolean | null>;

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  /** Only on a domain refusal: the parameters its `detail` was made of (src/core/errors.ts). */
  params?: ProblemParams;
}

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

/**
 * The codes the HTTP layer answers besides the domain catalogue (src/core/errors.ts): the server's
 * own refusals and failures. Every code is SCREAMING_SNAKE; test/core/errors-catalogue.test.ts checks.
 */
export const frameworkProblemCodes = [
  'INVALID_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'BAD_REQUEST', 'ROUTE_NOT_FOUND', 'DATABASE_UNAVAILABLE', 'INTERNAL_ERROR',
] as const;
export type ProblemCode = DomainErrorCode | (typeof frameworkProblemCodes)[number];

export function problem(status: number, code: ProblemCode, detail: string, errors?: FieldError[], params?: ProblemParams): Problem {
  return { type: `urn:ledgerline:problem:${code}`, title: titles[status] ?? 'Error', status, code, detail, ...(errors ? { errors } : {}), ...(params ? { params } : {}) };
}

/** The parameters of a domain error as JSON has them: those left undefined are left out. */
function paramsOf(error: DomainError): ProblemParams {
  return Object.fromEntries(Object.entries(error.params).filter((entry): entry is [string, string | number | boolean | null] => entry[1] !== undefined));
}

/** Fastify's own refusals, under codes of ours so clients see one stable vocabulary. */
const frameworkCodes: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** How a data exception's 400 begins; the fuzz test counts these as validation gaps. */
export const refusedValueDetail = 'The database refused a value in the request:';

export function problemFromError(error: unknown): Problem {
  if (error instanceof DomainError) {
    const errors = error.field ? [{ field: error.field, message: error.message }] : undefined;
    return problem(statusOf(error.code), error.code, error.message, errors, paramsOf(error));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext;
    const fieldPath = (instancePath: string, extra?: string) =>
      [where === 'body' ? '' : where, ...instancePath.split('/'), extra].filter(Boolean).join('.') || (where ?? 'body');
    const errors = error.validation.flatMap((issue) =>
      issue.keyword === 'unrecognized_keys'
        ? ((issue.params as { keys?: string[] }).keys ?? []).map((key) => ({ field: fieldPath(issue.instancePath, key), message: 'is not a field of this record' }))
        : [{ field: fieldPath(issue.instancePath), message: issue.message ?? 'is not valid' }]);
    const detail = errors.map((entry) => `${entry.field}: ${entry.message}`).join('; ');
    return problem(400, 'INVALID_INPUT', `The request is not valid: ${detail}`, errors);
  }
  // A ledger invariant the database refused at COMMIT (an unbalanced G/L transaction): a defect, named as one.
  const ledgerError = ledgerInvariantError(error);
  if (ledgerError) return problemFromError(ledgerError);
  // Last line of defence: a value its column cannot take (SQLSTATE class 22: NUL in text, numeric
  // overflow, a date that does not exist) is input that validation missed, not a server failure.
  const refusedValue = dataException(error);
  if (refusedValue) return problem(400, 'INVALID_INPUT', `${refusedValueDetail} ${refusedValue.message}. Nothing was changed.`);
  if (isDatabaseUnavailable(error)) {
    return problem(503, 'DATABASE_UNAVAILABLE', 'The database cannot be reached right now (it may be restarting), so the request was not completed and may not have been saved. Try again in a few seconds.');
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return problem(fastifyError.statusCode, frameworkCodes[fastifyError.code] ?? 'BAD_REQUEST', fastifyError.message);
  }
  return problem(500, 'INTERNAL_ERROR', 'Something went wrong on the server; nothing was changed. The error is in the server log.');
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const body = problemFromError(error);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  else if (dataException(error)) request.log.warn({ err: error }, 'a value reached the database unvalidated');
  // A refusal that says when to come back (429, 503) says it in the standard header too.
  if (error instanceof DomainError && typeof error.params.retryAfterSeconds === 'number') reply.header('retry-after', String(error.params.retryAfterSeconds));
  if (body.code === 'DATABASE_UNAVAILABLE') reply.header('retry-after', String(databaseRetryAfterSeconds));
  return reply.status(body.status).type('application/problem+json').send(body);
}
