import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Makes the validated configuration injectable, so no module reads process.env itself. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadConfig()) {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
