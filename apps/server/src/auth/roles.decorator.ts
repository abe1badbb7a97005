import { SetMetadata } from '@nestjs/common';
import type { Role } from './auth-user';

export const ROLES_KEY = 'brobygger:roles';
export const PUBLIC_KEY = 'brobygger:public';

/** Only users with one of these roles may call the route (checked by RolesGuard). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The route needs no sign-in (sign-in itself, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
