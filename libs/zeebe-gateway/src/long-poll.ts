/**
 * Open long polls, so that stopping the gateway can answer them (empty) at once instead of letting
 * shutdown wait for every worker's requestTimeout.
 */
export class LongPolls {
  private readonly open = new Set<() => void>();
  private stopping = false;

  /** Registers a way to end a waiting call early; returns the deregistration. */
  track(endEarly: () => void): () => void {
    if (this.stopping) {
      endEarly();
      return () => undefined;
    }
    this.open.add(endEarly);
    return () => {
      this.open.delete(endEarly);
    };
  }

  endAll(): void {
    this.stopping = true;
    for (const endEarly of [...this.open]) endEarly();
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }
}

/** setTimeout fires at once for delays beyond 2^31-1 ms; a longer requested wait is capped instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LongPollOptions<T> {
  /** One non-blocking try (e.g. engine.activateJobs). */
  attempt: () => Promise<T[]>;
  /** Registers a wake-up for "something may have changed"; returns the unsubscribe. */
  subscribe: (wake: () => void) => () => void;
  /** How long to keep trying after the first empty attempt; negative: try once only. */
  waitMs: number;
  polls: LongPolls;
  /** Registers a callback for the client going away (gRPC call cancelled). */
  onClientGone: (stopWaiting: () => void) => void;
}

/**
 * Tries at once, then again on every wake-up until something is found or the wait ends (timeout,
 * client gone, gateway stopping). Subscribing before the first try means a wake-up that races with
 * it is not lost. An attempt already running when the wait ends is allowed to finish so that jobs
 * it activated are still delivered rather than dropped.
 */
export function longPoll<T>(options: LongPollOptions<T>): Promise<T[]> {
  const { attempt, subscribe, waitMs, polls, onClientGone } = options;
  if (waitMs < 0) return attempt();

  return new Promise<T[]>((resolve, reject) => {
    let settled = false;
    let running = false;
    let wokenWhileRunning = false;
    let waitOver = false;
    // Assigned below; placeholders keep finish() safe if a callback fires during registration.
    let unsubscribe = (): void => undefined;
    let untrack = (): void => undefined;

    const finish = (outcome: { items: T[] } | { error: unknown }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      untrack();
      if ('items' in outcome) resolve(outcome.items);
      else reject(outcome.error);
    };

    const run = async (): Promise<void> => {
      if (running) {
        wokenWhileRunning = true;
        return;
      }
      running = true;
      try {
        do {
          wokenWhileRunning = false;
          const items = await attempt();
          if (items.length > 0) return finish({ items });
        } while (wokenWhileRunning && !waitOver);
      } catch (error) {
        return finish({ error });
      } finally {
        running = false;
      }
      if (waitOver) finish({ items: [] });
    };

    const stopWaiting = (): void => {
      waitOver = true;
      if (!running) finish({ items: [] });
    };
    const timer = setTimeout(stopWaiting, Math.min(waitMs, MAX_TIMER_MS));

    unsubscribe = subscribe(() => {
      if (!settled && !waitOver) void run();
    });
    untrack = polls.track(stopWaiting);
    onClientGone(stopWaiting);
    if (!settled) void run();
  });
}
