import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { Logger, LoggerOptions } from 'pino';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@brobygger/config';

/**
 * Paths that may carry credentials or personal data (CPR numbers, health notes). pino replaces
 * them before a line is written, whatever the code that logged them intended.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.cpr',
  '*.cprNumber',
  '*.health',
  '*.variables',
];

export function loggerOptions(config: Pick<AppConfig, 'logLevel'>, name: string): LoggerOptions {
  return {
    name,
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { app: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

export function createLogger(config: Pick<AppConfig, 'logLevel'>, name: string): Logger {
  return pino(loggerOptions(config, name));
}

/** Request id: the caller's `x-request-id` when it looks safe, else a new UUID; echoed back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

export function httpLoggerParams(config: Pick<AppConfig, 'logLevel'>, name: string): Params {
  return {
    pinoHttp: {
      ...loggerOptions(config, name),
      genReqId: requestId,
      // Query strings can carry search terms such as names; the path alone is enough to trace a call.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url === '/health/live' },
    },
  };
}
