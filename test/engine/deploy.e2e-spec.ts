import { definitions, flow, sequence, serviceTask } from '../support/bpmn';
import { EngineUnderTest, GRPC, grpcError, startEngineUnderTest } from '../support/engine-harness';

jest.setTimeout(30_000);

describe('deploying BPMN through zeebe-node', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => (engine = await startEngineUnderTest()));
  afterAll(() => engine.stop());

  const deploy = (name: string, xml: string) => engine.zbc.deployResource({ process: Buffer.from(xml), name });

  it('gives a changed resource a new version and an identical one the same', async () => {
    const first = await deploy('order.bpmn', sequence('order', 'a'));
    const again = await deploy('order.bpmn', sequence('order', 'a'));
    const changed = await deploy('order.bpmn', sequence('order', 'a', 'b'));
    const [p1, p2, p3] = [first, again, changed].map((d) => d.deployments[0].process!);
    expect(p1).toMatchObject({ bpmnProcessId: 'order', version: 1, resourceName: 'order.bpmn' });
    expect(p2.version).toBe(1);
    expect(p2.processDefinitionKey).toBe(p1.processDefinitionKey);
    expect(p3.version).toBe(2);
    expect(p3.processDefinitionKey).not.toBe(p1.processDefinitionKey);
  });

  it('supports the older DeployProcess call', async () => {
    const response = await engine.zbc.deployProcess({
      definition: Buffer.from(sequence('legacy', 'a')),
      name: 'legacy.bpmn',
    });
    expect(response.processes[0]).toMatchObject({ bpmnProcessId: 'legacy', version: 1 });
  });

  it('refuses a bad file with every problem listed, each naming its element', async () => {
    const bad = definitions(
      'broken',
      [
        '<bpmn:startEvent id="start" />',
        '<bpmn:serviceTask id="noType" />',
        '<bpmn:exclusiveGateway id="choice" />',
        '<bpmn:endEvent id="e1" />',
        '<bpmn:endEvent id="e2" />',
        flow('f1', 'start', 'noType'),
        flow('f2', 'noType', 'choice'),
        flow('f3', 'choice', 'e1', '= x &gt; '),
        flow('f4', 'choice', 'e2'),
      ].join('\n'),
    );
    const both = await grpcError(deploy('broken.bpmn', bad));
    expect(both.code).toBe(GRPC.INVALID_ARGUMENT);
    expect(both.message).toContain("'broken.bpmn'");
    expect(both.message).toContain("'noType'");
    expect(both.message).toContain("'f3'");
    expect(both.message).toContain("'f4'");
  });

  it('deploys a multi-resource request all or nothing', async () => {
    const grpcCall = (engine.zbc as unknown as { grpc: { deployResourceSync(r: unknown): Promise<unknown> } }).grpc;
    const error = await grpcError(
      grpcCall.deployResourceSync({
        resources: [
          { name: 'good.bpmn', content: Buffer.from(sequence('goodOne', 'a')) },
          { name: 'bad.bpmn', content: Buffer.from(definitions('badOne', serviceTask('t', ''))) },
        ],
      }),
    );
    expect(error.code).toBe(GRPC.INVALID_ARGUMENT);
    expect(error.message).toContain("'bad.bpmn'");
    const created = await grpcError(engine.zbc.createProcessInstance({ bpmnProcessId: 'goodOne', variables: {} }));
    expect(created.code).toBe(GRPC.NOT_FOUND);
  });

  it('refuses what the engine cannot run yet, naming the element', async () => {
    const xml = definitions(
      'withLink',
      [
        '<bpmn:startEvent id="start" />',
        '<bpmn:intermediateThrowEvent id="jump"><bpmn:linkEventDefinition name="there" /></bpmn:intermediateThrowEvent>',
        '<bpmn:intermediateCatchEvent id="landing"><bpmn:linkEventDefinition name="there" /></bpmn:intermediateCatchEvent>',
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'jump'),
        flow('f2', 'landing', 'end'),
      ].join('\n'),
    );
    const error = await grpcError(deploy('link.bpmn', xml));
    expect(error.code).toBe(GRPC.INVALID_ARGUMENT);
    expect(error.message).toMatch(/'jump'.*not supported/);
  });

  it('refuses a resource that is not BPMN XML', async () => {
    const error = await grpcError(deploy('notes.bpmn', 'this is not xml'));
    expect(error.code).toBe(GRPC.INVALID_ARGUMENT);
    expect(error.message).toContain("'notes.bpmn'");
  });

  it('deploys Camunda forms beside the processes, versioned by their id', async () => {
    const form = (label: string) =>
      Buffer.from(
        JSON.stringify({
          id: 'progress-review',
          type: 'default',
          components: [{ type: 'textfield', key: 'note', label }],
        }),
      );
    const grpc = (engine.zbc as unknown as { grpc: { deployResourceSync(r: unknown): Promise<any> } }).grpc;
    const first = await grpc.deployResourceSync({
      resources: [
        { name: 'review.bpmn', content: Buffer.from(sequence('withForm', 'a')) },
        { name: 'review.form', content: form('Note') },
      ],
    });
    const deployed = first.deployments.map((d: { process?: unknown; form?: unknown }) => d.form ?? d.process);
    expect(deployed[1]).toMatchObject({ formId: 'progress-review', version: 1, resourceName: 'review.form' });
    const same = await grpc.deployResourceSync({ resources: [{ name: 'review.form', content: form('Note') }] });
    expect(same.deployments[0].form).toMatchObject({ version: 1, formKey: deployed[1].formKey });
    const changed = await grpc.deployResourceSync({
      resources: [{ name: 'review.form', content: form('Progress note') }],
    });
    expect(changed.deployments[0].form).toMatchObject({ version: 2 });
    const bad = await grpcError(
      grpc.deployResourceSync({ resources: [{ name: 'broken.form', content: Buffer.from('{"components": []}') }] }),
    );
    expect(bad.code).toBe(GRPC.INVALID_ARGUMENT);
    expect(bad.message).toContain("'broken.form': a form must have a non-empty string 'id'");
  });
});
