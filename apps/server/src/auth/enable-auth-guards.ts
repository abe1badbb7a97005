import type { INestApplication } from '@nestjs/common';
import { AuthGuard } from './auth.guard';
import { RolesGuard } from './roles.guard';

/** Puts every /api route behind sign-in (AuthGuard) and @Roles (RolesGuard); createServer calls it. */
export function enableAuthGuards(app: INestApplication): void {
  app.useGlobalGuards(app.get(AuthGuard), app.get(RolesGuard));
}
