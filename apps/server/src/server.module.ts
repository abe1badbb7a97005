import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@brobygger/config';
import { DatabaseModule } from '@brobygger/database';
import { httpLoggerParams } from '@brobygger/logging';
import { DomainApiModule } from './api/api.module';
import { CaseProcessModule } from './cases/cases.module';
import { AuthModule } from './auth/auth.module';
import { CasesViewModule } from './cases-view/cases-view.module';
import { HealthModule } from './health/health.module';
import { TasksModule } from './tasks/tasks.module';
import { ZeebeModule } from './zeebe/zeebe.module';

@Module({})
export class ServerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: ServerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(httpLoggerParams(config, 'server')),
        DatabaseModule.forRoot(databaseUrl),
        HealthModule,
        AuthModule,
        CasesViewModule,
        DomainApiModule,
        ZeebeModule,
        TasksModule,
        CaseProcessModule,
      ],
    };
  }
}
