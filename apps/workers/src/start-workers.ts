import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { ZBClient } from 'zeebe-node';
import type { AppConfig } from '@brobygger/config';
import { deployProcesses } from '@brobygger/process-client';
import type { Stop } from '@brobygger/runtime';
import { adoptSeededCases } from './adoption/adopt-seeded-cases';
import { JobWorkersService } from './framework/job-workers.service';
import { ZEEBE_CLIENT } from './framework/zeebe-client.provider';
import { WorkersModule } from './workers.module';

/**
 * Deploys the processes in processes/ and connects the job workers to the Zeebe gateway at
 * ZEEBE_ADDRESS (ours, or a Camunda 8 cluster); with SEED_ADOPT_CASES, gives the seed's open cases
 * a process instance each (adoptSeededCases). The stop function closes the workers, then the
 * client, then the Nest context (and with it the database pool).
 */
export async function startWorkers(config: AppConfig, databaseUrl: string): Promise<Stop[]> {
  const app = await NestFactory.createApplicationContext(WorkersModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    // A failed start is reported to the caller (runProcess stops in order), not a process.exit.
    abortOnError: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const zbc = app.get<ZBClient>(ZEEBE_CLIENT);
  try {
    const deployed = await deployProcesses(zbc);
    logger.log({ processes: deployed }, 'processes deployed');
    app.get(JobWorkersService).start();
    if (config.seedAdoptCases) {
      const { adopted, skipped, failed } = await adoptSeededCases(app);
      logger.log({ adopted: Object.keys(adopted).length, skipped, failed: failed.length }, 'seeded cases adopted');
    }
  } catch (error) {
    await app.get(JobWorkersService).stop();
    await zbc.close();
    await app.close();
    throw error;
  }
  return [
    async () => {
      await app.get(JobWorkersService).stop();
      await zbc.close();
      await app.close();
    },
  ];
}
