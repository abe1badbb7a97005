import { SetMetadata } from '@nestjs/common';

/** What a variable a worker reads or writes holds; the process-owner modeler shows these. */
export interface VariableSpec {
  type: 'string' | 'number' | 'boolean' | 'date' | 'date-time' | 'list' | 'object';
  required?: boolean;
  description?: string;
}

export interface JobWorkerOptions {
  /** The job type, as in `<zeebe:taskDefinition type="…" />`. */
  type: string;
  description: string;
  inputs: Record<string, VariableSpec>;
  outputs: Record<string, VariableSpec>;
  /** Error codes the worker throws as BPMN errors (job.error), for error boundary events. */
  errors?: Record<string, string>;
  /** How long a job stays with this worker before the engine hands it out again. */
  timeoutMs?: number;
  /**
   * `complete` (default): the handler's result completes the job. `hold`: the handler takes the
   * job over (user tasks) and it is completed later, elsewhere.
   */
  mode?: 'complete' | 'hold';
}

export const JOB_WORKER = Symbol('JOB_WORKER');

/** Every worker declared in the code base, by type: filled as worker classes are loaded. */
const declared = new Map<string, JobWorkerOptions>();

/** Marks a provider method as the handler of one job type. */
export function JobWorker(options: JobWorkerOptions): MethodDecorator {
  const previous = declared.get(options.type);
  if (previous && previous !== options) throw new Error(`two job workers declare the type '${options.type}'`);
  declared.set(options.type, options);
  return SetMetadata(JOB_WORKER, options);
}

/**
 * The registry of job workers as JSON: type, inputs, outputs and errors of each. The process-owner
 * modeler reads it to offer task types and check io mappings.
 */
export function jobWorkerRegistry(): JobWorkerOptions[] {
  return [...declared.values()]
    .sort((a, b) => a.type.localeCompare(b.type))
    .map(({ type, description, inputs, outputs, errors, mode }) => ({
      type,
      description,
      inputs,
      outputs,
      errors: errors ?? {},
      mode: mode ?? 'complete',
    }));
}
