/**
 * Camunda's `cycle()` extension, which builds an ISO 8601 repeating interval for a timer cycle:
 * `cycle(duration("PT1H"))` and `cycle(null, duration("PT1H"))` give "R/PT1H" (repeat without
 * end), `cycle(3, duration("PT1H"))` gives "R3/PT1H". The interval is written the way Zeebe writes
 * durations (java.time style, see json.ts). Anything else is an invalid argument: null, as FEEL does.
 */
import { isDuration } from './feel-types';
import { toJsonValue } from './json';
import { feelFunction, invalidArgument } from './runtime';

function intervalOf(interval: unknown): string | null {
  if (!isDuration(interval)) return null;
  const written = toJsonValue(interval);
  return written.ok && typeof written.value === 'string' ? written.value : null;
}

function cycle(repetitions: unknown, interval?: unknown): string | null {
  // The one-argument form: cycle(interval).
  if (interval === undefined && isDuration(repetitions)) return cycle(null, repetitions);
  const written = intervalOf(interval);
  if (written === null) return invalidArgument('cycle', 'interval', 'a duration', interval);
  if (repetitions === null || repetitions === undefined) return `R/${written}`;
  if (typeof repetitions !== 'number' || !Number.isInteger(repetitions) || repetitions < 0) {
    return invalidArgument('cycle', 'repetitions', 'a non-negative whole number', repetitions);
  }
  return `R${repetitions}/${written}`;
}

export const cycleBuiltins: Record<string, unknown> = {
  cycle: feelFunction(['repetitions', 'interval'], cycle),
};
