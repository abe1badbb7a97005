import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import type { AuthUser } from './auth-user';
import { PUBLIC_KEY } from './roles.decorator';
import { InvalidToken, TokenService } from './token.service';

/** The OpenAPI document (`/api/docs`, its assets, `/api/docs-json`) is open to all. */
function isOpenApiDocument(path: string): boolean {
  return path === '/api/docs' || path.startsWith('/api/docs/') || path === '/api/docs-json';
}

/**
 * Requires a valid bearer token on every /api route that is not @Public(); the user it names is
 * put on the request. Routes outside /api (health probes, the web app) stay open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<IncomingMessage & { path: string; user?: AuthUser }>();
    if (request.user) return true; // a guard on the controller after the global one
    const open = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (open || !request.path.startsWith('/api/') || isOpenApiDocument(request.path)) return true;
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedException('Sign in first');
    try {
      request.user = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidToken) throw new UnauthorizedException('The sign-in has expired or is not valid');
      throw error;
    }
    return true;
  }
}
