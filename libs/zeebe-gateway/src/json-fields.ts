import type { Variables } from '@brobygger/engine-core';
import { invalidArgument } from './errors';

/**
 * Parses a JSON-document field of a request (variables travel as JSON text in the Zeebe protocol).
 * An empty string means "no variables", as Zeebe treats it. The error names the field and the
 * parser's complaint but never the content, which may be personal data.
 */
export function parseJsonObject(raw: string | undefined, field: string, rpc: string): Variables {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw invalidArgument(
      `Expected to parse '${field}' of ${rpc} as a JSON object, but got: ${describeParseError(error)}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidArgument(
      `Expected to parse '${field}' of ${rpc} as a JSON object, but got a JSON ${jsonKind(parsed)} instead`,
    );
  }
  return parsed as Variables;
}

export function toJsonText(value: Record<string, unknown>): string {
  return JSON.stringify(value ?? {});
}

/**
 * V8's messages may quote the offending token and an excerpt of the input
 * ("Unexpected token 's', "{"a": secret}" is not valid JSON"), which could leak a value. Keep the
 * kind of mistake and the position, drop the quoted content.
 */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/, ".*" is not valid JSON$/s, ' in JSON')
    .replace(/Unexpected token '[^']*'/, 'Unexpected token')
    .replace(/Unexpected token \S+ in JSON/, 'Unexpected token in JSON');
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
