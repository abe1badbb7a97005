/**
 * Type guards for feelin's value classes. feelin exports the classes but not
 * its own guards, and we must recognise its values to convert them to JSON
 * and to type-check results the way Zeebe does.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelFunction, FeelRange, FeelTime } from 'feelin';

export function isDate(value: unknown): value is FeelDate {
  return value instanceof FeelDate;
}

export function isTime(value: unknown): value is FeelTime {
  return value instanceof FeelTime;
}

export function isDateTime(value: unknown): value is FeelDateTime {
  return value instanceof FeelDateTime;
}

export function isDuration(value: unknown): value is FeelDuration {
  return value instanceof FeelDuration;
}

export function isRange(value: unknown): value is FeelRange {
  return value instanceof FeelRange;
}

export function isFunction(value: unknown): value is FeelFunction {
  return value instanceof FeelFunction;
}
