/**
 * From a timer definition to its schedule: evaluate the text (static, or a
 * FEEL expression starting with '='), parse it by kind, and work out the
 * first due time relative to `now`. Everything is returned as a result value
 * so the engine can raise an incident with the message instead of catching.
 */
import { evaluate, isExpression, parseCheck, toJsonValue } from '@brobygger/feel';
import { parseCron, nextCronFire } from './cron';
import { parseCycle } from './cycle';
import { parseIsoDateTime } from './date-time';
import { addDuration, parseIsoDuration } from './duration';
import { TimerDefinition, TimerResult, TimerSchedule, fail, ok } from './types';

const EXPECTED: Record<TimerDefinition['kind'], string> = {
  duration: 'a duration or a string',
  date: 'a date and time or a string',
  cycle: 'a string',
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a context';
  return `a ${typeof value}`;
}

function sourceOf(raw: string): string {
  return raw.replace(/^\s*=/, '').trim();
}

/**
 * The timer's text. FEEL temporal values are turned into the ISO strings
 * Zeebe would write (libs/feel's toJsonValue: date-times with offset and
 * [zone], durations as PT26H / P1Y2M), so one parser serves both paths.
 */
function timerText(definition: TimerDefinition, variables: Record<string, unknown>): TimerResult<string> {
  if (!isExpression(definition.raw)) return ok(definition.raw);
  const prefix = `failed to evaluate the timer expression '${sourceOf(definition.raw)}'`;
  const result = evaluate(definition.raw, variables);
  if (!result.ok) return fail(`${prefix}: ${result.message}`);
  const value = result.value;
  if (typeof value === 'string') return ok(value);
  const wrong = fail<string>(`${prefix}: expected ${EXPECTED[definition.kind]}, but it was ${describe(value)}`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return wrong;
  const json = toJsonValue(value);
  // Temporal values serialise to strings; contexts serialise to objects and are the wrong type.
  return json.ok && typeof json.value === 'string' ? ok(json.value) : wrong;
}

function fromText(kind: TimerDefinition['kind'], text: string, now: number): TimerResult<TimerSchedule> {
  switch (kind) {
    case 'duration': {
      const duration = parseIsoDuration(text);
      if (!duration.ok) return duration;
      const dueAt = addDuration(now, duration.value);
      return Number.isNaN(dueAt) ? fail(`the timer duration '${text}' is too long`) : ok({ dueAt, repetitions: 1 });
    }
    case 'date': {
      // A date in the past is not an error: the timer is simply due at once.
      const date = parseIsoDateTime(text);
      return date.ok ? ok({ dueAt: date.value.epochMs, repetitions: 1 }) : date;
    }
    case 'cycle': {
      const cycle = parseCycle(text);
      if (!cycle.ok) return cycle;
      const parsed = cycle.value;
      if (parsed.kind === 'cron') {
        const dueAt = nextCronFire(parsed.cron, now);
        if (dueAt === undefined) return fail(`the cron expression '${parsed.expression}' never fires`);
        return ok({ dueAt, repetitions: -1, interval: { kind: 'cron', expression: parsed.expression } });
      }
      const zone = parsed.start?.zone;
      // With a start date the first firing is at the start (at once if it has passed, like any late timer).
      const dueAt = parsed.start ? parsed.start.epochMs : addDuration(now, parsed.duration);
      if (Number.isNaN(dueAt)) return fail(`the timer cycle '${text}' is out of range`);
      if (parsed.repetitions === 1) return ok({ dueAt, repetitions: 1 });
      const interval = zone
        ? { kind: 'duration' as const, iso: parsed.durationText, zone }
        : { kind: 'duration' as const, iso: parsed.durationText };
      return ok({ dueAt, repetitions: parsed.repetitions, interval });
    }
  }
}

/**
 * Evaluates the definition against the variables relative to `now` (epoch ms).
 * Durations count from `now`; a cycle without a start date fires first one
 * interval after `now`; a cron cycle first fires at its next match after `now`.
 */
export function scheduleTimer(
  definition: TimerDefinition,
  variables: Record<string, unknown>,
  now: number,
): TimerResult<TimerSchedule> {
  const text = timerText(definition, variables);
  if (!text.ok) return text;
  const schedule = fromText(definition.kind, text.value, now);
  if (schedule.ok || !isExpression(definition.raw)) return schedule;
  return fail(`the timer expression '${sourceOf(definition.raw)}' evaluated to '${text.value}': ${schedule.message}`);
}

/**
 * Next due time of a repeating timer after a firing at `firedAt`; pass the
 * firing's due time rather than the wall-clock time to avoid drift.
 * `repetitions` is the count still left including the firing just done (the
 * timer's value before decrementing): 1 or 0 means that was the last one, -1
 * is unbounded; leaving it out means "not limited here".
 */
export function nextDueAt(
  schedule: Pick<TimerSchedule, 'interval'> & { repetitions?: number },
  firedAt: number,
): number | undefined {
  const { interval, repetitions } = schedule;
  if (!interval) return undefined;
  if (repetitions !== undefined && repetitions !== -1 && repetitions <= 1) return undefined;
  if (interval.kind === 'cron') {
    const cron = parseCron(interval.expression);
    return cron.ok ? nextCronFire(cron.value, firedAt) : undefined;
  }
  const duration = parseIsoDuration(interval.iso);
  if (!duration.ok) return undefined;
  const next = addDuration(firedAt, duration.value, interval.zone);
  return Number.isNaN(next) ? undefined : next;
}

/**
 * Deploy-time check. A static value is parsed fully; an '=' expression can
 * only be checked for FEEL syntax, since its value depends on the variables.
 */
export function checkStaticTimer(definition: TimerDefinition): TimerResult<true> {
  if (isExpression(definition.raw)) {
    const syntax = parseCheck(definition.raw);
    return syntax.ok ? ok(true) : fail(`invalid timer expression: ${syntax.message}`);
  }
  if (definition.raw.trim() === '') return fail(`the timer ${definition.kind} is empty`);
  // `now` only shifts due times, so any instant serves for validation.
  const result = fromText(definition.kind, definition.raw, 0);
  return result.ok ? ok(true) : result;
}
