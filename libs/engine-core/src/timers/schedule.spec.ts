import { checkStaticTimer, nextDueAt, scheduleTimer } from './index';
import type { TimerDefinition, TimerSchedule } from './index';

const NOW = Date.parse('2026-01-31T10:00:00Z');
const at = (iso: string) => Date.parse(iso);

function schedule(definition: TimerDefinition, variables: Record<string, unknown> = {}): TimerSchedule {
  const result = scheduleTimer(definition, variables, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function failure(definition: TimerDefinition, variables: Record<string, unknown> = {}): string {
  const result = scheduleTimer(definition, variables, NOW);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.message;
}

/** Fires the timer until nextDueAt stops it (the engine's loop), returning every due time. */
function firings(first: TimerSchedule, limit = 10): string[] {
  const due = [first.dueAt];
  let remaining = first.repetitions;
  while (due.length < limit) {
    const next = nextDueAt({ interval: first.interval, repetitions: remaining }, due[due.length - 1]);
    if (next === undefined) break;
    due.push(next);
    if (remaining > 0) remaining -= 1;
  }
  return due.map((ms) => new Date(ms).toISOString());
}

describe('scheduleTimer: static values', () => {
  it('schedules a duration from now, calendar-aware', () => {
    expect(schedule({ kind: 'duration', raw: 'PT15M' })).toEqual({ dueAt: NOW + 900_000, repetitions: 1 });
    expect(schedule({ kind: 'duration', raw: 'P1M' }).dueAt).toBe(at('2026-02-28T10:00:00Z'));
  });

  it('schedules a date, and a past date is due at once', () => {
    expect(schedule({ kind: 'date', raw: '2026-12-01T09:00:00+01:00' })).toEqual({
      dueAt: at('2026-12-01T08:00:00Z'),
      repetitions: 1,
    });
    expect(schedule({ kind: 'date', raw: '2020-01-01T00:00:00Z' }).dueAt).toBeLessThanOrEqual(NOW);
  });

  it('counts R5 cycles: five firings ten seconds apart, the first one interval from now', () => {
    const first = schedule({ kind: 'cycle', raw: 'R5/PT10S' });
    expect(first).toEqual({ dueAt: NOW + 10_000, repetitions: 5, interval: { kind: 'duration', iso: 'PT10S' } });
    expect(firings(first)).toEqual([10, 20, 30, 40, 50].map((s) => new Date(NOW + s * 1000).toISOString()));
  });

  it('repeats R/ cycles without end', () => {
    const first = schedule({ kind: 'cycle', raw: 'R/PT1H' });
    expect(first.repetitions).toBe(-1);
    expect(firings(first, 4)).toHaveLength(4);
    expect(nextDueAt(first, at('2026-02-01T00:00:00Z'))).toBe(at('2026-02-01T01:00:00Z'));
  });

  it('treats R1 as a single firing without an interval', () => {
    expect(schedule({ kind: 'cycle', raw: 'R1/PT1M' })).toEqual({ dueAt: NOW + 60_000, repetitions: 1 });
  });

  it('starts a cycle at its start date', () => {
    const first = schedule({ kind: 'cycle', raw: 'R3/2026-12-01T10:00:00Z/PT1H' });
    expect(first.repetitions).toBe(3);
    expect(firings(first)).toEqual([
      '2026-12-01T10:00:00.000Z',
      '2026-12-01T11:00:00.000Z',
      '2026-12-01T12:00:00.000Z',
    ]);
    // a start in the past is due at once, like any late timer
    expect(schedule({ kind: 'cycle', raw: 'R/2020-01-01T00:00:00Z/P1D' }).dueAt).toBe(at('2020-01-01T00:00:00Z'));
  });

  it("adds a cycle's calendar units in its start's zone", () => {
    const first = schedule({ kind: 'cycle', raw: 'R3/2026-03-28T12:00:00+01:00[Europe/Copenhagen]/P1D' });
    expect(first.interval).toEqual({ kind: 'duration', iso: 'P1D', zone: 'Europe/Copenhagen' });
    // 12:00 local each day, across the switch to summer time on 2026-03-29
    expect(firings(first)).toEqual([
      '2026-03-28T11:00:00.000Z',
      '2026-03-29T10:00:00.000Z',
      '2026-03-30T10:00:00.000Z',
    ]);
  });

  it('schedules cron cycles in UTC, unbounded', () => {
    const first = schedule({ kind: 'cycle', raw: '0 0 9 * * MON-FRI' }); // NOW is Saturday 2026-01-31
    expect(first).toEqual({
      dueAt: at('2026-02-02T09:00:00Z'),
      repetitions: -1,
      interval: { kind: 'cron', expression: '0 0 9 * * MON-FRI' },
    });
    expect(firings(first, 6).slice(4)).toEqual(['2026-02-06T09:00:00.000Z', '2026-02-09T09:00:00.000Z']);
  });

  it('stops when the remaining repetitions run out, and never repeats a one-shot timer', () => {
    const interval = { kind: 'duration' as const, iso: 'PT1M' };
    expect(nextDueAt({ interval, repetitions: 2 }, NOW)).toBe(NOW + 60_000);
    expect(nextDueAt({ interval, repetitions: 1 }, NOW)).toBeUndefined();
    expect(nextDueAt({ interval, repetitions: 0 }, NOW)).toBeUndefined();
    expect(nextDueAt({ interval }, NOW)).toBe(NOW + 60_000);
    expect(nextDueAt({}, NOW)).toBeUndefined();
  });

  it('reports what is wrong with a static value', () => {
    expect(failure({ kind: 'duration', raw: 'PT' })).toBe("'PT' is not a valid ISO 8601 duration: it has no amount");
    expect(failure({ kind: 'date', raw: '2026-12-01' })).toContain('a time is required as well');
    expect(failure({ kind: 'cycle', raw: '0 0 0 30 2 *' })).toContain('never occurs');
  });
});

describe('scheduleTimer: FEEL expressions', () => {
  it('accepts a FEEL duration', () => {
    const due = schedule({ kind: 'duration', raw: '= duration("PT" + string(hours) + "H")' }, { hours: 2 });
    expect(due).toEqual({ dueAt: NOW + 2 * 3_600_000, repetitions: 1 });
    // a years-months duration keeps calendar semantics
    expect(schedule({ kind: 'duration', raw: '=duration("P1M")' }).dueAt).toBe(at('2026-02-28T10:00:00Z'));
  });

  it('accepts a FEEL date-time value, with an offset or a zone id', () => {
    const raw = '= date and time(end) - duration("P1D")';
    expect(schedule({ kind: 'date', raw }, { end: '2026-12-02T09:00:00+01:00' }).dueAt).toBe(
      at('2026-12-01T08:00:00Z'),
    );
    expect(schedule({ kind: 'date', raw }, { end: '2026-12-02T09:00:00Z' }).dueAt).toBe(at('2026-12-01T09:00:00Z'));
    const zoned = schedule({
      kind: 'date',
      raw: '= date and time(date("2026-07-01"), time("09:00:00@Europe/Copenhagen"))',
    });
    expect(zoned.dueAt).toBe(at('2026-07-01T07:00:00Z'));
  });

  it('accepts strings from FEEL', () => {
    expect(schedule({ kind: 'cycle', raw: '= "R3/PT1M"' })).toEqual({
      dueAt: NOW + 60_000,
      repetitions: 3,
      interval: { kind: 'duration', iso: 'PT1M' },
    });
    expect(schedule({ kind: 'date', raw: '=due' }, { due: '2026-12-01T09:00:00Z' }).dueAt).toBe(
      at('2026-12-01T09:00:00Z'),
    );
  });

  it('schedules a cycle built with FEEL cycle()', () => {
    const first = schedule({ kind: 'cycle', raw: '= cycle(3, duration("PT1H"))' });
    expect(first).toMatchObject({ dueAt: NOW + 3_600_000, repetitions: 3 });
  });

  it('names the expression when the result has the wrong type', () => {
    expect(failure({ kind: 'duration', raw: '= hours' }, { hours: 5 })).toBe(
      "failed to evaluate the timer expression 'hours': expected a duration or a string, but it was a number",
    );
    expect(failure({ kind: 'date', raw: '= missing' })).toBe(
      "failed to evaluate the timer expression 'missing': expected a date and time or a string, but it was null",
    );
    expect(failure({ kind: 'cycle', raw: '= {a: 1}' })).toContain('but it was a context');
    expect(failure({ kind: 'date', raw: '= date("2026-12-01")' })).toBe(
      "the timer expression 'date(\"2026-12-01\")' evaluated to '2026-12-01': " +
        "'2026-12-01' is not a valid ISO 8601 date-time: a time is required as well, e.g. 2026-12-01T09:00:00Z",
    );
  });

  it('names the expression when FEEL fails or the text is not valid', () => {
    expect(failure({ kind: 'duration', raw: '= duration(' })).toMatch(
      /^failed to evaluate the timer expression 'duration\(': failed to parse expression/,
    );
    expect(failure({ kind: 'cycle', raw: '= "every day"' })).toContain(
      "the timer expression '\"every day\"' evaluated to 'every day': 'every day' is neither",
    );
  });
});

describe('checkStaticTimer', () => {
  it.each<[TimerDefinition['kind'], string]>([
    ['duration', 'PT15M'],
    ['date', '2026-12-01T09:00:00+01:00[Europe/Copenhagen]'],
    ['cycle', 'R/PT1H'],
    ['cycle', 'R3/2026-12-01T10:00:00Z/PT1H'],
    ['cycle', '0 0 9 * * MON-FRI'],
    ['duration', '= duration(x)'],
  ])('accepts %s %s', (kind, raw) => {
    expect(checkStaticTimer({ kind, raw })).toEqual({ ok: true, value: true });
  });

  it.each<[TimerDefinition['kind'], string, string]>([
    ['duration', 'PT', "'PT' is not a valid ISO 8601 duration: it has no amount"],
    ['duration', '', 'the timer duration is empty'],
    [
      'cycle',
      'R-1/PT1S',
      "'R-1/PT1S' is not a valid repeating interval: 'R-1' must be R followed by a positive number",
    ],
    ['cycle', 'R0/PT1S', 'the number of repetitions must be at least 1'],
    ['cycle', 'R/PT0S', 'the interval must be longer than zero'],
    ['cycle', 'R/PT1H/2026-12-01T10:00:00Z', "'2026-12-01T10:00:00Z' is not a valid ISO 8601 duration"],
    ['cycle', 'R3/tomorrow/PT1H', 'the start must be a date-time'],
    ['cycle', 'tomorrow', "'tomorrow' is neither an ISO 8601 repeating interval"],
    ['cycle', '0 0 25 * * *', 'hour value 25 is outside 0-23'],
    ['cycle', '0 0 9 * *', 'expected 6 fields'],
    ['date', 'tomorrow', "'tomorrow' is not a valid ISO 8601 date-time"],
    ['date', '= date and time(', 'invalid timer expression: failed to parse expression'],
  ])('refuses %s %s', (kind, raw, message) => {
    const result = checkStaticTimer({ kind, raw });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});
