import { downloadFile } from '../api/download.ts';

/**
 * Downloads a report as CSV: the same GET as the page's, with `format=csv`, fetched with the
 * session's token (a plain link would carry none) and saved under the server's file name.
 */
export async function downloadCsv(path: string): Promise<void> {
  const separator = path.includes('?') ? '&' : '?';
  await downloadFile(`/api/v1${path}${separator}format=csv`, 'text/csv', 'report.csv');
}
