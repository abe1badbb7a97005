import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser, Role } from './auth-user';
import { ROLES_KEY } from './roles.decorator';

/**
 * Refuses (403) a signed-in user without one of the roles a route names with @Roles(...); a route
 * without @Roles still needs one of the three roles.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!roles || roles.length === 0) {
      // Without @Roles any signed-in user with one of our roles may call; open routes have no user.
      if (!user || user.roles.length > 0) return true;
      throw new ForbiddenException('This needs a role (caseworker, supervisor or process-owner)');
    }
    if (user && user.roles.some((role) => roles.includes(role))) return true;
    throw new ForbiddenException(`This needs the role ${roles.join(' or ')}`);
  }
}
