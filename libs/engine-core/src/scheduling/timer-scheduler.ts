import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { InstanceRunner } from '../processing/instance-runner';
import { DueTimer, fireTimer } from './timer-firing';

/** Never sleep longer than this: another engine process may have created an earlier timer. */
const MAX_SLEEP_MS = 1_000;
const BATCH = 200;

/**
 * Fires timers when they fall due, by the engine's clock. Timers live in PostgreSQL, so a timer
 * that fell due while no engine ran fires at the next start.
 */
export class TimerScheduler {
  private timeout?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly pool: Pool,
    private readonly runner: InstanceRunner,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.nudge();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timeout);
    await this.running;
  }

  /** Look now (a timer was created, or the clock moved). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timeout);
    this.running = this.tick()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'timer scheduler tick failed; retrying'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  private async tick(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const { rows } = await this.pool.query<DueTimer>(
        `SELECT key, process_instance_key, owner_key, process_definition_key, target_element_id, due_at,
                repetitions, interval
           FROM engine.timer WHERE due_at <= to_timestamp($1 / 1000.0) ORDER BY due_at LIMIT $2`,
        [now, BATCH],
      );
      if (this.stopped) return;
      // All at once: the runner commits timers that fire together in shared transactions.
      await Promise.all(
        rows.map((timer) =>
          fireTimer(this.runner, timer).catch((error: unknown) =>
            this.logger.warn({ err: error, timerKey: timer.key }, 'timer could not fire; it stays due'),
          ),
        ),
      );
      if (rows.length < BATCH) break;
    }
    await this.sleepUntilNext();
  }

  private async sleepUntilNext(): Promise<void> {
    if (this.stopped) return;
    const { rows } = await this.pool.query<{ next: Date | null }>('SELECT min(due_at) AS next FROM engine.timer');
    const next = rows[0].next?.getTime();
    const wait = next === undefined ? MAX_SLEEP_MS : Math.max(0, Math.min(MAX_SLEEP_MS, next - this.clock.now()));
    this.timeout = setTimeout(() => this.nudge(), wait);
  }
}
