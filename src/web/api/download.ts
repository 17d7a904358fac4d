import { ApiError } from './client.ts';
import type { Problem } from './types.ts';
import { getSession } from '../session/session-store.ts';
import { caption } from '../i18n/captions.ts';

/**
 * Downloads a file the API answers (a report's CSV, a document's PDF) with the session's token (a
 * plain link would carry none) and saves it under the server's file name, else `fallbackName`.
 */
export async function downloadFile(url: string, accept: string, fallbackName: string): Promise<void> {
  const session = getSession();
  const response = await fetch(url, {
    headers: { accept, 'x-work-date': session.workDate, ...(session.token ? { authorization: `Bearer ${session.token}` } : {}) },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(problem ?? { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP_ERROR', detail: caption('The server answered {{status}}.', { status: response.status }) });
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(objectUrl);
}
