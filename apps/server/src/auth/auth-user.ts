/** The three kinds of user (README): what each may do is decided by `@Roles(...)` on a route. */
export const ROLES = ['caseworker', 'supervisor', 'process-owner'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling, whether signed in here or through an OIDC provider. */
export interface AuthUser {
  username: string;
  displayName: string;
  roles: Role[];
  /** Candidate groups of user tasks, e.g. `job-consultants`, `jobcentre-north`. */
  groups: string[];
  /** The job centre (tenant) the user works for. */
  jobCentreId: string | null;
}
