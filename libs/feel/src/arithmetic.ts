/**
 * Target of the arithmetic rewrite (see syntax.ts): numbers go through the
 * decimal module, everything else (dates, durations, strings, null) is handed
 * back to feelin so its temporal arithmetic and null semantics stay intact.
 */
import { evaluate as feelinEvaluate } from 'feelin';
import * as decimal from './decimal';
import { feelFunction, warn } from './runtime';

const OPERATORS = new Set(['+', '-', '*', '/', '**']);

function delegate(op: string, left: unknown, right: unknown): unknown {
  const source = op === 'neg' ? '-left' : `left ${op} right`;
  const { value, warnings } = feelinEvaluate(source, { left, right });
  for (const w of warnings) warn(w.type, w.message);
  return value ?? null;
}

function numeric(op: string, left: number, right: number): number | null {
  switch (op) {
    case '+':
      return decimal.add(left, right);
    case '-':
      return decimal.subtract(left, right);
    case '*':
      return decimal.multiply(left, right);
    case '/':
      if (right === 0) return warn('INVALID_ARGUMENTS', `Can't divide '${left}' by zero`);
      return decimal.divide(left, right);
    default:
      return decimal.power(left, right);
  }
}

export const arithmetic = feelFunction(['op', 'left', 'right'], (op: string, left: unknown, right: unknown) => {
  if (op === 'neg') {
    return typeof left === 'number' ? decimal.negate(left) : delegate(op, left, null);
  }
  if (!OPERATORS.has(op)) return warn('UNSUPPORTED', `Unsupported operator '${op}'`);
  if (typeof left === 'number' && typeof right === 'number' && Number.isFinite(left) && Number.isFinite(right)) {
    return numeric(op, left, right);
  }
  return delegate(op, left, right);
});
