/**
 * Camunda extension built-ins for lists and contexts that feelin lacks or
 * implements with a narrower signature.
 */
import { evaluate as feelinEvaluate } from 'feelin';
import { feelFunction, invalidArgument, isContextValue } from './runtime';

/** FEEL equality (lists, contexts, temporals), delegated to feelin. */
function feelEquals(a: unknown, b: unknown): boolean {
  return feelinEvaluate('a = b', { a, b }).value === true;
}

function lookupPath(context: unknown, keys: unknown[]): unknown {
  let current = context;
  for (const key of keys) {
    if (!isContextValue(current) || typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(current, key)) {
      return null;
    }
    current = current[key];
  }
  return current ?? null;
}

export const collectionBuiltins: Record<string, unknown> = {
  'is empty': feelFunction(['list'], (list: unknown) =>
    Array.isArray(list) ? list.length === 0 : invalidArgument('is empty', 'list', 'a list', list),
  ),

  partition: feelFunction(['list', 'size'], (list: unknown, size: unknown) => {
    if (!Array.isArray(list)) return invalidArgument('partition', 'list', 'a list', list);
    if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
      return invalidArgument('partition', 'size', 'a positive integer', size);
    }
    const parts: unknown[][] = [];
    for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
    return parts;
  }),

  'duplicate values': feelFunction(['list'], (list: unknown) => {
    if (!Array.isArray(list)) return invalidArgument('duplicate values', 'list', 'a list', list);
    const duplicates: unknown[] = [];
    list.forEach((item, index) => {
      const seenBefore = list.slice(0, index).some((other) => feelEquals(other, item));
      if (seenBefore && !duplicates.some((d) => feelEquals(d, item))) duplicates.push(item);
    });
    return duplicates;
  }),

  // Camunda also accepts a list of keys to walk nested contexts.
  'get value': feelFunction(['context', 'key', 'keys'], (context: unknown, key: unknown, keys: unknown) => {
    if (!isContextValue(context)) return invalidArgument('get value', 'context', 'a context', context);
    const path = keys ?? key;
    if (typeof path === 'string') return lookupPath(context, [path]);
    if (Array.isArray(path)) return lookupPath(context, path);
    return invalidArgument('get value', 'key', 'a string or a list of strings', path);
  }),

  // feelin only accepts varargs; Camunda documents `context merge(contexts: list)`.
  'context merge': feelFunction(['...contexts'], (...args: unknown[]) => {
    const contexts = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const bad = contexts.find((c) => !isContextValue(c));
    if (bad !== undefined) return invalidArgument('context merge', 'contexts', 'a list of contexts', bad);
    return Object.assign({}, ...(contexts as Record<string, unknown>[]));
  }),
};
