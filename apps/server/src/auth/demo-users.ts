import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from './auth-user';
import { hashPassword } from './passwords';

export interface DemoUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  groups: string[];
  jobCentreId: string;
}

/**
 * The demo users of a development database (README, "Demo users"). Their passwords are public:
 * `ensureDemoUsers` is never called in production.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'kim',
    displayName: 'Kim Sagsbehandler',
    password: 'kim-demo-2026',
    roles: ['caseworker'],
    groups: ['jobcentre-north', 'job-consultants', 'company-consultants'],
    jobCentreId: 'jobcentre-north',
  },
  {
    username: 'sara',
    displayName: 'Sara Teamleder',
    password: 'sara-demo-2026',
    roles: ['supervisor'],
    groups: ['jobcentre-north', 'job-consultants', 'company-consultants'],
    jobCentreId: 'jobcentre-north',
  },
  {
    username: 'per',
    displayName: 'Per Procesejer',
    password: 'per-demo-2026',
    roles: ['process-owner'],
    groups: [],
    jobCentreId: 'jobcentre-north',
  },
];

/** The demo user of a role, for tests and the seed. */
export function demoUserFor(role: Role): DemoUser {
  const user = DEMO_USERS.find((u) => u.roles.includes(role));
  if (!user) throw new Error(`no demo user has the role ${role}`);
  return user;
}

/**
 * Creates the demo users that are missing; an existing user (perhaps with a changed password) is
 * left as it is. Safe to call on every start and from the seed.
 */
export async function ensureDemoUsers(db: DataSource | EntityManager): Promise<string[]> {
  const rows = (await db.query(`SELECT username FROM casework.app_user WHERE username = ANY($1)`, [
    DEMO_USERS.map((u) => u.username),
  ])) as { username: string }[];
  const existing = new Set(rows.map((r) => r.username));
  const created: string[] = [];
  for (const user of DEMO_USERS.filter((u) => !existing.has(u.username))) {
    const inserted = (await db.query(
      `INSERT INTO casework.app_user (username, display_name, password_hash, roles, groups, job_centre_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING
       RETURNING username`,
      [user.username, user.displayName, await hashPassword(user.password), user.roles, user.groups, user.jobCentreId],
    )) as unknown[];
    if (inserted.length > 0) created.push(user.username);
  }
  return created;
}
