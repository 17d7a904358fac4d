/**
 * One spelling per route. The router already decodes percent-encoded letters and ignores case,
 * duplicate and trailing slashes (app.ts); this resolves dot segments (`/api/./v1`, `/x/../api/v1`,
 * also percent-encoded) that an HTTP client may send unresolved, so every spelling of a path reaches
 * the same route and the same authentication. The query string is kept as sent.
 */
const dotSegment = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

export function normalizeUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  if (!dotSegment.test(path)) return url;
  const output: string[] = [];
  for (const segment of path.split('/').slice(1)) {
    const plain = segment.replace(/%2e/gi, '.');
    if (plain === '..') output.pop();
    else if (plain !== '.') output.push(segment);
  }
  const endsInDots = /\/(\.|%2e){1,2}$/i.test(path);
  const normalized = `/${output.join('/')}${endsInDots && output.length > 0 ? '/' : ''}`;
  return queryStart === -1 ? normalized : normalized + url.slice(queryStart);
}
