import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, AppConfig, AuthConfig } from '@brobygger/config';
import { AuthUser, isRole } from './auth-user';
import { claimAt } from './claims';

/** Where development keeps its generated signing secret (git-ignored with the rest of `.data`). */
export const DEVELOPMENT_SECRET_FILE = '.data/jwt.secret';
/** Issuer and audience of the tokens this server signs itself. */
const SELF = 'brobygger';

function developmentSecret(file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': of two processes starting together, one writes and both then read the same secret.
    writeFileSync(file, randomBytes(48).toString('base64url') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

export class InvalidToken extends Error {}

type Oidc = NonNullable<AuthConfig['oidc']>;

/**
 * Issues the built-in sign-in's tokens (HS256) and verifies bearer tokens: ours, or, when an OIDC
 * provider is configured, the provider's, against its published keys (JWKS).
 */
@Injectable()
export class TokenService {
  private readonly secret: Uint8Array;
  private readonly ttlSeconds: number;
  private readonly oidc?: Oidc;
  private jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secret = new TextEncoder().encode(
      config.auth.jwtSecret ?? developmentSecret(resolve(DEVELOPMENT_SECRET_FILE)),
    );
    this.ttlSeconds = config.auth.tokenTtlSeconds;
    this.oidc = config.auth.oidc;
  }

  async issue(user: AuthUser): Promise<{ accessToken: string; expiresAt: string }> {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({
      name: user.displayName,
      roles: user.roles,
      groups: user.groups,
      job_centre: user.jobCentreId,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.username)
      .setIssuer(SELF)
      .setAudience(SELF)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.secret);
    return { accessToken, expiresAt: new Date((now + this.ttlSeconds) * 1000).toISOString() };
  }

  /** The user a bearer token names; throws InvalidToken for anything not valid now. */
  async verify(token: string): Promise<AuthUser> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new InvalidToken('malformed token');
    }
    try {
      if (this.oidc && issuer === this.oidc.issuer) return await this.verifyOidc(token, this.oidc);
      const { payload } = await jwtVerify(token, this.secret, { issuer: SELF, audience: SELF, algorithms: ['HS256'] });
      return {
        username: String(payload.sub),
        displayName: typeof payload.name === 'string' ? payload.name : String(payload.sub),
        roles: Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [],
        groups: strings(payload.groups),
        jobCentreId: typeof payload.job_centre === 'string' ? payload.job_centre : null,
      };
    } catch (error) {
      throw error instanceof InvalidToken ? error : new InvalidToken((error as Error).message);
    }
  }

  private async verifyOidc(token: string, oidc: Oidc): Promise<AuthUser> {
    const { payload } = await jwtVerify(token, await this.keysOf(oidc), {
      issuer: oidc.issuer,
      audience: oidc.audience,
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
    });
    return userFromClaims(payload, oidc);
  }

  private async keysOf(oidc: Oidc) {
    if (!this.jwks) {
      let uri = oidc.jwksUri;
      if (!uri) {
        const discovery = `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
        const response = await fetch(discovery);
        if (!response.ok) throw new InvalidToken(`OIDC discovery failed (${response.status})`);
        uri = ((await response.json()) as { jwks_uri?: string }).jwks_uri;
        if (!uri) throw new InvalidToken('the OIDC discovery document names no jwks_uri');
      }
      this.jwks = createRemoteJWKSet(new URL(uri));
    }
    return this.jwks;
  }
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

/** An OIDC provider's claims as our user, by the claim paths in the configuration. */
export function userFromClaims(payload: JWTPayload, oidc: Oidc): AuthUser {
  const username = claimAt(payload, oidc.usernameClaim) ?? payload.sub;
  if (typeof username !== 'string' || !username) throw new InvalidToken('the token names no user');
  const name = claimAt(payload, oidc.nameClaim);
  const jobCentre = claimAt(payload, oidc.jobCentreClaim);
  return {
    username,
    displayName: typeof name === 'string' ? name : username,
    roles: strings(claimAt(payload, oidc.rolesClaim)).filter(isRole),
    // Keycloak writes group paths ("/jobcentre-north"); candidate groups are plain names.
    groups: strings(claimAt(payload, oidc.groupsClaim)).map((g) => g.replace(/^\//, '')),
    jobCentreId: typeof jobCentre === 'string' ? jobCentre : null,
  };
}
