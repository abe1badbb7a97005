/**
 * The engine's time. Everything the engine schedules (timers, job deadlines, back-offs, message
 * lifetimes) reads this clock, never `Date.now()` or SQL `now()`, so that tests — and operators,
 * like Zeebe's actuator clock — can move time forward instead of waiting.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that runs with real time plus an offset that can be moved forward or pinned. */
export class ControlledClock implements Clock {
  private offsetMs = 0;
  private pinnedAt?: number;
  private readonly listeners = new Set<() => void>();

  now(): number {
    return this.pinnedAt ?? Date.now() + this.offsetMs;
  }

  /** Moves time forward; whoever waits on time (the timer scheduler) is told at once. */
  advance(ms: number): void {
    if (this.pinnedAt !== undefined) this.pinnedAt += ms;
    else this.offsetMs += ms;
    this.changed();
  }

  pin(epochMs: number): void {
    this.pinnedAt = epochMs;
    this.changed();
  }

  reset(): void {
    this.offsetMs = 0;
    this.pinnedAt = undefined;
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
