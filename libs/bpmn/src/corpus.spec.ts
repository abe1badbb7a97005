import * as fs from 'fs';
import * as path from 'path';
import { parseBpmn, type ParseOutcome } from './index';

const CORPUS = '/work/shared/corpus';
const manifestPath = path.join(CORPUS, 'manifest.json');
const hasCorpus = fs.existsSync(manifestPath);
const maybe = hasCorpus ? describe : describe.skip;

interface ManifestFile {
  path: string;
  type: string;
}

async function parseFile(rel: string): Promise<ParseOutcome> {
  return parseBpmn(fs.readFileSync(path.join(CORPUS, rel), 'utf8'), rel);
}

function messages(outcome: ParseOutcome): string[] {
  return outcome.ok ? [] : outcome.problems.map((p) => p.message);
}

maybe('the shared BPMN corpus', () => {
  it('never throws: every file yields processes or a non-empty problem list', async () => {
    const files = (JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { files: ManifestFile[] }).files.filter(
      (f) => f.type === 'bpmn',
    );
    expect(files.length).toBeGreaterThan(400);
    let accepted = 0;
    for (const f of files) {
      const outcome = await parseFile(f.path);
      if (outcome.ok) {
        accepted++;
        expect(outcome.processes.length).toBeGreaterThan(0);
      } else {
        expect(outcome.problems.length).toBeGreaterThan(0);
        for (const p of outcome.problems) expect(p.message.length).toBeGreaterThan(0);
      }
    }
    // Most of the Zeebe-targeted deployable processes must go through.
    expect(accepted).toBeGreaterThan(100);
  }, 60_000);

  // Outcomes checked by reading the files (and, where given, the upstream expectation in manifest.json).
  it('deploys the zeebe-node demo process with its service task', async () => {
    const outcome = await parseFile('zeebe-node/testdata/Client-DeployWorkflow.bpmn');
    expect(messages(outcome)).toEqual([]);
    if (outcome.ok) {
      const p = outcome.processes[0];
      expect(p.bpmnProcessId).toBe('test-process');
      expect(p.elements.ServiceTask_0xdwuw7.taskDefinition).toEqual({ type: 'demo-service', retries: '3' });
    }
  });

  it('refuses the SDK broken BPMN (empty job type), naming the task', async () => {
    const outcome = await parseFile('zeebe-node/testdata/Client-BrokenBpmn.bpmn');
    expect(messages(outcome).join('\n')).toContain(
      "Element 'ServiceTask_0g6tf5f': must have a zeebe:taskDefinition with a non-empty type",
    );
  });

  it('refuses the truncated modeler file as unreadable XML', async () => {
    const outcome = await parseFile('zeebe-node/testdata/modeller7File.bpmn');
    expect(messages(outcome)).toHaveLength(1);
    expect(messages(outcome)[0]).toContain('not a readable BPMN 2.0 XML file');
  });

  it('refuses a default flow that does not start at its gateway (Zeebe model API fixture)', async () => {
    const outcome = await parseFile('zeebe-monorepo/bpmn-model/validation/default-flow.bpmn');
    expect(messages(outcome).join('\n')).toContain(
      "Element 'gateway': default flow 'SequenceFlow_0s7tk8n' must start at this element",
    );
  });

  it('refuses two link catch events with the same name and accepts the valid link fixture', async () => {
    const bad = await parseFile(
      'zeebe-monorepo/bpmn-model/validation/LinkEventTest.testInvalidEventLinkMultipleTarget.bpmn',
    );
    expect(messages(bad).join('\n')).toContain("multiple link catch events with the name 'LinkA'");
    expect((await parseFile('zeebe-monorepo/bpmn-model/validation/LinkEventTest.testValidEventLink.bpmn')).ok).toBe(
      true,
    );
  });
});
