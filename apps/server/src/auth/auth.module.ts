import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@brobygger/config';
import { AppUser } from './app-user.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { SignInThrottle } from './sign-in-throttle';
import { RolesGuard } from './roles.guard';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

/** Sign-in, tokens and the guards (ADR 0006). createServer makes the guards global (enableAuthGuards). */
@Module({
  imports: [TypeOrmModule.forFeature([AppUser])],
  controllers: [AuthController],
  providers: [UsersService, TokenService, AuthGuard, RolesGuard, SignInThrottle],
  exports: [UsersService, TokenService, AuthGuard, RolesGuard],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('Auth');
  }

  /** Outside production, the demo users exist from the first start (README, "Demo users"). */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.nodeEnv === 'production') return;
    const created = await this.users.ensureDemoUsers();
    if (created.length > 0) this.logger.info({ created }, 'demo users created');
  }
}
