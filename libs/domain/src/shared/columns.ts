import { randomUUID } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

/** pg returns numeric as a string to keep precision; our numbers (hours, FTE) fit a double. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Ids are made in code so a caller (a worker retrying, the seed) can choose one up front. */
export function newId(): string {
  return randomUUID();
}

/**
 * Drops keys whose value is undefined. DTO instances define every declared field (ES2022 class
 * fields), so an omitted optional field would otherwise overwrite a default when spread.
 */
export function defined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}
