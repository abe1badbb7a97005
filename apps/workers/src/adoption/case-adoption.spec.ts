import { parseBpmn } from '@brobygger/bpmn';
import { PLACEMENT_STAGES } from '@brobygger/domain';
import { readProcessFiles } from '@brobygger/process-client';
import { PROCESS_IDS } from '../../../../processes/names';
import { ADOPTION_START_ELEMENT } from './case-adoption.service';

describe('where an adopted case starts', () => {
  it('names a process-level element of placement-lifecycle for every stage but CLOSED', async () => {
    const file = readProcessFiles().find((f) => f.name === 'placement-lifecycle.bpmn')!;
    const outcome = await parseBpmn(file.xml, file.name);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const lifecycle = outcome.processes.find((p) => p.bpmnProcessId === PROCESS_IDS.placementLifecycle)!;
    expect(Object.keys(ADOPTION_START_ELEMENT).sort()).toEqual(PLACEMENT_STAGES.filter((s) => s !== 'CLOSED').sort());
    for (const elementId of Object.values(ADOPTION_START_ELEMENT)) {
      if (elementId === null) continue;
      const element = lifecycle.elements[elementId];
      expect(element).toBeDefined();
      // CreateProcessInstance start instructions start only at process level.
      expect(element.parentId).toBeUndefined();
    }
  });
});
