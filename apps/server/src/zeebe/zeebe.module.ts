import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { ZBClient } from 'zeebe-node';
import { APP_CONFIG, AppConfig } from '@brobygger/config';
import { createZeebeClient } from '@brobygger/process-client';

export const ZEEBE = Symbol('ZEEBE');

/** Closes the server's Zeebe client with the application. */
@Injectable()
class ZeebeClientCloser implements OnApplicationShutdown {
  constructor(@Inject(ZEEBE) private readonly zbc: ZBClient) {}
  async onApplicationShutdown(): Promise<void> {
    await this.zbc.close();
  }
}

/**
 * The server is a Zeebe client too: it starts process instances and completes user-task jobs
 * through the gateway at ZEEBE_ADDRESS, never through the engine's internals.
 */
@Global()
@Module({
  providers: [
    {
      provide: ZEEBE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createZeebeClient(config.zeebeAddress),
    },
    ZeebeClientCloser,
  ],
  exports: [ZEEBE],
})
export class ZeebeModule {}
