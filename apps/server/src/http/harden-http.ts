import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/** Request bodies beyond this are refused with 413; the API's documents are small. */
export const MAX_BODY = '1mb';

/**
 * The HTTP side's defences that do not depend on a route: security headers (helmet; the web app's
 * own responses set their Content-Security-Policy, see web/serve-web-app.ts), a bound on request
 * bodies, and no CORS at all (Nest's default: browsers on other origins cannot call the API).
 */
export function hardenHttp(app: NestExpressApplication): void {
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useBodyParser('json', { limit: MAX_BODY });
  app.useBodyParser('urlencoded', { limit: MAX_BODY, extended: false });
}
