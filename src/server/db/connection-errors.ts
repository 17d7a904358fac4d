/**
 * Recognises "the database cannot be reached" (a server restarting, failing over, or gone), as
 * opposed to a refused statement: the request may simply be tried again later, so it is answered
 * 503 with Retry-After instead of 500.
 */

/** How long a client should wait before retrying; a restart or failover usually takes seconds. */
export const databaseRetryAfterSeconds = 5;

/** Socket errors of Node while connecting to or talking with the server. */
const socketErrorCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not accepting connections yet: admin_shutdown
 * (57P01, also `pg_ctl stop -m fast|immediate`), crash_shutdown (57P02), cannot_connect_now (57P03,
 * starting up or in recovery). Class 08 (connection exception) is matched as a class.
 */
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03']);

/** Messages of node-postgres (pg, pg-pool) for a lost or impossible connection, which carry no code. */
const driverMessages = [
  /^Connection terminated unexpectedly$/,
  /^Connection terminated due to connection timeout$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  // The server's own words for 57P01–57P03, should a wrapper have dropped the code.
  /^terminating connection due to (administrator|immediate shutdown) command$/,
  /^the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/,
];

function isUnavailable(error: object): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (socketErrorCodes.has(code) || unavailableSqlStates.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && driverMessages.some((pattern) => pattern.test(message));
}

/**
 * Whether the error (or what it wraps: drizzle puts the driver's error in `cause`, Node an
 * AggregateError's attempts in `errors`) says the database server could not be reached.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<object>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (isUnavailable(current)) return true;
    pending.push((current as { cause?: unknown }).cause);
    const errors = (current as { errors?: unknown }).errors;
    // Only an AggregateError's attempts: other errors use `errors` for their own data (a 400's field list).
    if (current instanceof AggregateError && Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}

/** The innermost message: drizzle's names the failed query, its cause says what went wrong (`connect ECONNREFUSED …`). */
export function innermostMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 10 && current instanceof Error && current.cause instanceof Error; depth++) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
