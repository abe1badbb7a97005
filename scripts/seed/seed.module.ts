import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@brobygger/config';
import { DatabaseModule } from '@brobygger/database';
import { DomainModule } from '@brobygger/domain';

/** The domain services without HTTP, for the seed. */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: SeedModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl), DomainModule],
    };
  }
}
