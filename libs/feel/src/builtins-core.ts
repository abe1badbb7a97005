/**
 * Camunda extension built-ins for booleans, strings and numbers that feelin
 * lacks, plus decimal-exact replacements for feelin's numeric functions
 * (which compute on doubles, see decimal.ts).
 */
import { randomUUID } from 'crypto';
import * as decimal from './decimal';
import { FeelEvaluationFailure, feelFunction, invalidArgument, warn } from './runtime';

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `f(1, 2, 3)` and `f([1, 2, 3])` are both allowed for aggregate functions. */
function varargList(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
}

function numbersOf(fn: string, args: unknown[]): number[] | null {
  const list = varargList(args);
  const bad = list.find((v) => !isNumber(v));
  if (bad !== undefined) return invalidArgument(fn, 'list', 'a list of numbers', bad);
  return list as number[];
}

function rounding(name: string, mode: decimal.RoundingMode, scaleRequired: boolean) {
  return feelFunction(['n', 'scale'], (n: unknown, scale: unknown) => {
    if (!isNumber(n)) return invalidArgument(name, 'n', 'a number', n);
    const effectiveScale = scale === undefined && !scaleRequired ? 0 : scale;
    if (!isNumber(effectiveScale) || !Number.isInteger(effectiveScale)) {
      return invalidArgument(name, 'scale', 'an integer', scale);
    }
    return decimal.round(n, effectiveScale, mode);
  });
}

export const coreBuiltins: Record<string, unknown> = {
  // Since Camunda 8.4 null counts as not defined; missing variables are null too.
  'is defined': feelFunction(['value'], (value: unknown) => value !== null && value !== undefined),

  'get or else': feelFunction(['value', 'default'], (value: unknown, fallback: unknown) =>
    value === null || value === undefined ? (fallback ?? null) : value,
  ),

  // The one built-in that fails the evaluation instead of returning null, by design.
  assert: feelFunction(['value', 'condition', 'cause'], (value: unknown, condition: unknown, cause: unknown) => {
    if (condition === true) return value;
    throw new FeelEvaluationFailure(isString(cause) ? cause : 'The condition is not fulfilled');
  }),

  trim: feelFunction(['string'], (s: unknown) =>
    isString(s) ? s.trim() : invalidArgument('trim', 'string', 'a string', s),
  ),

  'is blank': feelFunction(['string'], (s: unknown) =>
    isString(s) ? s.trim().length === 0 : invalidArgument('is blank', 'string', 'a string', s),
  ),

  extract: feelFunction(['string', 'pattern'], (s: unknown, pattern: unknown) => {
    if (!isString(s)) return invalidArgument('extract', 'string', 'a string', s);
    if (!isString(pattern)) return invalidArgument('extract', 'pattern', 'a string', pattern);
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, 'gu');
    } catch {
      return warn('INVALID_ARGUMENTS', `extract: invalid pattern '${pattern}'`);
    }
    return Array.from(s.matchAll(regex), (m) => m[0]);
  }),

  uuid: feelFunction([], () => randomUUID()),

  'to base64': feelFunction(['value'], (s: unknown) =>
    isString(s) ? Buffer.from(s, 'utf8').toString('base64') : invalidArgument('to base64', 'value', 'a string', s),
  ),

  // feelin's version has no prefix/suffix (Camunda 8.x signature).
  'string join': feelFunction(
    ['list', 'delimiter', 'prefix', 'suffix'],
    (list: unknown, delimiter: unknown, prefix: unknown, suffix: unknown) => {
      if (!Array.isArray(list)) return invalidArgument('string join', 'list', 'a list of strings', list);
      const bad = list.find((v) => v !== null && !isString(v));
      if (bad !== undefined) return invalidArgument('string join', 'list', 'a list of strings', bad);
      for (const [name, v] of [
        ['delimiter', delimiter],
        ['prefix', prefix],
        ['suffix', suffix],
      ] as const) {
        if (v !== undefined && v !== null && !isString(v)) return invalidArgument('string join', name, 'a string', v);
      }
      const joined = list.filter(isString).join(isString(delimiter) ? delimiter : '');
      return `${isString(prefix) ? prefix : ''}${joined}${isString(suffix) ? suffix : ''}`;
    },
  ),

  'random number': feelFunction([], () => Math.random()),

  sum: feelFunction(['...list'], (...args: unknown[]) => {
    const list = numbersOf('sum', args);
    return list === null || list.length === 0 ? null : decimal.sumOf(list);
  }),

  product: feelFunction(['...list'], (...args: unknown[]) => {
    const list = numbersOf('product', args);
    if (list === null || list.length === 0) return null;
    return list.reduce<number | null>((acc, n) => (acc === null ? null : decimal.multiply(acc, n)), 1);
  }),

  mean: feelFunction(['...list'], (...args: unknown[]) => {
    const list = numbersOf('mean', args);
    if (list === null || list.length === 0) return null;
    const total = decimal.sumOf(list);
    return total === null ? null : decimal.divide(total, list.length);
  }),

  modulo: feelFunction(['dividend', 'divisor'], (a: unknown, b: unknown) => {
    if (!isNumber(a)) return invalidArgument('modulo', 'dividend', 'a number', a);
    if (!isNumber(b)) return invalidArgument('modulo', 'divisor', 'a number', b);
    if (b === 0) return warn('INVALID_ARGUMENTS', `modulo: can't divide '${a}' by zero`);
    // FEEL's modulo takes the sign of the divisor: a - b * floor(a / b)
    const quotient = decimal.divide(a, b);
    const floored = quotient === null ? null : decimal.round(quotient, 0, 'floor');
    const product = floored === null ? null : decimal.multiply(b, floored);
    return product === null ? null : decimal.subtract(a, product);
  }),

  decimal: rounding('decimal', 'half-even', true),
  floor: rounding('floor', 'floor', false),
  ceiling: rounding('ceiling', 'ceiling', false),
  'round up': rounding('round up', 'up', true),
  'round down': rounding('round down', 'down', true),
  'round half up': rounding('round half up', 'half-up', true),
  'round half down': rounding('round half down', 'half-down', true),
};
