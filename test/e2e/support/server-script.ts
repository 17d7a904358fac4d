/**
 * The server the browser tests start, as one JavaScript file: src/ bundled by esbuild (the compiler
 * tsx itself runs), the packages left to node_modules. Each test file starts a server of its own,
 * and through bin/ledgerline.js every start had tsx resolve and compile ~450 source files again:
 * ~5 s of CPU a start, against ~3 s from the bundle, on a machine where the servers and browsers of
 * two files share two cores (and the template's first start took 13 s instead of 18). The CLI tests
 * (test/server/cli) start the server as a user does, through bin/ledgerline.js.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = join(import.meta.dirname, '../../..');

/** Rebuilt from src/ by every run's global setup, so the tests never run an old server. */
export const bundledServerScript = join(root, 'test-artifacts/e2e-server/ledgerline.mjs');

export async function bundleServer(): Promise<string> {
  await build({
    entryPoints: [join(root, 'src/server/cli/main.ts')],
    outfile: bundledServerScript,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [ownImportMeta],
  });
  return bundledServerScript;
}

/**
 * Source files find their neighbours from `import.meta.url` (the migrations, dist/web, pdfmake's
 * fonts); in one bundle they would all share the bundle's location, so each keeps its own.
 */
const ownImportMeta: Plugin = {
  name: 'own-import-meta',
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const own = { url: pathToFileURL(path).href, dirname: dirname(path), filename: path };
      const source = await readFile(path, 'utf8');
      const contents = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_match, key: keyof typeof own) => JSON.stringify(own[key]));
      return { loader: 'ts', contents };
    });
  },
};
