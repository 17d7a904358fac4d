import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Where `vite build` (npm install's prepare script, or `npm run build:web`) puts the web application. */
const webRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

const missingBuildPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ledgerline: web application not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The web application has not been built</h1>
<p>Run <code>npm run build:web</code> in the Ledgerline directory (<code>npm install</code> does it too) and reload this page.</p>
<p>The API works meanwhile: <a href="/api/docs">API documentation</a>.</p>
</body></html>
`;

/** Vite names assets after their content, so a browser may keep them for good. */
const assetCaching = { maxAge: 365 * 24 * 60 * 60 * 1000, immutable: true };

function wantsPage(request: FastifyRequest): boolean {
  return request.url === '/' || (request.headers.accept ?? '').includes('text/html');
}

/** The file of dist/web a URL path names, if there is one (never outside dist/web). */
function fileFor(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0]!);
  } catch {
    return undefined;
  }
  const file = resolve(webRoot, `.${path}`);
  if (!file.startsWith(webRoot + sep) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return relative(webRoot, file);
}

/**
 * The web application at /: its files from dist/web, and index.html for any other page address a
 * browser asks for (/customers/C00010 after a reload), where the app's router takes over. /api stays
 * the API's, so an unknown API route is still a 404 problem, not a page. Files are looked up per
 * request, so a rebuild needs no restart; without a build, pages answer 503 with what to run.
 */
export async function registerWebApp(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: webRoot, serve: false });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = fileFor(request.url);
    if (file) return reply.sendFile(file, file.startsWith(`assets${sep}`) ? assetCaching : {});
    if (!wantsPage(request)) return reply.callNotFound();
    if (!existsSync(join(webRoot, 'index.html'))) return reply.status(503).type('text/html; charset=utf-8').send(missingBuildPage);
    return reply.sendFile('index.html');
  });
}
