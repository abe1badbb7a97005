/**
 * Spring-style 6-field cron expressions, the dialect Zeebe accepts in
 * timeCycle (since 8.1; Zeebe reuses Spring's CronExpression):
 *   second minute hour day-of-month month day-of-week
 * Supported: `*`, `?` (same as `*`, day fields only), numbers, lists `a,b`,
 * ranges `a-b`, steps `* /n` `a/n` `a-b/n`, names JAN..DEC and MON..SUN
 * (case-insensitive), day-of-week 0 or 7 = Sunday, and the macros @yearly,
 * @annually, @monthly, @weekly, @daily, @midnight, @hourly.
 * Not supported (refused with a message): Quartz extras L, W and #.
 *
 * As in Spring, and unlike Unix cron, a restricted day-of-month AND a
 * restricted day-of-week must both match ("0 0 0 13 * FRI" is Friday the
 * 13th). Times are computed in UTC, the broker zone Zeebe runs in.
 */
import { TimerResult, fail, ok } from './types';

export interface CronSchedule {
  seconds: boolean[];
  minutes: boolean[];
  hours: boolean[];
  daysOfMonth: boolean[]; // index 1..31
  months: boolean[]; // index 1..12
  daysOfWeek: boolean[]; // ISO numbering, index 1 (Monday) .. 7 (Sunday)
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[]; // names[i] stands for min + i
  question?: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
// Sunday is 0 at the start of a range (SUN-SAT) and 7 at its end (MON-SUN); both fold into 7.
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 0, max: 7, names: DAYS, question: true },
];

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

class CronError extends Error {}

function parseValue(token: string, spec: FieldSpec, rangeEnd: boolean): number {
  const index = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index >= 0) return spec.name === 'day-of-week' && index === 0 && rangeEnd ? 7 : spec.min + index;
  if (!/^\d+$/.test(token)) throw new CronError(`'${token}' is not a valid ${spec.name} value`);
  const value = Number(token);
  if (value < spec.min || value > spec.max) {
    throw new CronError(`${spec.name} value ${value} is outside ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseField(text: string, spec: FieldSpec): boolean[] {
  const bits = new Array<boolean>(spec.max + 1).fill(false);
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') throw new CronError(`'${part}' is not a valid ${spec.name} entry`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!/^\d+$/.test(stepText ?? '1') || step < 1) throw new CronError(`'${part}' has an invalid step`);
    let from: number;
    let to: number;
    if (range === '*' || (range === '?' && spec.question)) {
      [from, to] = [spec.name === 'day-of-week' ? 1 : spec.min, spec.max];
    } else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (more !== undefined) throw new CronError(`'${range}' is not a valid ${spec.name} range`);
      [from, to] = [parseValue(a, spec, false), parseValue(b, spec, true)];
      if (from > to) throw new CronError(`${spec.name} range '${range}' runs backwards`);
    } else {
      from = parseValue(range, spec, false);
      // Like Spring, "a/n" means from a to the field's maximum in steps of n.
      to = stepText === undefined ? from : spec.max;
    }
    for (let v = from; v <= to; v += step) bits[v] = true;
  }
  return bits;
}

export function parseCron(expression: string): TimerResult<CronSchedule> {
  const source = expression.trim();
  const expanded = MACROS[source.toLowerCase()] ?? source;
  const fields = expanded.split(/\s+/);
  const bad = (why: string) => fail<CronSchedule>(`'${expression}' is not a valid cron expression: ${why}`);
  if (fields.length !== 6) {
    return bad(`expected 6 fields (second minute hour day-of-month month day-of-week), found ${fields.length}`);
  }
  try {
    const [seconds, minutes, hours, daysOfMonth, months, weekBits] = fields.map((f, i) => parseField(f, FIELDS[i]));
    // Sunday may be written 0 or 7; keep it at 7 only (ISO numbering).
    const daysOfWeek = weekBits.map((on, day) => (day === 7 ? on || weekBits[0] : day === 0 ? false : on));
    const schedule = { seconds, minutes, hours, daysOfMonth, months, daysOfWeek };
    if (!canEverMatch(schedule)) return bad('the day-of-month never occurs in the selected months');
    return ok(schedule);
  } catch (error) {
    if (error instanceof CronError) return bad(error.message);
    throw error;
  }
}

/** Days 30/31 never occur in February, etc. Checked so a deploy fails instead of a timer that never fires. */
function canEverMatch(cron: CronSchedule): boolean {
  const longest = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return cron.months.some((on, month) => on && cron.daysOfMonth.some((d, day) => d && day <= longest[month]));
}

function firstFrom(bits: boolean[], from: number): number {
  for (let v = from; v < bits.length; v++) if (bits[v]) return v;
  return -1;
}

// 400 years is a full Gregorian cycle: if nothing matches by then, nothing ever will.
const SEARCH_YEARS = 400;

/**
 * The first instant strictly after `afterMs` (at whole seconds, as Spring's
 * CronExpression.next) matching the expression in UTC; undefined if none.
 */
export function nextCronFire(cron: CronSchedule, afterMs: number): number | undefined {
  const t = new Date(Math.floor(afterMs / 1000) * 1000 + 1000);
  const lastYear = t.getUTCFullYear() + SEARCH_YEARS;
  // Each step moves to the start of the next candidate unit and re-checks from the top, so the loop is bounded.
  while (t.getUTCFullYear() <= lastYear) {
    if (!cron.months[t.getUTCMonth() + 1]) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    const weekday = t.getUTCDay() === 0 ? 7 : t.getUTCDay();
    if (!cron.daysOfMonth[t.getUTCDate()] || !cron.daysOfWeek[weekday]) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    const hour = firstFrom(cron.hours, t.getUTCHours());
    if (hour < 0) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (hour !== t.getUTCHours()) t.setUTCHours(hour, 0, 0, 0);
    const minute = firstFrom(cron.minutes, t.getUTCMinutes());
    if (minute < 0) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (minute !== t.getUTCMinutes()) t.setUTCMinutes(minute, 0, 0);
    const second = firstFrom(cron.seconds, t.getUTCSeconds());
    if (second < 0) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    t.setUTCSeconds(second, 0);
    return t.getTime();
  }
  return undefined;
}
