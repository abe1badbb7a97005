/**
 * Conversion of FEEL values to JSON-compatible values, the way Zeebe writes
 * variables: temporals become ISO-8601 strings in java.time's toString()
 * style (zoned date-times as `2020-04-06T08:00:00+02:00[Europe/Berlin]`,
 * days-time durations as java.time.Duration `PT26H`, years-months durations
 * as java.time.Period `P1Y2M`), contexts become plain objects, and values
 * without a JSON form (functions, ranges, NaN) are an error.
 */
import type { FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { isDate, isDateTime, isDuration, isFunction, isRange, isTime } from './feel-types';
import { FeelResult, failure, success } from './result';
import { isContextValue } from './runtime';

class NotSerialisable extends Error {}

const OFFSET_ZONE = /^[+-]\d{2}:\d{2}$/;

function zoneSuffix(zone: string): string | null {
  if (zone === 'UTC' || zone === 'Z') return 'Z';
  return OFFSET_ZONE.test(zone) ? zone : null;
}

function dateTimeToString(value: FeelDateTime): string {
  if (value.zone === null) return value.value.toString();
  const suffix = zoneSuffix(value.zone);
  if (suffix !== null) return value.value.toString() + suffix;
  // Named zone: include the resolved offset too, so other systems can read it.
  return value.value.toZonedDateTime(value.zone).toString();
}

function timeToString(value: FeelTime): string {
  if (value.zone === null) return value.value.toString();
  const suffix = zoneSuffix(value.zone);
  return value.value.toString() + (suffix ?? `@${value.zone}`);
}

const NS_PER_SECOND = BigInt(1_000_000_000);

function daysTimeDurationToString(value: FeelDuration): string {
  const d = value.value;
  const totalNs =
    BigInt(d.days) * BigInt(86_400) * NS_PER_SECOND +
    BigInt(d.hours) * BigInt(3_600) * NS_PER_SECOND +
    BigInt(d.minutes) * BigInt(60) * NS_PER_SECOND +
    BigInt(d.seconds) * NS_PER_SECOND +
    BigInt(d.milliseconds) * BigInt(1_000_000) +
    BigInt(d.microseconds) * BigInt(1_000) +
    BigInt(d.nanoseconds);
  if (totalNs === BigInt(0)) return 'PT0S';
  const sign = totalNs < 0 ? '-' : '';
  const abs = totalNs < 0 ? -totalNs : totalNs;
  const hours = abs / (BigInt(3_600) * NS_PER_SECOND);
  const minutes = (abs / (BigInt(60) * NS_PER_SECOND)) % BigInt(60);
  const ns = abs % (BigInt(60) * NS_PER_SECOND);
  const wholeSeconds = ns / NS_PER_SECOND;
  const fraction = (ns % NS_PER_SECOND).toString().padStart(9, '0').replace(/0+$/, '');
  let out = 'PT';
  if (hours > 0) out += `${sign}${hours}H`;
  if (minutes > 0) out += `${sign}${minutes}M`;
  if (ns > 0) out += `${sign}${wholeSeconds}${fraction ? `.${fraction}` : ''}S`;
  return out;
}

function durationToString(value: FeelDuration): string {
  if (!value.yearsMonths) return daysTimeDurationToString(value);
  const totalMonths = value.value.years * 12 + value.value.months;
  if (totalMonths === 0) return 'P0D';
  const sign = totalMonths < 0 ? '-' : '';
  const years = Math.floor(Math.abs(totalMonths) / 12);
  const months = Math.abs(totalMonths) % 12;
  return `P${years ? `${sign}${years}Y` : ''}${months ? `${sign}${months}M` : ''}`;
}

function convert(value: unknown, path: string): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new NotSerialisable(`${path} is not a finite number (${value})`);
      return value;
    case 'function':
      throw new NotSerialisable(`${path} is a function`);
  }
  if (Array.isArray(value)) return value.map((item, i) => convert(item, `${path}[${i + 1}]`));
  if (isDate(value)) return value.value.toString();
  if (isDateTime(value)) return dateTimeToString(value);
  if (isTime(value)) return timeToString(value);
  if (isDuration(value)) return durationToString(value);
  if (isFunction(value)) throw new NotSerialisable(`${path} is a function`);
  if (isRange(value)) throw new NotSerialisable(`${path} is a range`);
  if (isContextValue(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = convert(entry, `${path}.${key}`);
    return out;
  }
  throw new NotSerialisable(`${path} has an unsupported type`);
}

export function toJsonValue(value: unknown): FeelResult<unknown> {
  try {
    return success(convert(value, 'value'));
  } catch (error) {
    if (error instanceof NotSerialisable) {
      return failure(`Failed to convert the FEEL value to JSON: ${error.message}, which has no JSON representation`);
    }
    return failure(
      `Failed to convert the FEEL value to JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
