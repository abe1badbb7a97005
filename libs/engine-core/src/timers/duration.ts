/**
 * ISO 8601 durations as Zeebe reads them for timers: a date part
 * (years, months, weeks, days) that is added on the calendar like
 * java.time.Period, and a time part (hours, minutes, seconds) that is an
 * exact amount of time like java.time.Duration. So P1D is "same time
 * tomorrow" (23 or 25 hours across a DST change in a region zone) while
 * PT24H is always 24 hours.
 */
import { MAX_EPOCH_MS, TimerResult, fail, ok } from './types';
import { fromWall, offsetAt, toWall } from './zone';

export interface IsoDuration {
  /** years * 12 + months: java.time.Period adds them together, then clamps the day */
  months: number;
  /** weeks * 7 + days */
  days: number;
  /** the exact time part, in ms (fractions below a millisecond are dropped) */
  millis: number;
}

// Case-insensitive like java.time's parsers; fractions only on seconds, as java.time.Duration allows.
const PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/i;

export function parseIsoDuration(text: string): TimerResult<IsoDuration> {
  const source = text.trim();
  const bad = (why: string) => fail(`'${text}' is not a valid ISO 8601 duration: ${why}`);
  // Zeebe would accept a negative duration and fire at once; we refuse it because it is always a modelling mistake.
  if (source.includes('-')) return bad('negative durations are not allowed');
  const match = PATTERN.exec(source);
  if (!match) return bad('expected the form PnYnMnWnDTnHnMnS, e.g. PT15M, P14D or P1Y2M3DT4H5M6.5S');
  const [, y, mo, w, d, h, mi, s, fraction] = match;
  if ([y, mo, w, d, h, mi, s].every((part) => part === undefined)) return bad('it has no amount');
  if (/T$/i.test(source)) return bad("the time part after 'T' is empty");
  const n = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  const millis =
    (n(h) * 3600 + n(mi) * 60 + n(s)) * 1000 + (fraction ? Math.floor(Number(`0.${fraction}`) * 1000 + 1e-6) : 0);
  const value = { months: n(y) * 12 + n(mo), days: n(w) * 7 + n(d), millis };
  if (!Object.values(value).every((v) => Number.isSafeInteger(v) && v < MAX_EPOCH_MS)) return bad('it is too long');
  return ok(value);
}

export function isZeroDuration(duration: IsoDuration): boolean {
  return duration.months === 0 && duration.days === 0 && duration.millis === 0;
}

const DAY_MS = 86_400_000;

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * from + duration. The date part is added to the local date in `zone`
 * (UTC when absent); a day past the end of the target month is clamped to
 * its last day (Jan 31 + P1M = Feb 28/29), as java.time does. NaN when the
 * result is out of range.
 */
export function addDuration(fromMs: number, duration: IsoDuration, zone?: string): number {
  let result = fromMs;
  if (duration.months !== 0 || duration.days !== 0) {
    const offset = offsetAt(zone, fromMs);
    const wall = new Date(toWall(fromMs, zone));
    const totalMonths = wall.getUTCFullYear() * 12 + wall.getUTCMonth() + duration.months;
    const year = Math.floor(totalMonths / 12);
    const monthIndex = totalMonths - year * 12;
    const day = Math.min(wall.getUTCDate(), daysInMonth(year, monthIndex));
    const msOfDay = ((wall.getTime() % DAY_MS) + DAY_MS) % DAY_MS;
    // setUTCFullYear normalises day overflow, which is exactly plain day-count addition on the calendar.
    const target = new Date(0);
    target.setUTCFullYear(year, monthIndex, day + duration.days);
    result = fromWall(target.getTime() + msOfDay, zone, offset);
  }
  result += duration.millis;
  return Number.isFinite(result) && Math.abs(result) <= MAX_EPOCH_MS ? result : NaN;
}
