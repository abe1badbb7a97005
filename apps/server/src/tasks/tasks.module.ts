import { Module } from '@nestjs/common';
import { ProcessSupportModule } from '@brobygger/domain';
import { TaskCompletionService } from './task-completion.service';
import { TasksController } from './tasks.controller';

@Module({
  imports: [ProcessSupportModule],
  controllers: [TasksController],
  providers: [TaskCompletionService],
})
export class TasksModule {}
