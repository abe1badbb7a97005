import { ConfigError, loadConfig } from './schema';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(8080);
    expect(config.gateway.port).toBe(26500);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.zeebeAddress).toBe('localhost:26500');
  });

  it('names every wrong variable and what it expects', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', ZEEBE_GATEWAY_PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be a TCP port number between 1 and 65535 (got "eighty")',
        'ZEEBE_GATEWAY_PORT must be a TCP port number between 1 and 65535 (got "70000")',
        expect.stringContaining('LOG_LEVEL must be one of'),
      ]),
    );
  });

  it('never echoes a database URL that may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'secret-password@nowhere' })).toThrow(/DATABASE_URL must be a URL/);
    expect(() => loadConfig({ DATABASE_URL: 'secret-password@nowhere' })).not.toThrow(/secret-password/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@h/db' })).toThrow(/postgres:\/\//);
  });

  it('derives the workers’ gateway address from the gateway port', () => {
    expect(loadConfig({ ZEEBE_GATEWAY_PORT: '26600' }).zeebeAddress).toBe('localhost:26600');
    expect(loadConfig({ ZEEBE_ADDRESS: 'zeebe.example:443' }).zeebeAddress).toBe('zeebe.example:443');
  });

  it('requires a 32-byte CPR key in production and never echoes it', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({}).cprEncryptionKey).toBeUndefined();
    const jwt = 'j'.repeat(32); // production also needs a sign-in secret (or OIDC)
    expect(loadConfig({ NODE_ENV: 'production', CPR_ENCRYPTION_KEY: key, AUTH_JWT_SECRET: jwt }).cprEncryptionKey).toBe(
      key,
    );
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /CPR_ENCRYPTION_KEY is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ CPR_ENCRYPTION_KEY: 'c2hvcnQta2V5' })).toThrow(/exactly 32 bytes/);
    expect(() => loadConfig({ CPR_ENCRYPTION_KEY: 'c2hvcnQta2V5' })).not.toThrow(/c2hvcnQta2V5/);
  });

  it('adopts seeded cases by default in development only, and reads SEED_ADOPT_CASES as a boolean', () => {
    const production = { NODE_ENV: 'production', CPR_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };
    const jwt = { AUTH_JWT_SECRET: 'j'.repeat(32) };
    expect(loadConfig({}).seedAdoptCases).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedAdoptCases).toBe(false);
    expect(loadConfig({ ...production, ...jwt }).seedAdoptCases).toBe(false);
    expect(loadConfig({ ...production, ...jwt, SEED_ADOPT_CASES: 'true' }).seedAdoptCases).toBe(true);
    expect(loadConfig({ SEED_ADOPT_CASES: 'false' }).seedAdoptCases).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', SEED_ADOPT_CASES: '1' }).seedAdoptCases).toBe(true);
    expect(() => loadConfig({ SEED_ADOPT_CASES: 'maybe' })).toThrow(
      /SEED_ADOPT_CASES must be true or false \(got "maybe"\)/,
    );
  });
});
