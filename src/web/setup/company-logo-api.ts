/**
 * The company logo over the API (issue 17): uploaded as the file's own bytes (PUT
 * /companyInformation/logo), read back as an image for the preview, removed with DELETE.
 */
import { ApiError, api } from '../api/client.ts';
import type { Problem } from '../api/types.ts';
import { getSession } from '../session/session-store.ts';

export interface CompanyLogoView { mimeType: 'image/png' | 'image/jpeg'; width: number; height: number; size: number; version: number }

const logoUrl = '/api/v1/companyInformation/logo';

function sessionHeaders(): Record<string, string> {
  const session = getSession();
  return { 'x-work-date': session.workDate, ...(session.token ? { authorization: `Bearer ${session.token}` } : {}) };
}

async function refusal(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => null)) as Problem | null;
  return new ApiError(problem ?? { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP_ERROR', detail: `The server answered ${response.status}.` });
}

/** Sends the file as it is: the server tells PNG and JPEG apart by the bytes and refuses anything else with a message. */
export async function uploadCompanyLogo(file: Blob): Promise<CompanyLogoView> {
  const contentType = file.type === 'image/png' || file.type === 'image/jpeg' ? file.type : 'application/octet-stream';
  const response = await fetch(logoUrl, { method: 'PUT', headers: { ...sessionHeaders(), accept: 'application/json', 'content-type': contentType }, body: file });
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as CompanyLogoView;
}

/** The logo as an image, or null when none is uploaded. */
export async function fetchCompanyLogo(): Promise<Blob | null> {
  const response = await fetch(logoUrl, { headers: { ...sessionHeaders(), accept: 'image/png, image/jpeg' } });
  if (response.status === 404) return null;
  if (!response.ok) throw await refusal(response);
  return response.blob();
}

export const removeCompanyLogo = () => api.delete<void>('/companyInformation/logo');
