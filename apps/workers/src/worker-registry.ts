import { jobWorkerRegistry, JobWorkerOptions } from './framework/job-worker.decorator';
import './workers.module';

/**
 * The job-worker registry as JSON, for the process-owner modeler: importing the workers module
 * loads every worker class, whose decorators fill the registry.
 */
export function workerRegistryJson(): string {
  return JSON.stringify(jobWorkerRegistry(), null, 2);
}

export function workerRegistry(): JobWorkerOptions[] {
  return jobWorkerRegistry();
}
