/**
 * ISO 8601 date-times for timeDate and cycle start dates, in the forms Camunda
 * documents plus the ones FEEL produces when a date-time value is written out:
 *   2026-12-01T09:00:00Z, 2026-12-01T09:00:00+01:00,
 *   2026-12-01T09:00:00+01:00[Europe/Copenhagen] (FEEL / java ZonedDateTime form),
 *   2026-12-01T09:00:00[Europe/Copenhagen] (zone id only: the offset is looked up),
 *   2026-12-01T09:00:00 (no zone: read as UTC, because Zeebe reads it in the
 *   broker's system zone and brokers run in UTC; the engine has no other zone).
 * A date without a time (2026-12-01) is refused: Camunda requires a combined
 * date and time for timeDate, and guessing midnight in some zone would hide
 * the modelling mistake.
 */
import { MAX_EPOCH_MS, TimerResult, fail, ok } from './types';
import { fromWall, isKnownZone } from './zone';

export interface ParsedDateTime {
  epochMs: number;
  /** the zone the value carried (offset or region id); undefined for Z/UTC and zone-less values */
  zone?: string;
}

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?(?:\[([^\]\s]+)\])?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function parseIsoDateTime(text: string): TimerResult<ParsedDateTime> {
  const source = text.trim();
  const bad = (why: string) => fail(`'${text}' is not a valid ISO 8601 date-time: ${why}`);
  if (DATE_ONLY.test(source)) return bad('a time is required as well, e.g. 2026-12-01T09:00:00Z');
  const match = PATTERN.exec(source);
  if (!match)
    return bad('expected e.g. 2026-12-01T09:00:00Z, 2026-12-01T09:00:00+01:00 or ...+01:00[Europe/Copenhagen]');
  const [, y, mo, d, h, mi, s, fraction, offset, zoneId] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s ?? '0'].map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay || hour > 23 || minute > 59 || second > 59) {
    return bad('a field is out of range');
  }
  if (zoneId !== undefined && !isKnownZone(zoneId)) return bad(`unknown time zone '${zoneId}'`);
  const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000 + 1e-6) : 0;
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, millis);
  // The written offset fixes the instant (java.time uses it when it is valid for the zone); a zone id alone is resolved.
  const offsetZone = offset === undefined || offset === 'Z' ? undefined : offset;
  const epochMs =
    offset !== undefined ? fromWall(wall.getTime(), offsetZone) : fromWall(wall.getTime(), zoneId ?? undefined);
  if (Math.abs(epochMs) > MAX_EPOCH_MS) return bad('it is out of range');
  const zone = zoneId ?? offsetZone;
  return ok(zone === undefined || zone === 'UTC' || zone === 'Z' ? { epochMs } : { epochMs, zone });
}
