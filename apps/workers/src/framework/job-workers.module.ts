import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkersService } from './job-workers.service';
import { ZEEBE_CLIENT, zeebeClientProvider } from './zeebe-client.provider';

/** Discovers @JobWorker methods on the application's providers and serves their job types. */
@Module({
  imports: [DiscoveryModule],
  providers: [zeebeClientProvider, JobWorkersService],
  exports: [JobWorkersService, ZEEBE_CLIENT],
})
export class JobWorkersModule {}
