import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** dist/web at the repository root (built by `npm run build:web`), from sources or from dist/. */
export function webAppDir(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps'))) return join(dir, 'dist', 'web');
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'dist', 'web');
    dir = parent;
  }
}

/** Paths the web app never answers: the API, its documents and the health probes. */
const SERVER_PATHS = /^\/(api|health)(\/|$)/;

/**
 * The caseworkers' web app: its files at `/`, and index.html for any other page address the app
 * routes itself (`/tasks/…`, `/cases/…`), so a reload or a shared link works. The API stays at /api.
 */
export function serveWebApp(app: NestExpressApplication, dir = webAppDir()): void {
  const indexFile = join(dir, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    app.useStaticAssets(dir, {
      index: false,
      // File names under assets/ carry a content hash: they never change.
      setHeaders: (res: ServerResponse, path: string) => {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const index = built ? readFileSync(indexFile) : undefined;
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(path) || /\.[a-z0-9]+$/i.test(path)) {
      return next();
    }
    if (!index) {
      res.statusCode = 503;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('The web app is not built: run `npm run build:web`.\n');
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.setHeader(
      'content-security-policy',
      // form-js and bpmn-js set inline styles; no inline or foreign scripts.
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.end(req.method === 'HEAD' ? undefined : index);
  });
}
