/**
 * Expression evaluation on top of feelin with Zeebe's semantics: missing
 * variables are null, decimal arithmetic, Camunda's extra built-ins, and
 * failures reported as values (never thrown) with Zeebe-style messages.
 */
import { evaluate as feelinEvaluate } from 'feelin';
import { extraBuiltins } from './builtins';
import { FeelResult, failure, success } from './result';
import { resultTypeOf, ResultType } from './result-types';
import { FeelEvaluationFailure, FeelWarning, withWarningSink } from './runtime';
import { checkSyntax, rewriteArithmetic } from './syntax';

const EXPRESSION_MARKER = /^\s*=/;

export function isExpression(raw: string | undefined | null): boolean {
  return typeof raw === 'string' && EXPRESSION_MARKER.test(raw);
}

/** The expression text without the leading '=' and surrounding whitespace. */
export function stripMarker(expression: string): string {
  return expression.replace(EXPRESSION_MARKER, '').trim();
}

function buildContext(variables: Record<string, unknown>): Record<string, unknown> {
  // Variables come second so a process variable shadows an added built-in of the
  // same name, consistent with how feelin treats its own built-ins.
  return { ...extraBuiltins, ...(variables ?? {}) };
}

/** feelin reports an unknown function as "Variable 'f' not found" followed by "Cannot invoke 'null'". */
function unknownFunctionMessage(warnings: FeelWarning[]): string | null {
  const index = warnings.findIndex((w) => w.type === 'NO_FUNCTION_FOUND');
  if (index < 0) return null;
  const name = /^Variable '(.+)' not found$/.exec(warnings[index - 1]?.message ?? '')?.[1];
  return name ? `no function found with name '${name}'` : warnings[index].message;
}

function syntaxFailure(expression: string, message: string): FeelResult<never> {
  return failure(`failed to parse expression '${expression}': ${message}`);
}

interface Evaluated {
  value: unknown;
  warnings: FeelWarning[];
}

function run(expression: string, variables: Record<string, unknown>): FeelResult<Evaluated> {
  const source = stripMarker(String(expression ?? ''));
  try {
    const context = buildContext(variables);
    const problem = checkSyntax(source, context);
    if (problem) return syntaxFailure(source, problem.message);
    const { result, warnings: extra } = withWarningSink(() =>
      feelinEvaluate(rewriteArithmetic(source, context), context),
    );
    const warnings = [...result.warnings.map(({ type, message }) => ({ type, message })), ...extra];
    const unknownFunction = unknownFunctionMessage(warnings);
    if (unknownFunction) return failure(`failed to evaluate expression '${source}': ${unknownFunction}`);
    const value = result.value;
    // NaN/Infinity cannot exist in Zeebe's decimal numbers.
    return success({ value: typeof value === 'number' && !Number.isFinite(value) ? null : (value ?? null), warnings });
  } catch (error) {
    if (error instanceof FeelEvaluationFailure) {
      return failure(`Assertion failure on evaluate the expression '${source}': ${error.message}`);
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && 'position' in error) return syntaxFailure(source, message);
    return failure(`failed to evaluate expression '${source}': ${message}`);
  }
}

export function evaluate(expression: string, variables: Record<string, unknown>): FeelResult {
  const result = run(expression, variables);
  return result.ok ? success(result.value.value) : result;
}

function describeWarnings(warnings: FeelWarning[]): string {
  if (warnings.length === 0) return '';
  return ` The evaluation reported the following warnings:\n${warnings.map((w) => `[${w.type}] ${w.message}`).join('\n')}`;
}

/**
 * Evaluate and require a result type; the message follows Zeebe's wording and,
 * like Zeebe, lists the warnings that explain an unexpected null.
 */
export function evaluateTyped<T>(
  expression: string,
  variables: Record<string, unknown>,
  expected: ResultType,
  accept: (value: unknown) => value is T,
): FeelResult<T> {
  const result = run(expression, variables);
  if (!result.ok) return result;
  const { value, warnings } = result.value;
  if (accept(value)) return success(value);
  return failure(
    `Expected result of the expression '${stripMarker(expression)}' to be '${expected}', but was '${resultTypeOf(value)}'.` +
      describeWarnings(warnings),
  );
}

export function evaluateBoolean(expression: string, variables: Record<string, unknown>): FeelResult<boolean> {
  return evaluateTyped(expression, variables, 'BOOLEAN', (v): v is boolean => typeof v === 'boolean');
}

export function parseCheck(expression: string): FeelResult<true> {
  const source = stripMarker(String(expression ?? ''));
  try {
    const problem = checkSyntax(source, { ...extraBuiltins });
    return problem ? syntaxFailure(source, problem.message) : success(true);
  } catch (error) {
    return syntaxFailure(source, error instanceof Error ? error.message : String(error));
  }
}
