/**
 * FEEL layer of the Brobygger engine: Camunda 8 / Zeebe FEEL semantics on top
 * of the feelin interpreter.
 */
export type { FeelResult } from './result';
export { isExpression, evaluate, evaluateBoolean, parseCheck } from './evaluate';
export { evaluateAttribute, evaluateString, evaluateNumber, evaluateList, evaluateStringList } from './attributes';
export { toJsonValue } from './json';
