export * from './user-task.entity';
export * from './user-task-inbox.service';
export * from './placement-steps.service';
export * from './stable-id';
export * from './process-support.module';
