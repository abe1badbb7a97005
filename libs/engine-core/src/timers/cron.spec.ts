import { nextCronFire, parseCron } from './cron';

function next(expression: string, after: string): string | undefined {
  const cron = parseCron(expression);
  if (!cron.ok) throw new Error(cron.message);
  const due = nextCronFire(cron.value, Date.parse(after));
  return due === undefined ? undefined : new Date(due).toISOString();
}

describe('nextCronFire', () => {
  it.each([
    // weekdays at 9: Friday after 9 -> Monday (2026-01-02 is a Friday)
    ['0 0 9 * * MON-FRI', '2026-01-02T10:00:00Z', '2026-01-05T09:00:00.000Z'],
    ['0 0 9 * * MON-FRI', '2026-01-05T08:59:59Z', '2026-01-05T09:00:00.000Z'],
    ['0 0 9 * * 1-5', '2026-01-03T00:00:00Z', '2026-01-05T09:00:00.000Z'],
    // strictly after, at whole seconds
    ['*/15 * * * * *', '2026-01-01T10:00:07Z', '2026-01-01T10:00:15.000Z'],
    ['*/15 * * * * *', '2026-01-01T10:00:15Z', '2026-01-01T10:00:30.000Z'],
    ['*/15 * * * * *', '2026-01-01T10:00:14.999Z', '2026-01-01T10:00:15.000Z'],
    ['0 */20 * * * *', '2026-01-01T10:41:00Z', '2026-01-01T11:00:00.000Z'],
    ['10/20 * * * * *', '2026-01-01T10:00:31Z', '2026-01-01T10:00:50.000Z'],
    ['0 0 8-10/2 * * *', '2026-01-01T08:00:00Z', '2026-01-01T10:00:00.000Z'],
    ['0 15,45 * * * *', '2026-01-01T10:20:00Z', '2026-01-01T10:45:00.000Z'],
    // month and year boundaries
    ['0 30 23 31 12 *', '2026-12-31T23:30:00Z', '2027-12-31T23:30:00.000Z'],
    ['0 0 0 1 * ?', '2026-01-31T12:00:00Z', '2026-02-01T00:00:00.000Z'],
    ['0 0 0 31 * *', '2026-01-31T00:00:00Z', '2026-03-31T00:00:00.000Z'],
    ['0 0 0 29 FEB *', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['0 0 12 ? jan,JUL SUN', '2026-01-26T00:00:00Z', '2026-07-05T12:00:00.000Z'],
    // Sunday as 0, 7, SUN, and in ranges at either end
    ['0 0 0 * 1 0', '2026-12-31T00:00:00Z', '2027-01-03T00:00:00.000Z'],
    ['0 0 0 * 1 7', '2026-12-31T00:00:00Z', '2027-01-03T00:00:00.000Z'],
    ['0 0 0 * * SAT-SUN', '2026-01-01T00:00:00Z', '2026-01-03T00:00:00.000Z'],
    ['0 0 0 * * SUN-MON', '2026-01-01T00:00:00Z', '2026-01-04T00:00:00.000Z'],
    ['0 0 0 * * MON-SUN', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00.000Z'],
    // day-of-month AND day-of-week (Spring semantics): Friday the 13th
    ['0 0 0 13 * FRI', '2026-02-14T00:00:00Z', '2026-03-13T00:00:00.000Z'],
    ['@daily', '2026-01-01T10:00:00Z', '2026-01-02T00:00:00.000Z'],
    ['@hourly', '2026-01-01T10:00:00Z', '2026-01-01T11:00:00.000Z'],
  ])('%s after %s is %s', (expression, after, expected) => {
    expect(next(expression, after)).toBe(expected);
  });

  it('searches across years for a rare day-of-month and day-of-week combination', () => {
    // The next Feb 29 that is a Monday (2028, 2032, 2036 and 2040 are not).
    expect(next('0 0 0 29 2 MON', '2026-01-01T00:00:00Z')).toBe('2044-02-29T00:00:00.000Z');
  });
});

describe('parseCron', () => {
  it.each([
    ['0 0 9 * *', 'expected 6 fields'],
    ['0 0 9 * * * *', 'expected 6 fields'],
    ['61 * * * * *', 'second value 61 is outside 0-59'],
    ['0 0 24 * * *', 'hour value 24 is outside 0-23'],
    ['? * * * * *', "'?' is not a valid second value"],
    ['0 0 0 L * *', "'L' is not a valid day-of-month value"],
    ['0 0 0 * * FRI#3', "'FRI#3' is not a valid day-of-week value"],
    ['0 0 0 * * FOO', "'FOO' is not a valid day-of-week value"],
    ['*/0 * * * * *', 'invalid step'],
    ['0 0 0 * * FRI-MON', 'runs backwards'],
    ['0 0 0 30 2 *', 'never occurs'],
    ['0 0 0 1-2-3 * *', 'not a valid day-of-month range'],
  ])('refuses %s', (expression, why) => {
    const result = parseCron(expression);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(`'${expression}' is not a valid cron expression: `);
    expect(result.ok ? '' : result.message).toContain(why);
  });
});
