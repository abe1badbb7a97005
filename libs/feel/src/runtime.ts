/**
 * Per-evaluation state shared between the evaluator and the custom built-ins.
 *
 * feelin reports problems as warnings and evaluates them to null, but our
 * built-ins are plain functions without access to feelin's warning list, so
 * they report into this sink instead. Evaluation is synchronous, so a single
 * module-level slot is safe.
 */
import { isDate, isDateTime, isDuration, isFunction, isRange, isTime } from './feel-types';

export interface FeelWarning {
  type: string;
  message: string;
}

let sink: FeelWarning[] | null = null;

export function withWarningSink<T>(run: () => T): { result: T; warnings: FeelWarning[] } {
  const previous = sink;
  const warnings: FeelWarning[] = [];
  sink = warnings;
  try {
    return { result: run(), warnings };
  } finally {
    sink = previous;
  }
}

export function warn(type: string, message: string): null {
  sink?.push({ type, message });
  return null;
}

/** Thrown by built-ins whose failure must fail the evaluation (e.g. assert). */
export class FeelEvaluationFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeelEvaluationFailure';
  }
}

/** Attach FEEL parameter names to a JS function, as feelin expects for context functions. */
export function feelFunction<F extends (...args: never[]) => unknown>(parameterNames: string[], fn: F): F {
  (fn as unknown as { $args: string[] }).$args = parameterNames;
  return fn;
}

export function isContextValue(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** FEEL type name as used in feelin/feel-scala warnings. */
export function feelTypeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'list';
  if (isDate(value)) return 'date';
  if (isTime(value)) return 'time';
  if (isDateTime(value)) return 'date and time';
  if (isDuration(value)) return 'duration';
  if (isRange(value)) return 'range';
  if (isFunction(value) || typeof value === 'function') return 'function';
  if (isContextValue(value)) return 'context';
  return 'unknown';
}

/** Warn about an argument of the wrong type and evaluate to null, as FEEL does. */
export function invalidArgument(fn: string, parameter: string, expected: string, actual: unknown): null {
  return warn('INVALID_ARGUMENTS', `${fn}: expected '${parameter}' to be ${expected}, but was ${feelTypeOf(actual)}`);
}
