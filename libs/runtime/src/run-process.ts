import type { Logger } from 'pino';
import { AppConfig, ConfigError, loadConfig } from '@brobygger/config';
import { connectDatabase, DatabaseConnection, migrateDatabase } from '@brobygger/database';
import { createLogger } from '@brobygger/logging';

export type Stop = () => Promise<unknown>;

export interface ProcessContext {
  config: AppConfig;
  database: DatabaseConnection;
  logger: Logger;
}

/**
 * The life of one Brobygger process: validate the configuration, reach the database, start the
 * parts in order, and on SIGINT/SIGTERM stop them in reverse order before the database, so that
 * nothing is cut off half-way. A second signal forces the exit.
 */
export function runProcess(name: string, start: (context: ProcessContext) => Promise<Stop[]>): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`brobygger ${name}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG: the operator must change a setting, a restart will not help.
    }
    throw error;
  }
  const logger = createLogger(config, name);
  const stops: Stop[] = [];
  let stopping: number | undefined;
  let starting: Promise<unknown> = Promise.resolve();

  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping !== undefined) return;
    stopping = Date.now();
    logger.info({ reason }, 'shutting down');
    // A signal during start waits for the start to finish, so that every part started is also
    // stopped before the database goes away.
    await starting.catch(() => undefined);
    for (const stop of [...stops].reverse()) {
      try {
        await stop();
      } catch (error) {
        logger.error({ err: error }, 'error while stopping a part');
        exitCode = exitCode || 1;
      }
    }
    logger.info('stopped');
    logger.flush?.();
    process.exit(exitCode);
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // `npm start` forwards the terminal's Ctrl-C to a process that already got it from the
      // terminal, so a signal in the first seconds is the same request, not an impatient second one.
      if (stopping !== undefined && Date.now() - stopping > 3000) {
        logger.warn({ signal }, 'second signal: exiting at once');
        process.exit(130);
      }
      void shutdown(signal, 0);
    });
  }

  process.on('unhandledRejection', (error) => {
    // A stray rejected promise is a bug to fix, but must not take a running engine down with it.
    logger.error({ err: error }, 'unhandled promise rejection');
  });

  starting = (async () => {
    const database = await connectDatabase(config, (message) => logger.debug({ component: 'postgres' }, message));
    stops.push(() => database.stop());
    logger.info({ embeddedDatabase: database.embedded }, 'database reachable');
    const applied = await migrateDatabase(database.url);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    stops.push(...(await start({ config, database, logger })));
    logger.info({ httpPort: config.http.port, gatewayPort: config.gateway.port }, `${name} started`);
  })();
  starting.catch((error: unknown) => {
    logger.fatal({ err: error }, 'start failed');
    void shutdown('start failed', 1);
  });
}
