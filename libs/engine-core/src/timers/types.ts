/**
 * The data shapes of the timer arithmetic. Kept apart from the functions so
 * the engine can store and pass these around without importing the parsers.
 */

export type TimerDefinition =
  | { kind: 'duration'; raw: string } // from timeDuration
  | { kind: 'date'; raw: string } // from timeDate
  | { kind: 'cycle'; raw: string }; // from timeCycle

/**
 * How the next due time of a repeating timer is computed. `zone` is only set
 * when a cycle's start date carried a zone (offset or region id): calendar
 * units (years, months, weeks, days) are then added in that zone's local
 * time, as java.time's ZonedDateTime.plus does; without it they are UTC.
 */
export type TimerInterval = { kind: 'duration'; iso: string; zone?: string } | { kind: 'cron'; expression: string };

/** A timer's schedule once its expression is evaluated. */
export interface TimerSchedule {
  /** epoch ms of the first firing; may be <= now (a late timer is due at once) */
  dueAt: number;
  /** how many firings in all: 1 for duration/date; R<n> cycles n; -1 = unbounded (R/ or cron) */
  repetitions: number;
  /** for cycles: computes the next due time after a firing; undefined when not repeating */
  interval?: TimerInterval;
}

export type TimerResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function ok<T>(value: T): TimerResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(message: string): TimerResult<T> {
  return { ok: false, message };
}

/** Outside this range a JS Date (and so our epoch ms) cannot represent the instant. */
export const MAX_EPOCH_MS = 8.64e15;
