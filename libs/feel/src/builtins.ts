/**
 * All functions we add on top of feelin. They are passed to feelin as context
 * entries: feelin resolves a name from the context before its own built-ins,
 * and its parser learns names with spaces (e.g. `is defined`) from the
 * context keys, which is how these end up callable like native built-ins.
 */
import { ARITH_FUNCTION } from './syntax';
import { arithmetic } from './arithmetic';
import { coreBuiltins } from './builtins-core';
import { collectionBuiltins } from './builtins-collections';
import { temporalBuiltins } from './builtins-temporal';
import { cycleBuiltins } from './builtins-cycle';

export const extraBuiltins: Readonly<Record<string, unknown>> = Object.freeze({
  ...coreBuiltins,
  ...collectionBuiltins,
  ...temporalBuiltins,
  ...cycleBuiltins,
  [ARITH_FUNCTION]: arithmetic,
});
