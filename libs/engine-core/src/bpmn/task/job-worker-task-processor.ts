import type { ElementProcessor } from '../element-processor';
import { jobs } from '../../behaviors/jobs';

/**
 * Service, user, send, script and business-rule tasks done by a job worker: activation creates
 * the job; the job's completion completes the element.
 */
export const jobWorkerTaskProcessor: ElementProcessor = {
  onActivate(element, instance, lifecycle) {
    const spec = jobs.evaluate(element, lifecycle.state.visibleVariables(instance.key));
    if (!spec.ok) return spec.failure;
    lifecycle.toActivated(instance);
    jobs.create(lifecycle.context, instance, spec.value);
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    lifecycle.takeOutgoingFlows(element, instance);
    return undefined;
  },

  onTerminate(_element, instance, lifecycle) {
    jobs.cancel(lifecycle.context, instance);
    lifecycle.toTerminated(instance);
  },
};
