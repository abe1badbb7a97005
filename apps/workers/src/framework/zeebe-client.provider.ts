import type { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@brobygger/config';
import { createZeebeClient } from '@brobygger/process-client';

export const ZEEBE_CLIENT = Symbol('ZEEBE_CLIENT');

/** The workers' own Zeebe client on ZEEBE_ADDRESS; closed by startWorkers' stop function. */
export const zeebeClientProvider: Provider = {
  provide: ZEEBE_CLIENT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => createZeebeClient(config.zeebeAddress),
};
