import { invalidArgument } from './errors';

/** The tenant every answer names: what Zeebe reports when multi-tenancy is disabled. */
export const DEFAULT_TENANT = '<default>';

/**
 * Brobygger runs single-tenant. Zeebe with multi-tenancy disabled accepts only the default tenant
 * (or none) and rejects anything else, so clients configured for a tenant fail loudly instead of
 * silently sharing data.
 */
export function ensureDefaultTenant(tenantId: string | undefined, rpc: string): void {
  if (tenantId === undefined || tenantId === '' || tenantId === DEFAULT_TENANT) return;
  throw invalidArgument(
    `Expected to handle gRPC request ${rpc} with tenant identifier '${tenantId}', but multi-tenancy is disabled`,
  );
}

export function ensureDefaultTenants(tenantIds: string[] | undefined, rpc: string): void {
  for (const tenantId of tenantIds ?? []) ensureDefaultTenant(tenantId, rpc);
}

export function ensureNotEmpty(value: string | undefined, argument: string, rpc: string): string {
  if (value === undefined || value.trim() === '') {
    throw invalidArgument(`Expected argument '${argument}' of ${rpc} to be neither null nor empty, but it was`);
  }
  return value;
}

export function ensureAtLeast(value: number, minimum: number, argument: string, rpc: string): number {
  if (!(value >= minimum)) {
    throw invalidArgument(
      `Expected argument '${argument}' of ${rpc} to be greater than or equal to ${minimum}, but was ${value}`,
    );
  }
  return value;
}

/**
 * int64 fields arrive as decimal strings (proto-loader `longs: String`). Durations and counts fit a
 * double comfortably; anything unparsable is treated as absent (0), as protobuf would.
 */
export function int64ToNumber(value: string | number | undefined): number {
  const parsed = typeof value === 'number' ? value : Number(value ?? 0);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** Keys stay strings; normalise so "0"/"" (protobuf's "not set") can be recognised. */
export function isUnsetKey(key: string | undefined): boolean {
  return key === undefined || key === '' || key === '0';
}
