import { parseBpmn, type ExecutableProcess } from '@brobygger/bpmn';
import { formIdOfKey, loadFormCatalog, readProcessFiles } from '@brobygger/process-client';
import { jobWorkerRegistry } from '../../apps/workers/src/framework/job-worker.decorator';
import '../../apps/workers/src/workers.module';
import { startEngineUnderTest, type EngineUnderTest } from '../support/engine-harness';

let engine: EngineUnderTest;
beforeAll(async () => {
  engine = await startEngineUnderTest();
});
afterAll(() => engine.stop());

const files = readProcessFiles();
const forms = loadFormCatalog();

async function processesOf(name: string, xml: string): Promise<ExecutableProcess[]> {
  const outcome = await parseBpmn(xml, name);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.processes;
}

describe('the BPMN in processes/', () => {
  it('has the three processes of the placement lifecycle', () => {
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['placement-lifecycle.bpmn', 'company-outreach.bpmn', 'mentor-training.bpmn']),
    );
  });

  it.each(files.map((f) => [f.name, f.xml]))(
    '%s deploys on the engine, and again keeps its version',
    async (name, xml) => {
      const first = await engine.zbc.deployResource({ name, process: Buffer.from(xml) });
      const again = await engine.zbc.deployResource({ name, process: Buffer.from(xml) });
      expect(again.deployments[0].process.version).toBe(first.deployments[0].process.version);
    },
  );

  it.each(files.map((f) => [f.name, f.xml]))(
    '%s: every service task type has a registered worker',
    async (name, xml) => {
      const served = new Set(jobWorkerRegistry().map((w) => w.type));
      for (const process of await processesOf(name, xml)) {
        for (const element of Object.values(process.elements)) {
          if (element.kind === 'serviceTask')
            expect([element.id, served.has(element.taskDefinition!.type)]).toEqual([element.id, true]);
        }
      }
    },
  );

  it.each(files.map((f) => [f.name, f.xml]))(
    '%s: every user task has a form (identical to processes/forms), a candidate group and a due date',
    async (name, xml) => {
      for (const process of await processesOf(name, xml)) {
        for (const element of Object.values(process.elements).filter((e) => e.kind === 'userTask')) {
          const spec = element.userTask!;
          const formId = formIdOfKey(spec.formKey);
          expect([element.id, formId && forms.has(formId)]).toEqual([element.id, true]);
          expect(JSON.parse(process.userTaskForms[formId!])).toEqual(forms.get(formId!));
          expect([element.id, spec.candidateGroups]).toEqual([element.id, expect.stringMatching(/\w/)]);
          expect([element.id, spec.dueDate]).toEqual([element.id, expect.stringMatching(/^=/)]);
        }
      }
    },
  );

  it('the worker registry exports inputs and outputs of every worker as JSON', () => {
    const registry = JSON.parse(JSON.stringify(jobWorkerRegistry())) as {
      type: string;
      inputs: object;
      outputs: object;
    }[];
    const start = registry.find((w) => w.type === 'placement.start-practicum');
    expect(start).toMatchObject({
      inputs: { placementId: { type: 'string', required: true } },
      errors: { NO_VACANT_SEAT: expect.any(String), MENTOR_NOT_TRAINED: expect.any(String) },
    });
  });
});
