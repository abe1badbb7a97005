import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The caseworkers' web app: built into dist/web, which apps/server serves at /.
// `npx vite --config apps/web/vite.config.mts` serves it with hot reload and forwards /api to :8080.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/health': 'http://localhost:8080' } },
});
