import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@brobygger/config';
import { DatabaseModule } from '@brobygger/database';
import { httpLoggerParams } from '@brobygger/logging';
import { HealthModule } from './health/health.module';

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
      ],
    };
  }
}
