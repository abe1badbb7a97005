import { createHash } from 'node:crypto';

/**
 * A UUID derived from its parts, so that a job delivered twice creates the same record twice —
 * which the domain services turn into "already there" — instead of two records.
 */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Version 8 (custom) and the RFC 4122 variant, so the value is a well-formed UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
