import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@brobygger/config';
import { DatabaseModule } from '@brobygger/database';
import { DomainModule, ProcessSupportModule } from '@brobygger/domain';
import { loggerOptions } from '@brobygger/logging';
import { CaseAdoptionService } from './adoption/case-adoption.service';
import { JobWorkersModule } from './framework/job-workers.module';
import { UserTaskInboxWorker } from './inbox/user-task-inbox.worker';
import { OutreachWorkers } from './outreach/outreach.workers';
import { MatchingWorkers } from './placement/matching.workers';
import { MentorWorkers } from './placement/mentor.workers';
import { PlacementWorkers } from './placement/placement.workers';
import { PracticumStartWorker } from './placement/practicum-start.worker';

/** Every job worker of the placement processes, with the domain they write through. */
export const WORKER_PROVIDERS = [
  MatchingWorkers,
  PlacementWorkers,
  PracticumStartWorker,
  MentorWorkers,
  OutreachWorkers,
  UserTaskInboxWorker,
];

@Module({})
export class WorkersModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkersModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: loggerOptions(config, 'workers') }),
        DatabaseModule.forRoot(databaseUrl),
        DomainModule,
        ProcessSupportModule,
        JobWorkersModule,
      ],
      providers: [...WORKER_PROVIDERS, CaseAdoptionService],
    };
  }
}
