/**
 * timeCycle values. Like Zeebe, text starting with 'R' is an ISO 8601
 * repeating interval and anything else is read as a cron expression:
 *   R5/PT10S                      5 firings, 10 s apart, the first 10 s from now
 *   R/PT1H                        unbounded
 *   R3/2026-12-01T10:00:00Z/PT1H  first firing at the start date, then hourly
 *   0 0 9 * * MON-FRI             cron (see cron.ts), unbounded
 * The other ISO interval forms (start/end, duration/end) are refused: Zeebe
 * does not support them either.
 */
import { CronSchedule, parseCron } from './cron';
import { parseIsoDateTime } from './date-time';
import { IsoDuration, isZeroDuration, parseIsoDuration } from './duration';
import { TimerResult, fail, ok } from './types';

export type ParsedCycle =
  | {
      kind: 'interval';
      /** -1 = unbounded */
      repetitions: number;
      durationText: string;
      duration: IsoDuration;
      start?: { epochMs: number; zone?: string };
    }
  | { kind: 'cron'; expression: string; cron: CronSchedule };

const REPEAT = /^R(\d*)$/i;

export function parseCycle(text: string): TimerResult<ParsedCycle> {
  const source = text.trim();
  if (!/^R/i.test(source)) {
    const cron = parseCron(source);
    if (cron.ok) return ok({ kind: 'cron', expression: source, cron: cron.value });
    return fail(
      `'${text}' is neither an ISO 8601 repeating interval (e.g. R5/PT10S, R/PT1H, R3/2026-12-01T10:00:00Z/PT1H) ` +
        `nor a cron expression (${cron.message})`,
    );
  }
  const bad = (why: string) => fail<ParsedCycle>(`'${text}' is not a valid repeating interval: ${why}`);
  // Zone ids contain '/' too (Europe/Copenhagen): only split on slashes outside [...].
  const parts = source.split(/\/(?![^[]*\])/);
  if (parts.length < 2 || parts.length > 3) return bad('expected R<n>/<duration> or R<n>/<start date-time>/<duration>');
  const repeat = REPEAT.exec(parts[0]);
  if (!repeat) return bad(`'${parts[0]}' must be R followed by a positive number of repetitions, or R alone`);
  const repetitions = repeat[1] === '' ? -1 : Number(repeat[1]);
  if (repetitions === 0 || !Number.isSafeInteger(repetitions))
    return bad('the number of repetitions must be at least 1');
  const durationText = parts[parts.length - 1];
  const duration = parseIsoDuration(durationText);
  if (!duration.ok) return bad(duration.message);
  // A zero interval would make every firing due again at once, forever.
  if (isZeroDuration(duration.value)) return bad('the interval must be longer than zero');
  if (parts.length === 2) return ok({ kind: 'interval', repetitions, durationText, duration: duration.value });
  const start = parseIsoDateTime(parts[1]);
  if (!start.ok) return bad(`the start must be a date-time: ${start.message}`);
  return ok({ kind: 'interval', repetitions, durationText, duration: duration.value, start: start.value });
}
