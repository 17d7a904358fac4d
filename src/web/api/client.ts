import { localizedMessage, type MessageParams } from '../format/messages.ts';
import { caption } from '../i18n/captions.ts';
import { getSession, signedOut } from '../session/session-store.ts';
import type { Page, Problem } from './types.ts';

/**
 * A refusal of the API (problem+json), with its messages by field path ("name", "lines.0.quantity").
 * The message is in the user's language and number and date format where the code is known (format/messages.ts).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: MessageParams;
  readonly fieldErrors: Readonly<Record<string, string>>;

  constructor(problem: Problem) {
    const { locale, language } = getSession();
    const localized = localizedMessage(problem.code, problem.params, locale, language);
    super(localized ?? problem.detail);
    this.status = problem.status;
    this.code = problem.code;
    this.params = problem.params ?? {};
    // A field's message is the detail itself when the refusal concerns that one field.
    const fieldMessage = (message: string) => (localized !== null && message === problem.detail ? localized : message);
    this.fieldErrors = Object.fromEntries((problem.errors ?? []).map((error) => [error.field, fieldMessage(error.message)]));
  }
}

interface RequestOptions {
  body?: unknown;
  /** The version last read: the API answers 409 VERSION_CONFLICT if someone changed the record since. */
  ifMatch?: number;
}

/**
 * Every request carries the bearer token and the session's work date (`X-Work-Date`). A 401 on a
 * signed-in session means the token expired or was revoked: the session is cleared, which shows the
 * sign-in page.
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const session = getSession();
  const headers: Record<string, string> = { accept: 'application/json', 'x-work-date': session.workDate };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  const response = await fetch(`/api/v1${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  if (response.status === 401 && session.token) signedOut();
  throw new ApiError(isProblem(payload) ? payload : {
    type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP_ERROR', detail: caption('The server answered {{status}} {{statusText}}.', { status: response.status, statusText: response.statusText }),
  });
}

function isProblem(payload: unknown): payload is Problem {
  return typeof payload === 'object' && payload !== null && 'code' in payload && 'detail' in payload;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown, ifMatch?: number) => apiRequest<T>('POST', path, { body: body ?? {}, ifMatch }),
  patch: <T>(path: string, body: unknown, ifMatch?: number) => apiRequest<T>('PATCH', path, { body, ifMatch }),
  delete: <T>(path: string, ifMatch?: number) => apiRequest<T>('DELETE', path, { ifMatch }),
};

/** `/customers?limit=50&search=…`: empty values are left out. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') parameters.set(key, String(value));
  const text = parameters.toString();
  return text ? `${path}?${text}` : path;
}

/** How many records a filtered list has: the API has no count, so this follows the pages. */
export async function countRecords(path: string, filters: Record<string, string>): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<unknown>>(withQuery(path, { ...filters, limit: 1000, cursor }));
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

export const encodeKey = (key: string) => encodeURIComponent(key);
