import { loadConfig } from './schema';

describe('loadConfig: sign-in', () => {
  it('defaults to built-in users with 8-hour tokens and a generated development secret', () => {
    const { auth } = loadConfig({});
    expect(auth).toEqual({ jwtSecret: undefined, tokenTtlSeconds: 8 * 3600, oidc: undefined });
  });

  it('requires a sign-in secret in production unless an OIDC provider signs the tokens', () => {
    const cpr = Buffer.alloc(32, 1).toString('base64');
    expect(() => loadConfig({ NODE_ENV: 'production', CPR_ENCRYPTION_KEY: cpr })).toThrow(
      /AUTH_JWT_SECRET is required/,
    );
    const oidc = loadConfig({
      NODE_ENV: 'production',
      CPR_ENCRYPTION_KEY: cpr,
      OIDC_ISSUER: 'https://login.example.dk/realms/jobcentre',
      OIDC_AUDIENCE: 'brobygger',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
    });
    expect(oidc.auth.oidc).toMatchObject({
      issuer: 'https://login.example.dk/realms/jobcentre',
      audience: 'brobygger',
      rolesClaim: 'realm_access.roles',
      groupsClaim: 'groups',
      usernameClaim: 'preferred_username',
    });
  });

  it('rejects a short secret without echoing it, and OIDC without an audience', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'tooshort' })).toThrow(/at least 32 characters/);
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'tooshort' })).not.toThrow(/tooshort/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example' })).toThrow(/OIDC_AUDIENCE is required/);
    expect(() => loadConfig({ AUTH_TOKEN_TTL_SECONDS: '-5' })).toThrow(/AUTH_TOKEN_TTL_SECONDS/);
  });
});
