/**
 * Parsing, syntax checking and the arithmetic rewrite.
 *
 * feelin evaluates `+ - * / **` on doubles internally and offers no hook for
 * operators, so before evaluation we rewrite every arithmetic node into a call
 * of a helper function (ARITH_FUNCTION) that does decimal arithmetic. Working
 * on the lezer parse tree keeps everything else (names with spaces, strings,
 * comments) byte-for-byte as written.
 */
import { parseExpression } from 'feelin';

/** Reserved context entry; the leading underscores keep it out of users' way. */
export const ARITH_FUNCTION = '__brobygger_arith';

export interface SyntaxProblem {
  message: string;
  position: { from: number; to: number };
}

// Structural view of the lezer nodes we use; avoids depending on @lezer/common types.
interface TreeNode {
  from: number;
  to: number;
  type: { name: string; isError: boolean; isSkipped: boolean };
  firstChild: TreeNode | null;
  nextSibling: TreeNode | null;
}

interface Tree {
  topNode: TreeNode;
  iterate(spec: { enter(node: { from: number; to: number; type: TreeNode['type'] }): boolean | void }): void;
}

function parseTree(expression: string, context: Record<string, unknown>): Tree {
  return parseExpression(expression, context, undefined) as unknown as Tree;
}

function parse(expression: string, context: Record<string, unknown>): TreeNode {
  return parseTree(expression, context).topNode;
}

function children(node: TreeNode): TreeNode[] {
  const result: TreeNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (!child.type.isSkipped) result.push(child);
  }
  return result;
}

interface Span {
  from: number;
  to: number;
}

function findError(tree: Tree): Span | null {
  let found: Span | null = null;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.type.isError) found = { from: node.from, to: node.to };
    },
  });
  return found;
}

function describeError(expression: string, error: Span): SyntaxProblem {
  const rest = expression.slice(error.from).trimStart();
  if (rest.length === 0) {
    return {
      message: `syntax error at position ${error.from}: unexpected end of expression`,
      position: { from: error.from, to: error.to },
    };
  }
  const token = /^\S{1,20}/.exec(rest)?.[0] ?? rest.slice(0, 1);
  return {
    message: `syntax error at position ${error.from}: unexpected '${token}'`,
    position: { from: error.from, to: error.to },
  };
}

/**
 * Parse with the given variables in scope (feelin needs them to recognise
 * names containing spaces) and report the first syntax error, if any.
 */
export function checkSyntax(expression: string, context: Record<string, unknown>): SyntaxProblem | null {
  if (expression.trim().length === 0) {
    return { message: 'expression is empty', position: { from: 0, to: 0 } };
  }
  const error = findError(parseTree(expression, context));
  return error ? describeError(expression, error) : null;
}

function rewriteNode(expression: string, node: TreeNode): string {
  const parts = children(node);
  if (node.type.name === 'ArithmeticExpression') {
    if (parts.length === 3 && parts[1].type.name === 'ArithOp') {
      const op = expression.slice(parts[1].from, parts[1].to);
      return `${ARITH_FUNCTION}(${JSON.stringify(op)}, ${rewriteNode(expression, parts[0])}, ${rewriteNode(expression, parts[2])})`;
    }
    if (parts.length === 2 && parts[0].type.name === 'ArithOp') {
      const op = expression.slice(parts[0].from, parts[0].to);
      if (op === '-') return `${ARITH_FUNCTION}("neg", ${rewriteNode(expression, parts[1])}, null)`;
    }
  }
  if (parts.length === 0) return expression.slice(node.from, node.to);
  let out = '';
  let cursor = node.from;
  for (const child of parts) {
    out += expression.slice(cursor, child.from) + rewriteNode(expression, child);
    cursor = child.to;
  }
  return out + expression.slice(cursor, node.to);
}

/** Rewrite arithmetic to decimal helper calls; expects a syntactically valid expression. */
export function rewriteArithmetic(expression: string, context: Record<string, unknown>): string {
  // Skip the second parse for the many expressions without arithmetic.
  if (!/[-+*/]/.test(expression)) return expression;
  return rewriteNode(expression, parse(expression, context));
}
