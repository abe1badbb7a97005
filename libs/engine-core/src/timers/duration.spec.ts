import { addDuration, parseIsoDuration } from './duration';
import { parseIsoDateTime } from './date-time';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

function add(from: string, duration: string, zone?: string): string {
  const parsed = parseIsoDuration(duration);
  if (!parsed.ok) throw new Error(parsed.message);
  return iso(addDuration(at(from), parsed.value, zone));
}

describe('parseIsoDuration', () => {
  it.each([
    ['PT15M', { months: 0, days: 0, millis: 900_000 }],
    ['P14D', { months: 0, days: 14, millis: 0 }],
    ['P2W', { months: 0, days: 14, millis: 0 }],
    ['P1Y2M3DT4H5M6.5S', { months: 14, days: 3, millis: (4 * 3600 + 5 * 60 + 6) * 1000 + 500 }],
    ['PT0.123456789S', { months: 0, days: 0, millis: 123 }],
    ['pt1h', { months: 0, days: 0, millis: 3_600_000 }],
    ['PT0S', { months: 0, days: 0, millis: 0 }],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['PT', 'no amount'],
    ['P', 'no amount'],
    ['P1DT', "time part after 'T' is empty"],
    ['1D', 'expected the form'],
    ['P1.5D', 'expected the form'],
    ['PT1H2H', 'expected the form'],
    ['-PT5M', 'negative durations are not allowed'],
    ['PT-5M', 'negative durations are not allowed'],
  ])('refuses %s', (text, why) => {
    const result = parseIsoDuration(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(`'${text}' is not a valid ISO 8601 duration: `);
    expect(result.ok ? '' : result.message).toContain(why);
  });
});

describe('addDuration', () => {
  it('adds the time part exactly', () => {
    expect(add('2026-01-01T00:00:00Z', 'PT15M')).toBe('2026-01-01T00:15:00.000Z');
    expect(add('2026-01-01T00:00:00Z', 'P1Y2M3DT4H5M6.5S')).toBe('2027-03-04T04:05:06.500Z');
  });

  it('clamps to the end of a shorter month, like java.time', () => {
    expect(add('2026-01-31T10:00:00Z', 'P1M')).toBe('2026-02-28T10:00:00.000Z');
    expect(add('2024-01-31T10:00:00Z', 'P1M')).toBe('2024-02-29T10:00:00.000Z');
    expect(add('2026-03-31T10:00:00Z', 'P1M')).toBe('2026-04-30T10:00:00.000Z');
    expect(add('2024-02-29T00:00:00Z', 'P1Y')).toBe('2025-02-28T00:00:00.000Z');
    // months first, then days: Jan 31 + 1 month = Feb 28, + 1 day = Mar 1
    expect(add('2026-01-31T00:00:00Z', 'P1M1D')).toBe('2026-03-01T00:00:00.000Z');
  });

  it('rolls days over month and year ends', () => {
    expect(add('2026-12-31T23:00:00Z', 'P1D')).toBe('2027-01-01T23:00:00.000Z');
    expect(add('2026-12-25T00:00:00Z', 'P2W')).toBe('2027-01-08T00:00:00.000Z');
  });

  it('does calendar arithmetic in the given zone', () => {
    // Copenhagen switches to summer time on 2026-03-29: P1D is 23 hours there, PT24H stays 24.
    const start = '2026-03-28T11:00:00Z'; // 12:00 local
    expect(add(start, 'P1D', 'Europe/Copenhagen')).toBe('2026-03-29T10:00:00.000Z');
    expect(add(start, 'PT24H', 'Europe/Copenhagen')).toBe('2026-03-29T11:00:00.000Z');
    expect(add(start, 'P1D')).toBe('2026-03-29T11:00:00.000Z');
  });

  it('uses the local date for month ends when the date carries an offset', () => {
    const date = parseIsoDateTime('2026-01-31T00:30:00+01:00');
    if (!date.ok) throw new Error(date.message);
    // Local Jan 31 + P1M = local Feb 28 00:30+01:00; in UTC it would be Jan 30 23:30Z + P1M = Feb 28 23:30Z.
    expect(add(iso(date.value.epochMs), 'P1M', date.value.zone)).toBe('2026-02-27T23:30:00.000Z');
    expect(add(iso(date.value.epochMs), 'P1M')).toBe('2026-02-28T23:30:00.000Z');
  });

  it('reports an out-of-range result as NaN', () => {
    const huge = parseIsoDuration('P999999Y');
    expect(huge.ok && Number.isNaN(addDuration(0, huge.value))).toBe(true);
  });
});
