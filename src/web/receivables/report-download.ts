import { ApiError } from '../api/client.ts';
import type { Problem } from '../api/types.ts';
import { getSession } from '../session/session-store.ts';

/**
 * Downloads a report as CSV: the same GET as the page's, with `format=csv`, fetched with the
 * session's token (a plain link would carry none) and saved under the server's file name.
 */
export async function downloadCsv(path: string): Promise<void> {
  const session = getSession();
  const separator = path.includes('?') ? '&' : '?';
  const response = await fetch(`/api/v1${path}${separator}format=csv`, {
    headers: { accept: 'text/csv', 'x-work-date': session.workDate, ...(session.token ? { authorization: `Bearer ${session.token}` } : {}) },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(problem ?? { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP_ERROR', detail: `The server answered ${response.status}.` });
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'report.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
