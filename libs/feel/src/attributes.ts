/**
 * BPMN attributes that hold either a static value or an `=expression`
 * (zeebe:taskDefinition type, candidateGroups, retries, ...).
 */
import { evaluate, evaluateTyped, isExpression } from './evaluate';
import { FeelResult, failure, success } from './result';

export function evaluateAttribute(raw: string, variables: Record<string, unknown>): FeelResult {
  return isExpression(raw) ? evaluate(raw, variables) : success(raw);
}

export function evaluateString(raw: string, variables: Record<string, unknown>): FeelResult<string> {
  if (!isExpression(raw)) return success(raw);
  return evaluateTyped(raw, variables, 'STRING', (v): v is string => typeof v === 'string');
}

export function evaluateNumber(raw: string, variables: Record<string, unknown>): FeelResult<number> {
  if (isExpression(raw)) {
    return evaluateTyped(raw, variables, 'NUMBER', (v): v is number => typeof v === 'number');
  }
  const text = String(raw ?? '').trim();
  // Number('') is 0 and Number('0x10') is 16; a static attribute must be a plain decimal.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) {
    return failure(`Expected static value '${raw}' to be a number, but it is not a valid number`);
  }
  return success(Number(text));
}

export function evaluateList(raw: string, variables: Record<string, unknown>): FeelResult<unknown[]> {
  if (!isExpression(raw)) {
    return failure(`Expected '${raw}' to be an expression that evaluates to a list ('=...'), but it is a static value`);
  }
  return evaluateTyped(raw, variables, 'ARRAY', (v): v is unknown[] => Array.isArray(v));
}

/** Static form is a comma separated list ("a, b"), as Zeebe accepts for candidateGroups/candidateUsers. */
export function evaluateStringList(raw: string, variables: Record<string, unknown>): FeelResult<string[]> {
  if (!isExpression(raw)) {
    return success(
      String(raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    );
  }
  // A single string is accepted too (e.g. "=assigneeGroup"), as Zeebe does for candidate groups.
  const result = evaluateTyped(
    raw,
    variables,
    'ARRAY',
    (v): v is unknown[] | string => Array.isArray(v) || typeof v === 'string',
  );
  if (!result.ok) return result;
  if (typeof result.value === 'string') return success([result.value]);
  const bad = result.value.find((item) => typeof item !== 'string');
  if (bad !== undefined) {
    return failure(
      `Expected result of the expression '${raw.replace(/^\s*=/, '').trim()}' to be a list of strings, but it contains '${bad === null ? 'null' : typeof bad}'`,
    );
  }
  return success(result.value as string[]);
}
