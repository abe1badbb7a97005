import { evaluate, toJsonValue } from '@brobygger/feel';
import type { ElementProcessor } from '../element-processor';
import { variableMapping } from '../../behaviors/variable-mapping';
import { failure } from '../../processing/failure';
import { jobWorkerTaskProcessor } from './job-worker-task-processor';

/** A script task with a zeebe:script FEEL expression: the engine computes the result itself. */
export const scriptTaskProcessor: ElementProcessor = {
  onActivate(element, instance, lifecycle) {
    const script = element.script!;
    const evaluated = evaluate(script.expression!, lifecycle.state.visibleVariables(instance.key));
    const json = evaluated.ok ? toJsonValue(evaluated.value) : evaluated;
    if (!json.ok) {
      return failure('EXTRACT_VALUE_ERROR', `Element '${element.id}': failed to evaluate the script: ${json.message}`);
    }
    lifecycle.toActivated(instance);
    if (script.resultVariable) {
      variableMapping.mergeResult(element, lifecycle.state, instance.key, { [script.resultVariable]: json.value });
    }
    lifecycle.complete(instance);
    return undefined;
  },
  onComplete: jobWorkerTaskProcessor.onComplete,
  onTerminate: (_element, instance, lifecycle) => lifecycle.toTerminated(instance),
};
