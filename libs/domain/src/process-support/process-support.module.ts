import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainModule } from '../domain.module';
import { PlacementStepsService } from './placement-steps.service';
import { UserTask } from './user-task.entity';
import { UserTaskInboxService } from './user-task-inbox.service';

/** What the processes need beyond the core domain services: lifecycle steps and the task inbox. */
@Module({
  imports: [DomainModule, TypeOrmModule.forFeature([UserTask])],
  providers: [UserTaskInboxService, PlacementStepsService],
  exports: [UserTaskInboxService, PlacementStepsService],
})
export class ProcessSupportModule {}
