import type { Logger } from 'pino';

/**
 * Runs the engine's periodic duties (job timeouts, retry back-offs, message expiry). Each duty is
 * safe to run from several engine processes at once; a failure is logged and retried next tick.
 */
export class Sweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly duties: { name: string; run: () => Promise<void> }[],
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    for (const duty of this.duties) {
      try {
        await duty.run();
      } catch (error) {
        this.logger.warn({ err: error, duty: duty.name }, 'engine duty failed; retrying next tick');
      }
    }
  }
}
