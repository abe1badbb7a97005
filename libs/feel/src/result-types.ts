/**
 * Zeebe's names for result types, used in its "Expected result of the
 * expression ... to be 'X', but was 'Y'" incident messages, so operators see
 * the same wording they know from Camunda.
 */
import { isDate, isDateTime, isDuration, isTime } from './feel-types';
import { isContextValue } from './runtime';

export type ResultType =
  | 'NULL'
  | 'BOOLEAN'
  | 'NUMBER'
  | 'STRING'
  | 'ARRAY'
  | 'OBJECT'
  | 'DATE'
  | 'TIME'
  | 'DATE_TIME'
  | 'DURATION'
  | 'PERIOD'
  | 'UNKNOWN';

export function resultTypeOf(value: unknown): ResultType {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (isDate(value)) return 'DATE';
  if (isTime(value)) return 'TIME';
  if (isDateTime(value)) return 'DATE_TIME';
  if (isDuration(value)) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (isContextValue(value)) return 'OBJECT';
  return 'UNKNOWN';
}
