import pino, { type Logger } from 'pino';

export interface Served {
  port: number;
  stop(): Promise<void>;
}

/**
 * The body of the benchmark's server processes: starts what `start` starts, prints "ready <port>"
 * on stdout for the parent, logs (warnings and worse by default) as JSON lines on stderr, and stops
 * on SIGTERM/SIGINT or when stdin ends (the parent went away).
 */
export function serve(name: string, start: (port: number, logger: Logger) => Promise<Served>): void {
  const logger = pino({ name, level: process.env.BENCH_LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const port = Number(process.argv[2] ?? 0);
  start(port, logger).then(
    (served) => {
      process.stdout.write(`ready ${served.port}\n`);
      let stopping = false;
      const stop = (): void => {
        if (stopping) return;
        stopping = true;
        served.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'stop failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      // The parent holds our stdin open; its end means the parent is gone (or wants us to stop).
      process.stdin.on('end', stop);
      process.stdin.resume();
    },
    (error: unknown) => {
      process.stderr.write(`${name} did not start: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
