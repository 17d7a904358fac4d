import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const serverSources = fileURLToPath(new URL('./src/server/', import.meta.url));

/** The web app reaches the server over HTTP only (DESIGN §3): bundling server code is a build error. */
function forbidServerImports(): Plugin {
  return {
    name: 'ledgerline:forbid-server-imports',
    load(id) {
      if (id.startsWith(serverSources)) this.error(`src/web must not import server code (${id}); call the HTTP API instead.`);
      return null;
    },
  };
}

// `vite build` (run by `npm install` through the prepare script, or `npm run build:web`) writes
// dist/web, which `ledgerline serve` serves at /. `npm run dev:web` serves the app with hot reload
// and passes /api to a running server (LEDGERLINE_API, default http://127.0.0.1:3000).
export default defineConfig({
  root: webRoot,
  plugins: [react(), forbidServerImports()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Libraries change less often than the app: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine/ },
            { name: 'libraries', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.LEDGERLINE_API ?? 'http://127.0.0.1:3000' },
  },
});
